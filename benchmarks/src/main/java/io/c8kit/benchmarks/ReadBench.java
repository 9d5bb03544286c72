package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * read: the c8kit benchmark source ({@code BenchMain read}, one full-refresh stream of N synthetic
 * rows) against the hand-written {@code RawRead} writing the same RECORD lines with Jackson. Both
 * write into a pipe that the harness reads and counts. Throughput is measured from the first to the
 * last byte on the pipe, which leaves out JVM startup (measured on its own) but keeps JIT warm-up and
 * everything per record. The outputs are checked to be the same RECORD lines, byte for byte except
 * {@code emitted_at}: the first and last lines are compared and the total sizes must agree.
 */
final class ReadBench {
  private static final Pattern EMITTED_AT = Pattern.compile("\"emitted_at\":\\d+");
  private static final String RECORD_PREFIX = "{\"type\":\"RECORD\",";

  private ReadBench() {}

  /**
   * The target row (c8kit against the hand-written program as the issue defines it) and an
   * informational row against the same program formatting timestamps with c8kit's writer, which
   * isolates the framework's own cost from the value formatting.
   */
  static List<Result> run(Workspace ws) throws Exception {
    Options o = ws.options;
    Result r = new Result("read", String.format("read %,d records", o.records), "records/s");
    Result same = new Result("read-same-formatting",
        String.format("read %,d records, same value formatting", o.records), "records/s");
    ObjectNode config = Workspace.JSON.createObjectNode().put("count", o.records);
    Path configFile = ws.writeJson("read-config.json", config);
    Path catalogFile = ws.writeJson("read-catalog.json", Workspace.catalog(List.of("rows")));
    List<Double> c8k = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    List<Double> c8kCpu = new ArrayList<>();
    List<Double> baseCpu = new ArrayList<>();
    List<Double> c8kMain = new ArrayList<>();
    List<Double> baseMain = new ArrayList<>();
    List<Double> c8kJit = new ArrayList<>();
    List<Double> baseJit = new ArrayList<>();
    List<Double> sameInstants = new ArrayList<>();
    long c8kBytes = 0;
    long baseBytes = 0;
    boolean verified = false;
    for (int i = 0; i < o.runs; i++) {
      Launcher.Run a = ws.runOk(ws.probed("read c8kit", ws.java("-cp", o.classpath,
          "io.c8kit.benchmarks.synthetic.BenchMain", "read", "--config", configFile.toString(),
          "--catalog", catalogFile.toString())));
      Launcher.Run b = ws.runOk(ws.probed("read baseline", ws.java("-cp", o.classpath,
          "io.c8kit.benchmarks.baseline.RawRead", Long.toString(o.records))));
      Launcher.Run c = ws.runOk(ws.probed("read baseline, c8kit instants", ws.java("-cp",
          o.classpath, "io.c8kit.benchmarks.baseline.RawRead", Long.toString(o.records),
          "c8kit-instants")));
      if (!verified) {
        verify(a, b, o.records);
        verify(a, c, o.records);
        verified = true;
      }
      sameInstants.add(o.records / c.streamSeconds());
      same.runs.add(run("baseline-c8kit-instants", c, o.records));
      c8k.add(o.records / a.streamSeconds());
      base.add(o.records / b.streamSeconds());
      c8kCpu.add(a.cpuMillis / 1000.0);
      baseCpu.add(b.cpuMillis / 1000.0);
      c8kMain.add(a.threadCpuMillis.getOrDefault("main", 0L) / 1000.0);
      baseMain.add(b.threadCpuMillis.getOrDefault("main", 0L) / 1000.0);
      c8kJit.add(a.threadCpuMillis.getOrDefault("jit", 0L) / 1000.0);
      baseJit.add(b.threadCpuMillis.getOrDefault("jit", 0L) / 1000.0);
      c8kBytes = a.stdoutBytes;
      baseBytes = b.stdoutBytes;
      r.runs.add(run("c8kit", a, o.records));
      r.runs.add(run("baseline", b, o.records));
      ws.log.printf("  read run %d/%d: c8kit %,.0f rec/s, baseline %,.0f rec/s, baseline with c8kit's"
          + " instant writer %,.0f rec/s%n", i + 1, o.runs, c8k.get(i), base.get(i),
          sameInstants.get(i));
    }
    r.c8kit = Stats.median(c8k);
    r.baseline = Stats.median(base);
    r.baselineLabel = "hand-written Jackson";
    r.comparison = Result.Comparison.RATIO;
    r.target = ">= 0.90x";
    r.holds = r.compared() >= 0.90;
    double recordBytes = (double) baseBytes / o.records;
    r.details.put("bytesPerRecord", Math.round(recordBytes * 10) / 10.0);
    r.details.put("c8kitMBps", round1(r.c8kit * c8kBytes / o.records / 1e6));
    r.details.put("baselineMBps", round1(r.baseline * recordBytes / 1e6));
    r.details.put("c8kitCpuSeconds", round2(Stats.median(c8kCpu)));
    r.details.put("baselineCpuSeconds", round2(Stats.median(baseCpu)));
    r.details.put("cpuRatio", round2(Stats.median(baseCpu) / Stats.median(c8kCpu)));
    r.details.put("c8kitMainThreadCpuSeconds", round2(Stats.median(c8kMain)));
    r.details.put("baselineMainThreadCpuSeconds", round2(Stats.median(baseMain)));
    r.details.put("c8kitJitCpuSeconds", round2(Stats.median(c8kJit)));
    r.details.put("baselineJitCpuSeconds", round2(Stats.median(baseJit)));
    r.details.put("verified", "RECORD lines identical except emitted_at (first and last lines, total size)");
    same.c8kit = r.c8kit;
    same.baseline = Stats.median(sameInstants);
    same.baselineLabel = "hand-written Jackson, c8kit's instant writer";
    same.comparison = Result.Comparison.RATIO;
    same.details.put("why", "the baseline formats created_at with JsonValues.writeInstant instead of"
        + " Instant.toString(): the difference left is the framework's own per-record cost");
    same.details.put("verified", r.details.get("verified"));
    return List.of(r, same);
  }

