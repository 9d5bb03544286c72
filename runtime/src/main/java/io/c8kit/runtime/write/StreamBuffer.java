package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.destination.DestinationStream;
import java.util.ArrayList;

/**
 * One configured stream's run state and its buffer of not yet committed records. The buffer keeps
 * each record's {@code data} as the bytes read from stdin; its storage is allocated at the first
 * record and dropped at each flush, so idle streams cost a few fields.
 */
final class StreamBuffer {
  /** Fixed per-record accounting overhead (object headers, references), added to the line size. */
  static final int RECORD_OVERHEAD = 64;

  final DestinationStream stream;
  final int catalogIndex;

  /** Buffered records, in arrival order; {@code null} while empty. */
  ArrayList<Pending> records;

  long bytes;

  /** Sequence number of the first buffered record. */
  long firstSeq;

  /** Clock reading when the first buffered record arrived. */
  long firstNanos;

  /** Records received since the last STREAM state for this stream (its {@code recordCount}). */
  long sinceState;

  long received;
  long committed;
  boolean opened;

  /** STREAM_STATUS COMPLETE was received. */
  boolean completeSeen;

  /** {@code SyncWriter.complete} was called. */
  boolean completed;

  StreamBuffer(DestinationStream stream, int catalogIndex) {
    this.stream = stream;
    this.catalogIndex = catalogIndex;
  }

  boolean isEmpty() {
    return records == null || records.isEmpty();
  }

  int size() {
    return records == null ? 0 : records.size();
  }

  /** Adds a record; returns its accounted size. */
  long add(Pending p, long seq, long nowNanos) {
    if (records == null) {
      records = new ArrayList<>();
    }
    if (records.isEmpty()) {
      firstSeq = seq;
      firstNanos = nowNanos;
    }
    records.add(p);
    long size = (long) p.sizeBytes + RECORD_OVERHEAD;
    bytes += size;
    return size;
  }

  /** Hands the buffered records over and empties the buffer. */
  ArrayList<Pending> drain() {
    ArrayList<Pending> out = records;
    records = null;
    bytes = 0;
    return out;
  }

  /** A buffered record: its {@code data} bytes and envelope fields. */
  record Pending(byte[] data, long emittedAt, JsonNode meta, int sizeBytes) {}
}
