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
 * thread the engine logs on), one stream after another in catalog order, unless the sink declares
 * {@link #maxConcurrency()} above 1: then several streams may run at once, each {@link Stream} is
 * called from one thread only (its stream's), and {@link #log}, {@link #configChanged}, {@link
 * #flush} and {@link #stream} may be called from any of them.
 */
public interface ReadSink {
  /**
   * A stream's progress: STARTED, RUNNING at the first record (or before COMPLETE), then COMPLETE
   * or INCOMPLETE.
   */
  enum Status {
    STARTED,
    RUNNING,
    COMPLETE,
    INCOMPLETE
  }

  /**
   * How many streams this sink can take at the same time; 1 (the default) keeps the engine
   * sequential, whatever the source allows.
   */
  default int maxConcurrency() {
    return 1;
  }

  /**
   * The engine is about to run up to {@code threads} (more than 1, at most {@link
   * #maxConcurrency()}) streams at once: from now until {@link #endConcurrent()} the {@link
   * Stream}s asked for are read on their own threads.
   */
  default void beginConcurrent(int threads) {}

  /**
   * The concurrent streams have all ended (or the read was interrupted): everything they handed
   * over must reach its destination before this returns, as for {@link #flush()}.
   */
  default void endConcurrent() {}

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

    /**
     * The stream method waits on a rate limit, until {@code quotaResetMillis} when known (else
     * null).
     */
    void rateLimited(Long quotaResetMillis, long atMillis);
  }
}
