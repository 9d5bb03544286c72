package io.c8kit.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * read: the c8kit benchmark source (one full-refresh stream of N synthetic rows) against the
 * hand-written {@code RawRead} writing the same RECORD lines with Jackson, pre-encoded names and
 * the same instant writer: the physical limit. Both write into a pipe that the harness reads and
 * counts. Figures are whole-process: records / (process start to exit), and records per CPU second
 * (user + system of the whole process). The pipe window (first to last byte) is kept as a detail.
 * The outputs are checked to be the same RECORD lines, byte for byte except {@code emitted_at}: the
 * first and last lines are compared and the total sizes must agree. An informational row runs the
 * same program with {@code Instant.toString()}, the baseline before issue 15.
 */
final class ReadBench {
  private static final Pattern EMITTED_AT = Pattern.compile("\"emitted_at\":\\d+");
  private static final String RECORD_PREFIX = "{\"type\":\"RECORD\",";

  /** The envelope JSON.stringify writes for the faros-airbyte-cdk's AirbyteRecord. */
  static final String NODE_RECORD_PREFIX = "{\"record\":";

  static final String NODE_RECORD_SUFFIX = "\"type\":\"RECORD\"}";

  /** JSON equality with numbers compared by value (512 equals 512.0, 1234.5 equals 1234.50). */
  static final java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> NUMBERS_BY_VALUE =
      (x, y) -> {
        if (x.isNumber() && y.isNumber()) {
          return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
        }
        return x.equals(y) ? 0 : 1;
      };

  private ReadBench() {}

  static List<Result> run(Workspace ws) throws Exception {
    Options o = ws.options;
    long n = o.readRecords;
    Result r =
        new Result("read", String.format("read %,d records", n), "records/s")
            .target(Result.Comparison.RATIO, ">= 0.90x", 0.90);
    r.baselineLabel = "hand-written Jackson, same instant writer";
    Result old =
        new Result(
            "read-instant-tostring",
            String.format("read %,d records, baseline with Instant.toString()", n),
            "records/s");
    old.comparison = Result.Comparison.RATIO;
    old.baselineLabel = "hand-written Jackson, Instant.toString()";
    old.note =
        "the baseline before issue 15: it formats created_at 4x slower than c8kit, so it is not the limit";
    Path configFile =
        ws.writeJson(
            "read-config-" + n + ".json", Workspace.JSON.createObjectNode().put("count", n));
    Path catalogFile = ws.writeJson("read-catalog.json", Workspace.catalog(List.of("rows")));
    List<Double> pipeC8kit = new ArrayList<>();
    List<Double> pipeBase = new ArrayList<>();
    long c8kBytes = 0;
    long baseBytes = 0;
    for (int i = 0; i < o.runs; i++) {
      Launcher.Run a = ws.runOk(ws.measured("read c8kit", ws.benchRead(configFile, catalogFile)));
      Launcher.Run b =
          ws.runOk(
              ws.measured(
                  "read baseline",
                  ws.java(
                      "-cp",
                      o.classpath,
                      "io.c8kit.benchmarks.baseline.RawRead",
                      Long.toString(n))));
      Launcher.Run c =
          ws.runOk(
              ws.measured(
                  "read baseline, Instant.toString()",
                  ws.java(
                      "-cp",
                      o.classpath,
                      "io.c8kit.benchmarks.baseline.RawRead",
                      Long.toString(n),
                      "instant-tostring")));
      if (i == 0) {
        verify(a, b);
        verify(a, c);
      }
      add(r, a, b, n);
      add(old, a, c, n);
      pipeC8kit.add(n / a.streamSeconds());
      pipeBase.add(n / b.streamSeconds());
      c8kBytes = a.stdoutBytes;
      baseBytes = b.stdoutBytes;
      ws.log.printf(
          "  read run %d/%d: c8kit %s, baseline %s, baseline with Instant.toString() %s%n",
          i + 1, o.runs, figures(a, n), figures(b, n), figures(c, n));
    }
    r.details.put("bytesPerRecord", round1((double) baseBytes / n));
    r.details.put("c8kitMBps", round1(n / Stats.median(wallSeconds(r)) * c8kBytes / n / 1e6));
    r.details.put("pipeWindowC8kit", Math.round(Stats.median(pipeC8kit)));
    r.details.put("pipeWindowBaseline", Math.round(Stats.median(pipeBase)));
    r.details.put("pipeWindowRatio", round2(Stats.median(pipeC8kit) / Stats.median(pipeBase)));
    r.details.put(
        "verified", "RECORD lines identical except emitted_at (first and last lines, total size)");
    old.details.put("verified", r.details.get("verified"));
    return List.of(r, old);
  }

  /** Adds one interleaved pair to a throughput row: records per wall second and per CPU second. */
  static void add(Result r, Launcher.Run c8kit, Launcher.Run baseline, long records) {
    r.wall.c8kit.add(records / c8kit.wallSeconds());
    r.wall.baseline.add(records / baseline.wallSeconds());
    if (c8kit.cpuMillis > 0 && baseline.cpuMillis > 0) {
      r.cpu.c8kit.add(records / c8kit.cpuSeconds());
      r.cpu.baseline.add(records / baseline.cpuSeconds());
    }
    r.runs.add(run("c8kit", c8kit, records));
    r.runs.add(run("baseline", baseline, records));
  }

