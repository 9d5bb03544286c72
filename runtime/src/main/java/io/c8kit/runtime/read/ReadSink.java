package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.RecordSerializer;
import java.util.logging.Level;

/**
 * Where the read engine hands its results, so that each target turns them into its own messages
 * (Airbyte lines, Singer lines, Kafka Connect source records) without the engine knowing any wire
 * format. Records arrive with the connector's generated {@link RecordSerializer}, so a target can
 * stream them into its own JSON generator without building a tree.
 *
 * <p>Calls come from the thread running the stream method (and, for {@link #log}, from whichever
 * thread the engine logs on), one stream after another in catalog order.
 */
public interface ReadSink {
  /** A stream's progress: STARTED, RUNNING at the first record (or before COMPLETE), then COMPLETE or INCOMPLETE. */
  enum Status { STARTED, RUNNING, COMPLETE, INCOMPLETE }

  /** The sink of one stream; asked for once, just before the stream starts. */
  Stream stream(String name, String namespace);

  /** A log line of the engine; {@code message} is already masked. */
  void log(Level level, String message);

  /**
   * The connector changed a config property during the read: {@code config} is the whole config's
   * JSON as the user gave it, with the change (and every earlier one) applied.
   */
  void configChanged(ObjectNode config, long atMillis);

  /**
   * A point where what was handed over should reach its destination: after each state, status
   * change and config change, and at the end of the read.
   */
  void flush();

  /** What one stream produces, in order. */
  interface Stream {
    /**
     * One record: {@code serializer} writes it as a JSON object. When the serializer throws, the
     * record must leave no trace and the exception must propagate.
     */
    <R> void record(RecordSerializer<? super R> serializer, R record, long emittedAtMillis);

    /**
     * A checkpoint: the engine's state for this stream (see docs/STATE.md), covering every record
     * handed over before it; {@code recordCount} records were handed over since the previous one.
     */
    void state(ObjectNode state, long recordCount);

    /** The stream's progress changed. */
    void status(Status status, long atMillis);

    /** The stream method waits on a rate limit, until {@code quotaResetMillis} when known (else null). */
    void rateLimited(Long quotaResetMillis, long atMillis);
  }
}
