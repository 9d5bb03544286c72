package io.c8kit.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The harness's command line. */
public final class Options {
  static final List<String> ALL =
      List.of("read", "node", "scaling", "streams", "write", "startup", "memory", "compile");

  boolean smoke;
  int runs = 5;

  /** Records of the read and parallel-streams benchmarks. */
  long readRecords = 2_000_000;

  /** Rows of the write benchmark. */
  long records = 1_000_000;

  /**
   * Records of the Node comparison: by default the read row's count (the same records as the read
   * against the hand-written limit; about 20 s of Node per run at 2M).
   */
  long nodeRecords = -1;

  int nodeRuns = 3;

  /**
   * The folder where benchmarks/node/install.sh installed the Node baseline; null: not installed.
   */
  Path nodeDir;

  /** Why the Node baseline is not available (install failure), shown in its row. */
  String nodeUnavailable;

  /** Sizes of the scaling table, and its runs per size. */
  List<Long> scalingSizes = List.of(200_000L, 1_000_000L, 4_000_000L);

  int scalingRuns = 3;

  /**
   * Attach the probe agent to the read and write processes (per-thread CPU; costs ~20 ms each
   * side).
   */
  boolean threadCpu;

  int streams = 1_000;
  long memoryRecords = 1_000_000;

  /** Per-stream STATE every this many records of that stream, in the memory input. */
  int memoryStateEvery = 500;

  String memoryHeap = "256m";
  int compileWarmups = 3;
  Path root;
  Path fakerJar;
  Path sqliteJar;

  /** Where the harness finds its build outputs (classpath files); the jar's folder by default. */
  Path buildDir;

  Path out;
  Path work;
  boolean keepWork;

  /** Class path of the harness's own programs (the synthetic source, the baselines). */
  String classpath;

  /**
   * A file holding the processor path for the compile benchmark (default
   * BUILD_DIR/classpath/processor.txt).
   */
  Path processorPathFile;

