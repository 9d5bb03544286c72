package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a target feeds the write engine, event by event, in input order: records of the catalog's
 * streams, state barriers, stream statuses. Each target turns its own input into these events (the
 * Airbyte target its stdin lines, the Singer target its Singer messages); the engine buffers,
 * commits through the connector's {@code SyncWriter} and hands each state back through {@link
 * WriteOutput} once everything before it is committed.
 *
 * <p>{@code position} locates the event in the input for error messages (a 1-based line number).
 * Not thread-safe: one thread feeds a run.
 */
public interface WriteInput {
  /**
   * A record of a catalog stream.
   *
   * @param namespace the stream's namespace, or null
   * @param data the record's {@code data} object: a complete JSON object in UTF-8, kept as it is
   *     until the batch reaches the writer
   * @param meta the record's {@code meta} object, or null
   * @param sizeBytes the record's size in the input, for the buffer bounds
   */
  void record(
      String namespace,
      String stream,
      byte[] data,
      long emittedAt,
      ObjectNode meta,
      int sizeBytes,
      long position)
      throws Exception;

  /**
   * A state barrier: {@code state} (opaque to the engine) is handed to {@link
   * WriteOutput#stateCommitted} once every record received before it is committed.
   *
   * @param stream the stream a per-stream state belongs to, or null for a global one
   */
  void state(String namespace, String stream, Object state, long position) throws Exception;

  /**
   * A stream status. With any status in the input, a stream completes only by its own {@code
   * complete}; without any, the end of input completes every stream.
   */
  void streamStatus(String namespace, String stream, boolean complete, long position)
      throws Exception;

  /** Input that carries nothing for the engine (a log line, an unknown message). */
  void ignored(long position) throws Exception;

  /**
   * Nanoseconds the feeder may wait for input before calling {@link #idle()}; negative: forever.
   */
  long idleTimeoutNanos();

  /** No input arrived within {@link #idleTimeoutNanos()}: buffers that have aged are committed. */
  void idle() throws Exception;
}