  private static Map<String, Object> run(String side, Launcher.Run run, long records) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", side);
    m.put("recordsPerSecond", Math.round(records / run.streamSeconds()));
    m.put("streamSeconds", round3(run.streamSeconds()));
    m.put("firstByteSeconds", round3(run.firstByteNanos / 1e9));
    m.put("wallSeconds", round3(run.wallSeconds()));
    m.put("cpuSeconds", run.cpuMillis / 1000.0);
    m.put("stdoutBytes", run.stdoutBytes);
    m.put("threadCpuMs", run.threadCpuMillis);
    return m;
  }

  /**
   * The baseline's lines must be the c8kit RECORD lines with other {@code emitted_at} values: compares
   * the first and last lines, and the total size once the c8kit non-RECORD lines are taken off.
   */
  static void verify(Launcher.Run c8kit, Launcher.Run baseline, long records) {
    Lines a = Lines.of(c8kit);
    Lines b = Lines.of(baseline);
    if (b.other != 0 || b.recordLines.isEmpty()) {
      throw new IllegalStateException("baseline output has non-RECORD lines or none");
    }
    compare(a.recordLines.subList(0, Math.min(a.firstTailIndex, a.recordLines.size())),
        b.recordLines.subList(0, Math.min(b.firstTailIndex, b.recordLines.size())), true);
    compare(a.recordLines.subList(a.firstTailIndex, a.recordLines.size()),
        b.recordLines.subList(b.firstTailIndex, b.recordLines.size()), false);
    long expected = c8kit.stdoutBytes - a.otherBytes;
    if (expected != baseline.stdoutBytes) {
      throw new IllegalStateException("read outputs differ in size: c8kit RECORD lines total " + expected
          + " bytes (" + c8kit.stdoutBytes + " with " + a.other + " other lines), the baseline "
          + baseline.stdoutBytes + " bytes; c8kit emits other lines between records, or other records");
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
        throw new IllegalStateException("RECORD lines differ:\n  c8kit:    " + x + "\n  baseline: " + y);
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
        if (line.startsWith(RECORD_PREFIX)) {
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
