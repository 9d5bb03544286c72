package io.c8kit.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-stream progress of a sync: records counted as they pass, and at a steady interval one line
 * per stream that moved, with its count, its rate since its first record and the sync's elapsed
 * time, so that a slow source shows up as a low rate rather than as silence.
 */
final class Progress {
  private static final class Counter {
    long records;
    long reported = -1;
    final long firstNanos;

    Counter(long firstNanos) {
      this.firstNanos = firstNanos;
    }
  }

  private final long startNanos;
  private final Map<String, Counter> streams = new LinkedHashMap<>();

  Progress(long startNanos) {
    this.startNanos = startNanos;
  }

  synchronized void record(String stream, long nowNanos) {
    streams.computeIfAbsent(stream, s -> new Counter(nowNanos)).records++;
  }

  synchronized long records(String stream) {
    Counter c = streams.get(stream);
    return c == null ? 0 : c.records;
  }

  /** The lines for the streams that moved since the last call. */
  synchronized List<String> lines(long nowNanos) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Counter> e : streams.entrySet()) {
      Counter c = e.getValue();
      if (c.records != c.reported) {
        lines.add(line(e.getKey(), c.records, nowNanos - c.firstNanos, nowNanos - startNanos));
        c.reported = c.records;
      }
    }
    return lines;
  }

  /** {@code " users 12,345 records 6,172 rec/s 0:02 elapsed"}. */
  static String line(String stream, long records, long streamNanos, long elapsedNanos) {
    double seconds = Math.max(streamNanos, 1) / 1e9;
    long rate = Math.round(records / Math.max(seconds, 0.001));
    return String.format(
        "  %-20s %,12d records %,9d rec/s %s elapsed", stream, records, rate, clock(elapsedNanos));
  }

  /** {@code m:ss}, or {@code h:mm:ss} past an hour. */
  static String clock(long nanos) {
    long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }
}