  private static List<Double> wallSeconds(Result r) {
    return r.runs.stream()
        .filter(m -> m.get("side").equals("c8kit"))
        .map(m -> ((Number) m.get("wallSeconds")).doubleValue())
        .toList();
  }

  /** "612k rec/s, 2.95 s CPU" for the progress log. */
  static String figures(Launcher.Run run, long records) {
    return String.format(
        "%,.0f rec/s (%.2f s wall, %.2f s CPU)",
        records / run.wallSeconds(), run.wallSeconds(), run.cpuSeconds());
  }

  static Map<String, Object> run(String side, Launcher.Run run, long records) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", side);
    m.put("recordsPerSecond", Math.round(records / run.wallSeconds()));
    m.put("wallSeconds", round3(run.wallSeconds()));
    m.put("cpuSeconds", run.cpuSeconds());
    if (run.firstByteNanos >= 0) {
      m.put("firstByteSeconds", round3(run.firstByteNanos / 1e9));
      m.put("pipeWindowSeconds", round3(run.streamSeconds()));
    }
    m.put("stdoutBytes", run.stdoutBytes);
    if (!run.threadCpuMillis.isEmpty()) {
      m.put("threadCpuMs", run.threadCpuMillis);
    }
    return m;
  }

  /**
   * The baseline's lines must be the c8kit RECORD lines with other {@code emitted_at} values:
   * compares the first and last lines, and the total size once the c8kit non-RECORD lines are taken
   * off.
   */
  static void verify(Launcher.Run c8kit, Launcher.Run baseline) {
    Lines a = Lines.of(c8kit);
    Lines b = Lines.of(baseline);
    if (b.other != 0 || b.recordLines.isEmpty()) {
      throw new IllegalStateException("baseline output has non-RECORD lines or none");
    }
    compare(
        a.recordLines.subList(0, Math.min(a.firstTailIndex, a.recordLines.size())),
        b.recordLines.subList(0, Math.min(b.firstTailIndex, b.recordLines.size())),
        true);
    compare(
        a.recordLines.subList(a.firstTailIndex, a.recordLines.size()),
        b.recordLines.subList(b.firstTailIndex, b.recordLines.size()),
        false);
    long expected = c8kit.stdoutBytes - a.otherBytes;
    if (expected != baseline.stdoutBytes) {
      throw new IllegalStateException(
          "read outputs differ in size: c8kit RECORD lines total "
              + expected
              + " bytes ("
              + c8kit.stdoutBytes
              + " with "
              + a.other
              + " other lines), the baseline "
              + baseline.stdoutBytes
              + " bytes; c8kit emits other lines between records, or other records");
    }
  }

  private static void compare(List<String> a, List<String> b, boolean fromStart) {
    int n = Math.min(a.size(), b.size());
    if (n == 0) {
      return;
    }
    for (int k = 0; k < n; k++) {
      String x = a.get(fromStart ? k : a.size() - n + k);
      String y = b.get(fromStart ? k : b.size() - n + k);
      if (!normal(x).equals(normal(y))) {
        throw new IllegalStateException(
            "RECORD lines differ:\n  c8kit:    " + x + "\n  baseline: " + y);
      }
    }
  }

  private static String normal(String line) {
    return EMITTED_AT.matcher(line).replaceAll("\"emitted_at\":0");
  }

  /** The complete lines of a run's captured head and tail. */
  static final class Lines {
    final List<String> recordLines = new ArrayList<>();

    /** Index in {@link #recordLines} where the tail's lines start. */
    int firstTailIndex;

    int other;
    long otherBytes;

    static Lines of(Launcher.Run run) {
      Lines l = new Lines();
      String head = new String(run.head, StandardCharsets.UTF_8);
      boolean all = run.tail.length == 0; // everything fit in the head
      l.add(head, false, !all);
      l.firstTailIndex = l.recordLines.size();
      if (!all) {
        // the tail starts inside a line: the rest of the head's last line, or further on
        l.add(new String(run.tail, StandardCharsets.UTF_8), true, false);
      }
      return l;
    }

    /** Adds the complete lines of {@code text}: without a partial first or last line when asked. */
    private void add(String text, boolean dropFirst, boolean dropLast) {
      String[] lines = text.split("\n", -1);
      int from = dropFirst ? 1 : 0;
      int to = lines.length - 1; // the part after the last newline is partial (or empty)
      if (!dropLast && !lines[lines.length - 1].isEmpty()) {
        throw new IllegalStateException("output does not end with a newline");
      }
      for (int i = from; i < to; i++) {
        String line = lines[i];
        if (line.startsWith(RECORD_PREFIX)
            || line.startsWith(NODE_RECORD_PREFIX) && line.endsWith(NODE_RECORD_SUFFIX)) {
          recordLines.add(line);
        } else {
          other++;
          otherBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
      }
    }
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
