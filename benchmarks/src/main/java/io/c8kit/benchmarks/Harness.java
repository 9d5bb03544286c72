package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole-process benchmark harness: measures read (against the hand-written limit and against a
 * Node CDK source), its scaling with size and with streams, write, startup, memory and compile time
 * of c8kit next to baselines run interleaved in the same invocation on the same machine, prints one
 * table with wall and CPU medians (min–max) and whether each target holds on both, and writes it as
 * JSON. See {@code benchmarks/README.md} for the method; {@code benchmarks/run.sh} builds and runs
 * it.
 *
 * <p>Exit code 0 when every benchmark ran (whether or not its target holds), 1 when one failed to
 * run or its output check failed, 2 for a usage error.
 */
public final class Harness {
  private Harness() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Report report = run(options, System.out);
    System.exit(report.allRan() ? 0 : 1);
  }

  /** Everything one invocation produced. */
  public static final class Report {
    final String date;
    final List<Result> results = new ArrayList<>();
    final ObjectNode environment = Workspace.JSON.createObjectNode();
    String table;
    Path json;

    Report(String date) {
      this.date = date;
    }

    public boolean allRan() {
      return results.stream().allMatch(r -> r.error == null);
    }

    /** The printed table. */
    public String table() {
      return table;
    }

    /** The JSON file written. */
    public Path json() {
      return json;
    }

    /** Row ids in order. */
    public List<String> ids() {
      return results.stream().map(r -> r.id).toList();
    }

    /**
     * The median figures of a row: c8kit, baseline, compared by wall; then c8kit, baseline,
     * compared by CPU (NaN where there is none).
     */
    public double[] figures(String id) {
      Result r = row(id);
      return new double[] {
        r.wall.c8kitMedian(),
        r.wall.baselineMedian(),
        r.comparedWall(),
        r.cpu.c8kitMedian(),
        r.cpu.baselineMedian(),
        r.comparedCpu()
      };
    }

    /** Why a row did not run (e.g. Node is not installed), or null. */
    public String notRun(String id) {
      return row(id).notRun;
    }

    private Result row(String id) {
      return results.stream()
          .filter(x -> x.id.equals(id))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no row " + id));
    }

    /** The error of a row, or null. */
    public String error(String id) {
      return results.stream()
          .filter(x -> x.id.equals(id))
          .findFirst()
          .map(r -> r.error)
          .orElse(null);
    }
  }

  /**
   * Runs the selected benchmarks, prints progress and the table to {@code log}, writes the JSON.
   */
  public static Report run(Options options, PrintStream log) throws IOException {
    Instant now = Instant.now();
    Report report =
        new Report(
            DateTimeFormatter.ISO_INSTANT.format(
                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    Path dir = options.work != null ? options.work : Files.createTempDirectory("c8kit-bench-");
    Workspace ws = new Workspace(options, dir, log);
    describeEnvironment(report.environment, options);
    log.printf(
        "c8kit benchmarks%s: %d run(s) each, scratch %s%n",
        options.smoke ? " (smoke)" : "", options.runs, dir);
    try {
      for (String bench : options.only) {
        log.println("- " + bench);
        long t0 = System.nanoTime();
        try {
          switch (bench) {
            case "read" -> report.results.addAll(ReadBench.run(ws));
            case "node" -> report.results.add(NodeBench.run(ws));
            case "scaling" -> report.results.addAll(ScalingBench.run(ws));
            case "streams" -> report.results.addAll(StreamsBench.run(ws));
            case "write" -> report.results.add(WriteBench.run(ws));
            case "startup" -> report.results.addAll(StartupBench.run(ws));
            case "memory" -> report.results.add(MemoryBench.run(ws));
            case "compile" -> report.results.addAll(CompileBench.run(ws));
            default -> throw new IllegalArgumentException(bench);
          }
        } catch (Exception e) {
          log.println("  FAILED: " + e);
          report.results.add(Result.failed(bench, bench, "", e.toString()));
        }
        log.printf("  (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
      }
    } finally {
      report.environment.put("loadAverageAfter", loadAverage());
      if (!options.keepWork && options.work == null) {
        deleteTree(dir);
      }
    }
    report.table = table(report);
    log.println();
    log.print(report.table);
    report.json = writeJson(report, options.out);
    log.println("results: " + report.json);
    return report;
  }

  private static void describeEnvironment(ObjectNode env, Options o) {
    env.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    env.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("cpus", Runtime.getRuntime().availableProcessors());
    env.put("memoryGb", Math.round(physicalMemoryBytes() / 1e9 * 10) / 10.0);
    env.put("loadAverageBefore", loadAverage());
    env.put("gitCommit", git(o.root, "rev-parse", "--short", "HEAD"));
    env.put("gitDirty", !git(o.root, "status", "--porcelain").isEmpty());
    ObjectNode opts = env.putObject("options");
    opts.put("smoke", o.smoke);
    opts.put("runs", o.runs);
    opts.put("readRecords", o.readRecords);
    opts.put("records", o.records);
    opts.put("nodeRecords", o.nodeRecords);
    opts.put("nodeRuns", o.nodeRuns);
    opts.put("scalingSizes", o.scalingSizes.toString());
    opts.put("scalingRuns", o.scalingRuns);
    opts.put("streams", o.streams);
    opts.put("memoryRecords", o.memoryRecords);
    opts.put("memoryHeap", o.memoryHeap);
    opts.put("jvmFlags", String.join(" ", o.jvmFlags));
    opts.put("fakerJar", o.fakerJar.toString());
    opts.put("sqliteJar", o.sqliteJar.toString());
  }

  private static long physicalMemoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Runtime.getRuntime().maxMemory();
  }

  /** The 1-minute load average, or -1. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String git(Path root, String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? out : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  // ------------------------------------------------------------------ output

  static String table(Report report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "benchmark",
          "c8kit wall",
          "baseline wall (same runs)",
          "wall",
          "c8kit CPU",
          "baseline CPU",
          "CPU",
          "target",
          "holds"
        });
    for (Result r : report.results) {
      if (r.error != null) {
        rows.add(new String[] {r.label, "FAILED", "", "", "", "", "", r.target, "NO (failed)"});
        continue;
      }
      if (r.notRun != null) {
        rows.add(
            new String[] {
              r.label, "not run", r.baselineLabel, "", "", "", "", r.target, "(not run)"
            });
        continue;
      }
      String c = wallValue(r.wall.c8kit, r);
      String b =
          r.wall.baseline.isEmpty()
              ? "-"
              : wallValue(r.wall.baseline, r) + " (" + r.baselineLabel + ")";
      String cc = cpuValue(r.cpu.c8kit, r);
      String cb = cpuValue(r.cpu.baseline, r);
      Boolean holds = r.holds();
      String verdict;
      if (holds == null) {
        verdict = "(info)";
      } else if (r.verdict != null) {
        verdict = holds ? "yes" : "NO";
      } else {
        verdict =
            (holds ? "yes" : "NO")
                + " (wall "
                + (r.wallHolds() ? "yes" : "no")
                + ", CPU "
                + (r.cpuHolds() ? "yes" : "no")
                + ")";
      }
      rows.add(
          new String[] {
            r.label,
            c,
            b,
            r.comparedText(r.comparedWall()),
            cc,
            cb,
            r.comparedText(r.comparedCpu()),
            r.target,
            verdict
          });
    }
    int[] w = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    StringBuilder s = new StringBuilder();
    ObjectNode opts = (ObjectNode) report.environment.path("options");
    s.append("c8kit benchmarks, ")
        .append(report.date)
        .append(", ")
        .append(report.environment.path("cpus").asInt())
        .append(" cpus, ")
        .append(report.environment.path("java").asText())
        .append(", median (min-max) of ")
        .append(opts.path("runs").asInt())
        .append(
            " interleaved run(s); wall = whole process, start to exit;"
                + " CPU = user + system of the whole process")
        .append(opts.path("smoke").asBoolean() ? " [SMOKE: tiny sizes, not a measurement]" : "")
        .append(", load average ")
        .append(report.environment.path("loadAverageBefore").asDouble())
        .append(" -> ")
        .append(report.environment.path("loadAverageAfter").asDouble())
        .append('\n');
    for (int k = 0; k < rows.size(); k++) {
      String[] row = rows.get(k);
      s.append("| ");
      for (int i = 0; i < row.length; i++) {
        s.append(pad(row[i], w[i])).append(" | ");
      }
      s.setLength(s.length() - 1);
      s.append('\n');
      if (k == 0) {
        s.append('|');
        for (int width : w) {
          s.append("-".repeat(width + 2)).append('|');
        }
        s.append('\n');
      }
    }
    for (Result r : report.results) {
      if (r.error != null) {
        s.append("  ")
            .append(r.id)
            .append(": FAILED: ")
            .append(r.error.lines().findFirst().orElse(""))
            .append('\n');
        continue;
      }
      if (r.notRun != null) {
        s.append("  ").append(r.id).append(": not run: ").append(r.notRun).append('\n');
        continue;
      }
      if (!details(r.details).isEmpty()) {
        s.append("  ").append(r.id).append(": ").append(details(r.details)).append('\n');
      }
      if (r.note != null) {
        s.append("  ").append(r.id).append(": note: ").append(r.note).append('\n');
      }
    }
    if (report.environment.path("loadAverageBefore").asDouble()
        > report.environment.path("cpus").asInt()) {
      s.append(
          "  WARNING: the machine was busy (load average above the number of cpus): wall times are "
              + "inflated; rely on the CPU figures.\n");
    }
    return s.toString();
  }

  private static String details(Map<String, Object> d) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, Object> e : d.entrySet()) {
      if (e.getValue() instanceof List<?>
          || e.getKey().equals("verified")
          || e.getKey().equals("mode")) {
        continue;
      }
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(e.getKey()).append('=').append(e.getValue());
    }
    return s.toString();
  }

  /** "median (min-max)" of wall figures in the row's unit. */
  private static String wallValue(List<Double> v, Result r) {
    if (v.isEmpty()) {
      return "-";
    }
    if (r.unit.equals("MB")) {
      return r.details.get("peakRssMb") != null
          ? String.format(
              "peak heap %.0f MB, RSS %s MB", Stats.median(v), r.details.get("peakRssMb"))
          : String.format("%.0f MB", Stats.median(v));
    }
    String u =
        switch (r.unit) {
          case "records/s" -> " rec/s";
          case "rows/s" -> " rows/s";
          case "ms" -> " ms";
          default -> " " + r.unit;
        };
    return spread(v, r.unit.equals("ms")) + u;
  }

  /** CPU figures: per CPU second for throughput rows, CPU ms otherwise. */
  private static String cpuValue(List<Double> v, Result r) {
    if (v.isEmpty()) {
      return "-";
    }
    String u =
        switch (r.unit) {
          case "records/s" -> " rec/CPU-s";
          case "rows/s" -> " rows/CPU-s";
          default -> " ms";
        };
    return spread(v, !r.unit.endsWith("/s")) + u;
  }

  private static String spread(List<Double> v, boolean plain) {
    if (v.size() == 1) {
      return num(v.get(0), plain);
    }
    return num(Stats.median(v), plain)
        + " ("
        + num(Stats.min(v), plain)
        + "-"
        + num(Stats.max(v), plain)
        + ")";
  }

  /** 612k, 1.23M, or a plain number. */
  private static String num(double v, boolean plain) {
    if (plain || Math.abs(v) < 10_000) {
      return String.format("%,.0f", v);
    }
    if (Math.abs(v) < 1e6) {
      return String.format("%.0fk", v / 1e3);
    }
    return String.format("%.2fM", v / 1e6);
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  static Path writeJson(Report report, Path out) throws IOException {
    ObjectNode root = Workspace.JSON.createObjectNode();
    root.put("date", report.date);
    root.set("environment", report.environment);
    ArrayNode rows = root.putArray("results");
    for (Result r : report.results) {
      ObjectNode n = rows.addObject();
      n.put("id", r.id);
      n.put("label", r.label);
      n.put("unit", r.unit);
      n.put("baselineLabel", r.baselineLabel);
      n.put("comparison", r.comparison.name().toLowerCase(java.util.Locale.ROOT));
      figures(n.putObject("wall"), r.wall, r.error == null ? r.comparedWall() : Double.NaN);
      figures(n.putObject("cpu"), r.cpu, r.error == null ? r.comparedCpu() : Double.NaN);
      n.put("target", r.target);
      Boolean holds = r.holds();
      if (holds == null) {
        n.putNull("holds");
      } else {
        n.put("holds", holds);
      }
      if (r.error != null) {
        n.put("error", r.error);
      }
      if (r.notRun != null) {
        n.put("notRun", r.notRun);
      }
      if (r.note != null) {
        n.put("note", r.note);
      }
      n.set("details", Workspace.JSON.valueToTree(r.details));
      n.set("runs", Workspace.JSON.valueToTree(r.runs));
    }
    root.put("table", report.table);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Workspace.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), root);
    return out;
  }

  private static void figures(ObjectNode n, Result.Figures f, double compared) {
    for (String side : List.of("c8kit", "baseline")) {
      List<Double> v = side.equals("c8kit") ? f.c8kit : f.baseline;
      putNumber(n, side, Stats.median(v));
      putNumber(n, side + "Min", Stats.min(v));
      putNumber(n, side + "Max", Stats.max(v));
    }
    putNumber(n, "compared", compared);
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, Math.round(v * 1000) / 1000.0);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // leave it
    }
  }
}
