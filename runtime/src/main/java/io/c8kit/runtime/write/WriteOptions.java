package io.c8kit.runtime.write;

import io.c8kit.ConfigException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.LongSupplier;

/**
 * Buffering limits of one {@code write} run. Read from system properties, then environment
 * variables, with the same names:
 *
 * <ul>
 *   <li>{@code C8KIT_FLUSH_RECORDS} (default 10,000): a stream's buffer is flushed at this many
 *       records;
 *   <li>{@code C8KIT_FLUSH_BYTES} (default 8 MiB): … or at this many buffered bytes;
 *   <li>{@code C8KIT_FLUSH_SECONDS} (default 60): … or when its oldest record is this old (also
 *       while stdin is idle), which bounds how long a STATE waits for its echo;
 *   <li>{@code C8KIT_BUFFER_BYTES} (default 64 MiB): all buffers together; above it the largest
 *       buffers are flushed first; batches being written count until they are committed.
 *   <li>{@code C8KIT_WRITE_CONCURRENCY} (unset): the most streams whose batches are written at
 *       once; it can only lower what the writer allows ({@code SyncWriter.concurrency()}), never
 *       raise it.
 * </ul>
 *
 * Byte sizes accept a {@code k}, {@code m} or {@code g} suffix (binary units).
 */
final class WriteOptions {
  static final String FLUSH_RECORDS = "C8KIT_FLUSH_RECORDS";
  static final String FLUSH_BYTES = "C8KIT_FLUSH_BYTES";
  static final String FLUSH_SECONDS = "C8KIT_FLUSH_SECONDS";
  static final String BUFFER_BYTES = "C8KIT_BUFFER_BYTES";
  static final String CONCURRENCY = "C8KIT_WRITE_CONCURRENCY";

  static final int DEFAULT_FLUSH_RECORDS = 10_000;
  static final long DEFAULT_FLUSH_BYTES = 8L << 20;
  static final double DEFAULT_FLUSH_SECONDS = 60;
  static final long DEFAULT_BUFFER_BYTES = 64L << 20;

  /**
   * Pending (not yet echoable) STATE messages above which the buffers holding them back are
   * flushed.
   */
  static final int DEFAULT_MAX_PENDING_STATES = 1_000;

  final int flushRecords;
  final long flushBytes;
  final long flushNanos;
  final long bufferBytes;
  final int maxPendingStates;

  /** The operator's limit on streams written at once; 0 = unset (the writer's own limit). */
  final int concurrency;

  /** Monotonic nanoseconds; tests inject a fake clock. */
  final LongSupplier clock;