  final List<String> jvmFlags = new ArrayList<>();
  final Set<String> only = new LinkedHashSet<>(ALL);

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar c8kit-benchmarks.jar [options]",
          "  --smoke                 tiny sizes, 1 run (2,000 records, 10 streams): checks the harness works",
          "  --runs N                runs per figure, the median is reported (default 5; memory always 1)",
          "  --read-records N        records of read and streams (default 2,000,000)",
          "  --records N             rows of write (default 1,000,000)",
          "  --node-records N        records of the Node comparison (default: --read-records), --node-runs N (default 3)",
          "  --node-dir DIR          the Node baseline as installed by benchmarks/node/install.sh (run.sh does it)",
          "  --node-unavailable WHY  the Node row reports WHY instead of a figure (install failed)",
          "  --scaling SIZES         record counts of the scaling table (default 200000,1000000,4000000)",
          "  --scaling-runs N        runs per scaling size (default 3)",
          "  --thread-cpu            attach the probe agent to read/write processes: CPU per thread group in the JSON",
          "  --streams N             streams of the memory run (default 1,000)",
          "  --memory-records N      records of the memory run, round-robin over the streams (default 1,000,000)",
          "  --heap SIZE             -Xmx of the memory run (default 256m)",
          "  --only LIST             comma-separated subset of: read,node,scaling,streams,write,startup,memory,compile",
          "  --faker-jar PATH        default ROOT/examples/source-faker/target/source-faker.jar",
          "  --sqlite-jar PATH       default ROOT/examples/destination-sqlite/target/destination-sqlite.jar",
          "  --root DIR              the c8kit checkout (default: found from the current directory)",
          "  --build-dir DIR         the benchmarks build folder holding classpath/*.txt (default: the jar's folder)",
          "  --classpath CP          class path of the benchmark's own programs (default: this jar)",
          "  --processor-path-file F file with the processor path for compile (default BUILD_DIR/classpath/processor.txt)",
          "  --jvm-flags 'FLAGS'     extra JVM flags for every measured process, both sides (default none)",
          "  --out FILE              JSON results (default ROOT/benchmarks/results/latest.json; smoke: BUILD_DIR/smoke.json)",
          "  --work DIR              scratch folder (default: a new temp folder, deleted at the end)",
          "  --keep                  keep the scratch folder");

  public static Options parse(String... args) {
    Options o = new Options();
    Path root = null;
    String faker = null;
    String sqlite = null;
    boolean runsSet = false;
    boolean recordsSet = false;
    boolean readRecordsSet = false;
    boolean nodeRunsSet = false;
    boolean scalingSet = false;
    boolean scalingRunsSet = false;
    boolean streamsSet = false;
    boolean memRecordsSet = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--smoke" -> o.smoke = true;
        case "--runs" -> {
          o.runs = Integer.parseInt(value(args, ++i, a));
          runsSet = true;
        }
        case "--records" -> {
          o.records = count(value(args, ++i, a));
          recordsSet = true;
        }
        case "--read-records" -> {
          o.readRecords = count(value(args, ++i, a));
          readRecordsSet = true;
        }
        case "--node-records" -> {
          o.nodeRecords = count(value(args, ++i, a));
        }
        case "--node-runs" -> {
          o.nodeRuns = Integer.parseInt(value(args, ++i, a));
          nodeRunsSet = true;
        }
        case "--node-dir" -> o.nodeDir = Path.of(value(args, ++i, a));
        case "--node-unavailable" -> o.nodeUnavailable = value(args, ++i, a);
        case "--scaling" -> {
          List<Long> sizes = new ArrayList<>();
          for (String s : value(args, ++i, a).split(",")) {
            sizes.add(count(s.trim()));
          }
          o.scalingSizes = List.copyOf(sizes);
          scalingSet = true;
        }
        case "--scaling-runs" -> {
          o.scalingRuns = Integer.parseInt(value(args, ++i, a));
          scalingRunsSet = true;
        }
        case "--thread-cpu" -> o.threadCpu = true;
        case "--streams" -> {
          o.streams = Integer.parseInt(value(args, ++i, a));
          streamsSet = true;
        }
        case "--memory-records" -> {
          o.memoryRecords = Long.parseLong(value(args, ++i, a).replace("_", "").replace(",", ""));
          memRecordsSet = true;
        }
        case "--heap" -> o.memoryHeap = value(args, ++i, a);
        case "--only" -> {
          o.only.clear();
          for (String s : value(args, ++i, a).split(",")) {
            if (!ALL.contains(s.trim())) {
              throw new IllegalArgumentException("unknown benchmark " + s + "; known: " + ALL);
            }
            o.only.add(s.trim());
          }
        }
        case "--faker-jar" -> faker = value(args, ++i, a);
        case "--sqlite-jar" -> sqlite = value(args, ++i, a);
        case "--root" -> root = Path.of(value(args, ++i, a));
        case "--build-dir" -> o.buildDir = Path.of(value(args, ++i, a));
        case "--classpath" -> o.classpath = value(args, ++i, a);
        case "--processor-path-file" -> o.processorPathFile = Path.of(value(args, ++i, a));
        case "--jvm-flags" ->
            o.jvmFlags.addAll(Arrays.asList(value(args, ++i, a).trim().split("\\s+")));
        case "--out" -> o.out = Path.of(value(args, ++i, a));
        case "--work" -> o.work = Path.of(value(args, ++i, a));
        case "--keep" -> o.keepWork = true;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    o.jvmFlags.removeIf(String::isEmpty);
    if (o.smoke) {
      if (!runsSet) {
        o.runs = 1;
      }
      if (!recordsSet) {
        o.records = 2_000;
      }
      if (!readRecordsSet) {
        o.readRecords = 2_000;
      }
      if (!nodeRunsSet) {
        o.nodeRuns = 1;
      }
      if (!scalingSet) {
        o.scalingSizes = List.of(1_000L, 4_000L);
      }
      if (!scalingRunsSet) {
        o.scalingRuns = 1;
      }
      if (!streamsSet) {
        o.streams = 10;
      }
      if (!memRecordsSet) {
        o.memoryRecords = 2_000;
      }
      o.memoryStateEvery = 50;
      o.compileWarmups = 0;
    }
    if (o.nodeRecords < 0) {
      o.nodeRecords = o.readRecords;
    }
    if (o.runs < 1
        || o.records < 1
        || o.readRecords < 4
        || o.nodeRecords < 1
        || o.nodeRuns < 1
        || o.scalingRuns < 1
        || o.streams < 1
        || o.memoryRecords < o.streams) {
      throw new IllegalArgumentException(
          "runs, records and streams must be positive, read records >= 4,"
              + " memory records >= streams");
    }
    o.root = (root != null ? root : findRoot()).toAbsolutePath().normalize();
    o.fakerJar =
        faker != null
            ? Path.of(faker)
            : o.root.resolve("examples/source-faker/target/source-faker.jar");
    o.sqliteJar =
        sqlite != null
            ? Path.of(sqlite)
            : o.root.resolve("examples/destination-sqlite/target/destination-sqlite.jar");
    Path self = ownLocation();
    if (o.classpath == null) {
      o.classpath = self.toString();
    }
    if (o.buildDir == null) {
      o.buildDir = self.getParent();
    }
    if (o.out == null) {
      o.out =
          o.smoke
              ? o.buildDir.resolve("smoke.json")
              : o.root.resolve("benchmarks/results/latest.json");
    }
    return o;
  }

  private static long count(String text) {
    return Long.parseLong(text.replace("_", "").replace(",", ""));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** The nearest multiple of 4 at or below {@code n}: four streams of equal size. */
  long streamsRecords() {
    return readRecords / 4 * 4;
  }

  /** The jar (or classes folder) this class was loaded from. */
  static Path ownLocation() {
    try {
      return Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException("cannot locate the benchmarks jar", e);
    }
  }

  /** The nearest folder, from the current one up, that holds examples/ and benchmarks/. */
  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isDirectory(d.resolve("benchmarks"))) {
        return d;
      }
    }
    // from the jar: ROOT/benchmarks/<buildDir>/c8kit-benchmarks.jar
    Path self = ownLocation();
    for (Path d = self.getParent(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples")) && Files.isDirectory(d.resolve("benchmarks"))) {
        return d;
      }
    }
    return dir;
  }

  String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String pathSeparator() {
    return File.pathSeparator;
  }
}
