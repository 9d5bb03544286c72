package io.c8kit.destination;

import java.util.List;

/**
 * The loading half of a destination, opened once per {@code write} run by the {@code @Writer}
 * method. The runtime parses, buffers and batches the input and echoes STATE messages; the writer
 * only stores batches. Calls come from one thread at a time unless {@link #concurrency()} allows
 * more.
 *
 * <p>The contract that makes state echo safe: when {@link #write} returns, the batch is durably
 * committed (one transaction per call is the usual shape).
 */
public interface SyncWriter extends AutoCloseable {
  /**
   * Called once per stream before its first batch, or at completion for a stream with no records.
   */
  default void open(DestinationStream stream) throws Exception {}

  /** Writes and commits one batch of records of {@code stream}, in arrival order. */
  void write(DestinationStream stream, List<DestinationRecord> batch) throws Exception;

  /**
   * The stream completed upstream and all its records are committed: apply the sync mode's final
   * step (swap in overwritten data, delete generations below {@code minimumGenerationId}, dedup).
   * Not called for a stream whose source did not complete.
   */
  default void complete(DestinationStream stream) throws Exception {}

  /**
   * How many streams' calls the runtime may run at once. The default, 1, makes every call come from
   * one thread, one at a time. Above 1, {@link #open}, {@link #write} and {@link #complete} for
   * <em>different</em> streams may run at the same time on different threads (so the writer must be
   * safe for that, e.g. one connection per call); calls for one stream never overlap and keep their
   * order, and {@link #close} runs after every other call has returned. The operator can lower it
   * with {@code C8KIT_WRITE_CONCURRENCY}, never raise it; a target that feeds the writer itself
   * (the Kafka Connect sink task) may ignore it and call from one thread.
   */
  default int concurrency() {
    return 1;
  }

  /** Releases resources at the end of the run, after success or failure. */
  @Override
  default void close() throws Exception {}
}