  WriteOptions(
      int flushRecords,
      long flushBytes,
      long flushNanos,
      long bufferBytes,
      int maxPendingStates,
      int concurrency,
      LongSupplier clock) {
    if (flushRecords < 1
        || flushBytes < 1
        || flushNanos < 0
        || bufferBytes < 1
        || maxPendingStates < 1
        || concurrency < 0) {
      throw new IllegalArgumentException("buffer limits must be positive");
    }
    this.flushRecords = flushRecords;
    this.flushBytes = flushBytes;
    this.flushNanos = flushNanos;
    this.bufferBytes = bufferBytes;
    this.maxPendingStates = maxPendingStates;
    this.concurrency = concurrency;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static WriteOptions defaults() {
    return new WriteOptions(
        DEFAULT_FLUSH_RECORDS,
        DEFAULT_FLUSH_BYTES,
        seconds(DEFAULT_FLUSH_SECONDS),
        DEFAULT_BUFFER_BYTES,
        DEFAULT_MAX_PENDING_STATES,
        0,
        System::nanoTime);
  }

  /** The limits configured by system properties (first) and environment variables. */
  static WriteOptions fromEnvironment() {
    return from(System.getProperties(), System.getenv());
  }

  static WriteOptions from(Properties properties, Map<String, String> env) {
    int records =
        (int)
            Math.min(
                Integer.MAX_VALUE,
                parseCount(
                    FLUSH_RECORDS, setting(FLUSH_RECORDS, properties, env), DEFAULT_FLUSH_RECORDS));
    long bytes =
        parseBytes(FLUSH_BYTES, setting(FLUSH_BYTES, properties, env), DEFAULT_FLUSH_BYTES);
    double secs = parseSeconds(setting(FLUSH_SECONDS, properties, env));
    long total =
        parseBytes(BUFFER_BYTES, setting(BUFFER_BYTES, properties, env), DEFAULT_BUFFER_BYTES);
    String threads = setting(CONCURRENCY, properties, env);
    int concurrency =
        threads == null ? 0 : (int) Math.min(1024, parseCount(CONCURRENCY, threads, 1));
    return new WriteOptions(
        records,
        bytes,
        seconds(secs),
        total,
        DEFAULT_MAX_PENDING_STATES,
        concurrency,
        System::nanoTime);
  }

  WriteOptions withClock(LongSupplier clock) {
    return new WriteOptions(
        flushRecords, flushBytes, flushNanos, bufferBytes, maxPendingStates, concurrency, clock);
  }

  WriteOptions withLimits(int records, long bytes, long nanos, long total) {
    return new WriteOptions(records, bytes, nanos, total, maxPendingStates, concurrency, clock);
  }

  WriteOptions withMaxPendingStates(int max) {
    return new WriteOptions(
        flushRecords, flushBytes, flushNanos, bufferBytes, max, concurrency, clock);
  }

  WriteOptions withConcurrency(int threads) {
    return new WriteOptions(
        flushRecords, flushBytes, flushNanos, bufferBytes, maxPendingStates, threads, clock);
  }

  /**
   * How many streams' batches to write at once: never more than the writer allows or than there are
   * streams; the operator's setting if given, else no more than there are processors. Encoding
   * batches is CPU work, and with the database on the same machine more writing threads than cores
   * cost CPU for nothing (benchmarks/results/wconc.md: on 2 vCPUs, 4 threads gained no wall time
   * for +34-78 % CPU, 2 threads 1.2x wall); an operator whose database is elsewhere may raise it to
   * the writer's limit.
   */
  int threads(int writerAllows, int streams, int processors) {
    int n = Math.max(1, Math.min(writerAllows, streams));
    return Math.max(1, Math.min(n, concurrency > 0 ? concurrency : processors));
  }

  private static long seconds(double s) {
    return (long) (s * 1_000_000_000L);
  }

  private static String setting(String name, Properties properties, Map<String, String> env) {
    String v = properties.getProperty(name);
    if (v == null || v.isBlank()) {
      v = env.get(name);
    }
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static long parseCount(String name, String value, long dflt) {
    if (value == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(value.replace("_", ""));
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(name + " must be a positive integer, got \"" + value + "\"");
  }

  static long parseBytes(String name, String value, long dflt) {
    if (value == null) {
      return dflt;
    }
    String v = value.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (v.endsWith("ib")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("b")) {
      v = v.substring(0, v.length() - 1);
    }
    if (!v.isEmpty()) {
      switch (v.charAt(v.length() - 1)) {
        case 'k' -> unit = 1L << 10;
        case 'm' -> unit = 1L << 20;
        case 'g' -> unit = 1L << 30;
        default -> unit = 1;
      }
      if (unit != 1) {
        v = v.substring(0, v.length() - 1);
      }
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 1 && n <= Long.MAX_VALUE / unit) {
        return n * unit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        name + " must be a positive byte size such as 8388608, 8m or 64MiB, got \"" + value + "\"");
  }

  private static double parseSeconds(String value) {
    if (value == null) {
      return DEFAULT_FLUSH_SECONDS;
    }
    try {
      double s = Double.parseDouble(value);
      if (s >= 0 && s < 1e9) {
        return s;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        FLUSH_SECONDS + " must be a non-negative number of seconds, got \"" + value + "\"");
  }
}
