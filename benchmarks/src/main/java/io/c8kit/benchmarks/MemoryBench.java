package io.c8kit.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.c8kit.benchmarks.baseline.RawRead;
import io.c8kit.benchmarks.synthetic.Rows;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * memory: destination-sqlite loading S interleaved streams (records round-robin, a per-stream STATE
 * every few hundred records of that stream, a STREAM_STATUS COMPLETE per stream at the end) under a
 * small heap ({@code -Xmx256m}). It must complete with every row loaded. Reported: peak heap
 * occupancy (the largest "before" figure of the GC log: the heap is never fuller than just before a
 * collection), the largest heap after a collection, and the peak resident set (VmHWM). One run.
 */
final class MemoryBench {
  private static final Pattern GC_LINE =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private MemoryBench() {}

  static Result run(Workspace ws) throws Exception {
    Options o = ws.options;
    Result r =
        new Result(
            "memory", String.format("memory: %,d streams, -Xmx%s", o.streams, o.memoryHeap), "MB");
    if (!Files.isRegularFile(o.sqliteJar)) {
      throw new java.io.FileNotFoundException("destination-sqlite jar not found: " + o.sqliteJar);
    }
    List<String> names = new ArrayList<>();
    for (int s = 0; s < o.streams; s++) {
      names.add(String.format("stream_%04d", s));
    }
    Path input = ws.dir.resolve("memory-input.jsonl");
    long states = makeInput(input, names, o.memoryRecords, o.memoryStateEvery);
    Path db = ws.dir.resolve("memory.sqlite");
    ws.deleteSqlite(db);
    Path config =
        ws.writeJson(
            "memory-config.json",
            Workspace.JSON.createObjectNode().put("destination_path", db.toString()));
    Path catalog = ws.writeJson("memory-catalog.json", Workspace.catalog(names));
    Path gcLog = ws.dir.resolve("memory-gc.log");
    Launcher.Spec spec =
        ws.probed(
            "memory c8kit",
            ws.java(
                "-Xmx" + o.memoryHeap,
                "-Xlog:gc:file=" + gcLog,
                "-jar",
                o.sqliteJar.toString(),
                "write",
                "--config",
                config.toString(),
                "--catalog",
                catalog.toString()));
    spec.stdin = input;
    spec.sampleRss = true;
    Launcher.Run run = Launcher.run(spec);
    String out =
        new String(run.head, StandardCharsets.UTF_8) + new String(run.tail, StandardCharsets.UTF_8);
    boolean oom = out.contains("OutOfMemoryError") || run.stderrTail().contains("OutOfMemoryError");
    long rows = run.exitCode == 0 ? totalRows(db) : -1;
    double[] heap = parseGcLog(gcLog);
    if (run.heapUsedAtExitKb > 0) {
      heap[0] =
          Math.max(heap[0], Math.round(run.heapUsedAtExitKb / 102.4) / 10.0); // also when no GC ran
    }
    r.wall.c8kit.add(heap[0]);
    r.target = "completes, no OOM";
    r.verdict = run.exitCode == 0 && !oom && rows == o.memoryRecords;
    if (!r.verdict) {
      r.error =
          "exit "
              + run.exitCode
              + (oom ? ", OutOfMemoryError" : "")
              + ", "
              + rows
              + " of "
              + o.memoryRecords
              + " rows; stderr: "
              + run.stderrTail();
    }
    r.details.put("records", o.memoryRecords);
    r.details.put("statesIn", states);
    r.details.put("rowsLoaded", rows);
    r.details.put("wallSeconds", ReadBench.round2(run.wallSeconds()));
    r.details.put("cpuSeconds", run.cpuSeconds());
    r.details.put("peakHeapMb", heap[0]);
    r.details.put("maxHeapAfterGcMb", heap[1]);
    r.details.put("maxCommittedHeapMb", heap[2]);
    r.details.put("gcCount", (long) heap[3]);
    long hwm = Math.max(run.hwmKb, run.sampledHwmKb);
    r.details.put("peakRssMb", hwm > 0 ? hwm / 1024 : null);
    Matcher stats = Pattern.compile("write finished: ([^\"]*)").matcher(out);
    if (stats.find()) {
      r.details.put("writeStats", stats.group(1));
    }
    ws.log.printf(
        "  memory: exit %d, %,d rows, peak heap %.0f MB, peak RSS %s MB%n",
        run.exitCode, rows, heap[0], r.details.get("peakRssMb"));
    return r;
  }

  /** Writes the interleaved input; returns the number of STATE lines. */
  static long makeInput(Path file, List<String> streams, long records, int stateEvery)
      throws Exception {
    int n = streams.size();
    SerializableString[] encoded = new SerializableString[n];
    for (int i = 0; i < n; i++) {
      encoded[i] = RawRead.head(streams.get(i));
    }
    long states = 0;
    long now = System.currentTimeMillis();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = Workspace.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (int i = 0; i < n; i++) {
        g.writeRaw(status(streams.get(i), "STARTED", now));
      }
      long[] perStream = new long[n];
      for (long i = 1; i <= records; i++) {
        int s = (int) ((i - 1) % n);
        RawRead.write(g, encoded[s], Rows.row(i), now);
        if (++perStream[s] % stateEvery == 0) {
          g.writeRaw(state(streams.get(s), i));
          states++;
        }
      }
      for (int i = 0; i < n; i++) {
        g.writeRaw(state(streams.get(i), records));
        states++;
        g.writeRaw(status(streams.get(i), "COMPLETE", now));
      }
    }
    return states;
  }

  private static String status(String stream, String status, long now) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":"
        + now
        + ".0,\"stream_status\":{\"stream_descriptor\":{\"name\":\""
        + stream
        + "\"},\"status\":\""
        + status
        + "\"}}}\n";
  }

  private static String state(String stream, long position) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream
        + "\"},\"stream_state\":{\"page\":"
        + position
        + "}}}}\n";
  }

  private static long totalRows(Path db) throws Exception {
    long total = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }

  /** {peak before GC, max after GC, max committed, GC count} in MB from a {@code -Xlog:gc} file. */
  static double[] parseGcLog(Path log) throws Exception {
    double before = 0;
    double after = 0;
    double committed = 0;
    int count = 0;
    if (!Files.exists(log)) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        count++;
        before = Math.max(before, mb(m.group(1), m.group(2)));
        after = Math.max(after, mb(m.group(3), m.group(4)));
        committed = Math.max(committed, mb(m.group(5), m.group(6)));
      }
    }
    return new double[] {before, after, committed, count};
  }

  private static double mb(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }
}
