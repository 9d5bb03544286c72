package io.c8kit.runtime.write;

import java.util.EnumMap;
import java.util.Map;

/** Counters of one write run: what was read, how it was flushed, the peak of buffered bytes. */
final class WriteStats {
  /** Why a buffer was flushed. */
  enum Reason {
    /** The stream's record bound. */
    RECORDS,
    /** The stream's byte bound. */
    BYTES,
    /** The oldest record reached the age bound. */
    AGE,
    /** All buffers together reached the global byte budget. */
    MEMORY,
    /** Too many states were waiting for buffered records. */
    STATES,
    /** The stream's STREAM_STATUS COMPLETE. */
    COMPLETE,
    /** End of input. */
    END,
    /** The run failed, not in the writer: what arrived before the failure is committed. */
    FAILURE
  }

  long records;
  long statesReceived;
  long statesEchoed;
  long ignoredLines;
  long batches;
  long completed;

  /** The most bytes (line sizes plus per-record overhead) that were buffered at any time. */
  long peakBufferedBytes;

  final Map<Reason, Long> batchesByReason = new EnumMap<>(Reason.class);

  void batch(Reason reason, int size) {
    batches++;
    batchesByReason.merge(reason, 1L, Long::sum);
  }

  long batches(Reason reason) {
    return batchesByReason.getOrDefault(reason, 0L);
  }

  @Override
  public String toString() {
    return records
        + " records in "
        + batches
        + " batches "
        + batchesByReason
        + ", "
        + statesEchoed
        + "/"
        + statesReceived
        + " states echoed, "
        + completed
        + " streams completed, peak buffer "
        + peakBufferedBytes
        + " bytes";
  }
}
