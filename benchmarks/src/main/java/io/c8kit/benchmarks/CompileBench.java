package io.c8kit.benchmarks;

import io.c8kit.benchmarks.baseline.ReplayProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * compile: what the c8kit processor adds to javac, per example connector.
 *
 * <p>Method. "with" = {@code javac -processorpath P} on the example's own sources: the processor
 * validates, generates its sources and javac compiles them in a second round. "without" = the same
 * command with {@code -proc:none} instead of {@code -processorpath P}: the <em>same user sources
 * only</em>, the same class path, so everything the processor causes, including compiling the
 * generated sources, is charged to the processor. Only when the user sources do not compile without
 * the generated classes (an example that references them) does "without" get the generated classes,
 * compiled once by a preparation run, as class files on its class path (plus {@code
 * -implicit:none}); the result's {@code baselineClasspath} detail says which. Checked: "without"
 * produces exactly the user classes of "with". Flags are the build's ({@code --release 17 -encoding
 * UTF-8 -parameters}) on the connector class path of this module.
 *
 * <p>The limit. A processor cannot generate sources without javac compiling them in another round,
 * so the cold runs also compile with {@code ReplayProcessor} in c8kit's place: no analysis, it only
 * writes the files the preparation run generated, through the Filer. That is the cheapest processor
 * with c8kit's output; the informational row {@code compile-<example>-limit} compares c8kit with
 * it, so the part of the overhead that c8kit's own work causes is told apart from the part any
 * generator of these files causes. Checked: it produces the same class files and resources as
 * "with".
 *
 * <p>Two settings: <b>cold</b>, a fresh {@code javac} process per compile (what a developer's
 * {@code javac} or a single-module build pays), wall and whole-process CPU; <b>warm</b>, in one JVM
 * after warm-up compiles (what a long-lived compiler such as a daemon or an IDE pays; javac loads
 * the processor path into a new class loader on every compile, as Maven does), wall and the
 * compiling thread's CPU. Runs alternate with and without.
 */
final class CompileBench {
  static final List<String> EXAMPLES = List.of("source-faker", "destination-sqlite");

  private CompileBench() {}

  static List<Result> run(Workspace ws) throws Exception {
    List<Result> results = new ArrayList<>();
    for (String example : EXAMPLES) {
      try {
        results.addAll(run(ws, example));
      } catch (Exception e) {
        ws.log.println("  compile " + example + " FAILED: " + e.getMessage());
        for (String mode : List.of("cold", "warm")) {
          results.add(
              Result.failed(
                  "compile-" + example + "-" + mode,
                  "javac " + example + " (" + mode + ")",
                  "ms",
                  e.toString()));
        }
      }
    }
    return results;
  }

  private static List<Result> run(Workspace ws, String example) throws Exception {
    Options o = ws.options;
    Path srcDir = o.root.resolve("examples").resolve(example).resolve("src/main/java");
    if (!Files.isDirectory(srcDir)) {
      throw new java.io.FileNotFoundException("no sources: " + srcDir);
    }
    List<String> sources = javaFiles(srcDir);
    String cp = classpathFile(o, "connector.txt");
    String processorPath =
        o.processorPathFile != null
            ? Files.readString(o.processorPathFile, StandardCharsets.UTF_8).trim()
            : classpathFile(o, "processor.txt");
    Path base = ws.dir.resolve("compile-" + example);
    Path prepGen = base.resolve("prep-gen");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler (a JRE instead of a JDK?)");
    }
    List<String> prep = withArgs(cp, processorPath, base.resolve("prep-classes"), prepGen, sources);
    compileInProcess(javac, prep);
    List<String> generated = javaFiles(prepGen);
    if (generated.isEmpty()) {
      throw new IllegalStateException("the processor generated no sources for " + example);
    }
    // "without" compiles the user sources only, on the same class path; the generated classes of
    // the preparation are added only if the user sources need them
    String cpWithout = cp;
    boolean sameClasspath = true;
    try {
      compileInProcess(javac, withoutArgs(cp, false, base.resolve("prep-without"), sources));
    } catch (IllegalStateException needsGenerated) {
      cpWithout = cp + java.io.File.pathSeparator + base.resolve("prep-classes");
      sameClasspath = false;
    }
    Set<String> generatedNames = new TreeSet<>();
    for (String g : generated) {
      String rel = prepGen.relativize(Path.of(g)).toString();
      generatedNames.add(rel.substring(0, rel.length() - ".java".length()));
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    Path replay =
        ReplayFolder.create(fresh(base.resolve("replay")), prepGen, base.resolve("prep-classes"));

    // cold: one javac process per compile
    List<Double> coldWith = new ArrayList<>();
    List<Double> coldWithout = new ArrayList<>();
    List<Double> cpuWith = new ArrayList<>();
    List<Double> cpuWithout = new ArrayList<>();
    List<Double> coldLimit = new ArrayList<>();
    List<Double> cpuLimit = new ArrayList<>();
    String javacExe = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
    for (int i = 0; i < o.runs; i++) {
      Path outWith = fresh(base.resolve("cold-with"));
      Path genWith = fresh(base.resolve("cold-with-gen"));
      Launcher.Run a =
          ws.runOk(
              javacSpec(
                  ws,
                  "javac with processor",
                  javacExe,
                  base.resolve("with.args"),
                  withArgs(cp, processorPath, outWith, genWith, sources)));
      Path outLimit = fresh(base.resolve("cold-limit"));
      Path genLimit = fresh(base.resolve("cold-limit-gen"));
      Launcher.Run c =
          ws.runOk(
              javacSpec(
                  ws,
                  "javac with the replay processor",
                  javacExe,
                  base.resolve("limit.args"),
                  limitArgs(cp, replay, outLimit, genLimit, sources)));
      Path outWithout = fresh(base.resolve("cold-without"));
      Launcher.Run b =
          ws.runOk(
              javacSpec(
                  ws,
                  "javac -proc:none",
                  javacExe,
                  base.resolve("without.args"),
                  withoutArgs(cpWithout, !sameClasspath, outWithout, sources)));
      if (i == 0) {
        Set<String> user = userClasses(classFiles(outWith), generatedNames);
        Set<String> y = classFiles(outWithout);
        if (user.isEmpty() || !user.equals(y)) {
          throw new IllegalStateException(
              "-proc:none did not produce the user classes of the compile with the"
                  + " processor: "
                  + user
                  + " vs "
                  + y);
        }
        Set<String> withFiles = files(outWith);
        Set<String> limitFiles = files(outLimit);
        if (!withFiles.equals(limitFiles)) {
          throw new IllegalStateException(
              "the replay processor did not produce c8kit's class files and resources: "
                  + limitFiles
                  + " vs "
                  + withFiles);
        }
      }
      coldLimit.add(c.wallNanos / 1e6);
      cpuLimit.add((double) c.cpuMillis);
      coldWith.add(a.wallNanos / 1e6);
      coldWithout.add(b.wallNanos / 1e6);
      cpuWith.add((double) a.cpuMillis);
      cpuWithout.add((double) b.cpuMillis);
    }
    Result cold =
        result(
            example,
            "cold",
            "fresh javac process; CPU of the whole process",
            coldWith,
            coldWithout,
            cpuWith,
            cpuWithout);
    cold.details.put("sources", sources.size());
    cold.details.put("generatedSources", generated.size());
    cold.details.put(
        "baselineClasspath",
        sameClasspath
            ? "same as with"
            : "same as with + the generated classes (user sources need them)");

    Result limit =
        new Result(
            "compile-" + example + "-limit",
            "javac " + example + " (cold), vs a processor writing the same files",
            "ms");
    limit.comparison = Result.Comparison.OVERHEAD;
    limit.baselineLabel = "ReplayProcessor: c8kit's output, no analysis";
    limit.wall.c8kit.addAll(coldWith);
    limit.wall.baseline.addAll(coldLimit);
    limit.cpu.c8kit.addAll(cpuWith);
    limit.cpu.baseline.addAll(cpuLimit);
    limit.note =
        "the same runs as the cold row: what c8kit's own work (validation, model, JavaPoet) adds"
            + " to a processor that only writes the same generated files; that processor's own cost"
            + " against -proc:none, and both warm, are in the details";
    limit.details.put("limitVsWithoutWall", percent(coldLimit, coldWithout));
    limit.details.put("limitVsWithoutCpu", percent(cpuLimit, cpuWithout));
    limit.details.put("cpuLimitMs", cpuLimit.stream().map(Math::round).toList());

    // warm: in this JVM, after warm-up compiles
    List<Double> warmWith = new ArrayList<>();
    List<Double> warmWithout = new ArrayList<>();
    List<Double> warmCpuWith = new ArrayList<>();
    List<Double> warmCpuWithout = new ArrayList<>();
    List<Double> warmCpuLimit = new ArrayList<>();
    for (int i = 0; i < o.compileWarmups + o.runs; i++) {
      Path outWith = fresh(base.resolve("warm-with"));
      Path genWith = fresh(base.resolve("warm-with-gen"));
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      compileInProcess(javac, withArgs(cp, processorPath, outWith, genWith, sources));
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      Path outWithout = fresh(base.resolve("warm-without"));
      long c2 = threads.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      compileInProcess(javac, withoutArgs(cpWithout, !sameClasspath, outWithout, sources));
      long t3 = System.nanoTime();
      long c3 = threads.getCurrentThreadCpuTime();
      List<String> limitArgs =
          limitArgs(
              cp,
              replay,
              fresh(base.resolve("warm-limit")),
              fresh(base.resolve("warm-limit-gen")),
              sources);
      long c4 = threads.getCurrentThreadCpuTime();
      // the processor given as an instance, not found on the processor path: under surefire the
      // path's class loader also sees the harness's class path, which holds c8kit's processor
      compileInProcess(javac, limitArgs, new ReplayProcessor());
      long c5 = threads.getCurrentThreadCpuTime();
      if (i >= o.compileWarmups) {
        warmCpuLimit.add((c5 - c4) / 1e6);
        warmWith.add((t1 - t0) / 1e6);
        warmWithout.add((t3 - t2) / 1e6);
        warmCpuWith.add((c1 - c0) / 1e6);
        warmCpuWithout.add((c3 - c2) / 1e6);
      }
    }
    Result warm =
        result(
            example,
            "warm",
            "in-process javac, warmed up; CPU of the compiling thread",
            warmWith,
            warmWithout,
            warmCpuWith,
            warmCpuWithout);
    limit.details.put("warmLimitVsWithoutCpu", percent(warmCpuLimit, warmCpuWithout));
    limit.details.put("warmVsLimitCpu", percent(warmCpuWith, warmCpuLimit));
    ws.log.printf(
        "  compile %s: cold %s wall, %s CPU (the limit: %+.1f %% CPU); warm %s wall, %s CPU (the"
            + " limit: %+.1f %% CPU)%n",
        example,
        cold.comparedText(cold.comparedWall()),
        cold.comparedText(cold.comparedCpu()),
        percent(cpuLimit, cpuWithout),
        warm.comparedText(warm.comparedWall()),
        warm.comparedText(warm.comparedCpu()),
        percent(warmCpuLimit, warmCpuWithout));
    return List.of(cold, limit, warm);
  }

  /** {@code a} over {@code b} by medians, as a rounded percentage (+29.5 for 29.5 % more). */
  private static double percent(List<Double> a, List<Double> b) {
    return Math.round((Stats.median(a) / Stats.median(b) - 1) * 1000) / 10.0;
  }

  /** Every file under {@code dir}, relative to it. */
  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** "with", the replay processor of folder {@code replay} in c8kit's place. */
  private static List<String> limitArgs(
      String cp, Path replay, Path out, Path gen, List<String> sources) throws IOException {
    List<String> a = withArgs(cp, replay.resolve("processor").toString(), out, gen, sources);
    a.add(0, "-A" + ReplayProcessor.OPTION + "=" + replay);
    return a;
  }

  private static Result result(
      String example,
      String mode,
      String how,
      List<Double> with,
      List<Double> without,
      List<Double> cpuWith,
      List<Double> cpuWithout) {
    Result r =
        new Result("compile-" + example + "-" + mode, "javac " + example + " (" + mode + ")", "ms")
            .target(Result.Comparison.OVERHEAD, "<= +20 %", 20);
    r.wall.c8kit.addAll(with);
    r.wall.baseline.addAll(without);
    r.cpu.c8kit.addAll(cpuWith);
    r.cpu.baseline.addAll(cpuWithout);
    r.baselineLabel = "-proc:none, user sources only";
    r.details.put("mode", how);
    r.details.put("withMs", with.stream().map(Math::round).toList());
    r.details.put("withoutMs", without.stream().map(Math::round).toList());
    r.details.put("cpuWithMs", cpuWith.stream().map(Math::round).toList());
    r.details.put("cpuWithoutMs", cpuWithout.stream().map(Math::round).toList());
    return r;
  }

  /** The classes of {@code all} not compiled from a generated source (nested classes too). */
  static Set<String> userClasses(Set<String> all, Set<String> generatedNames) {
    Set<String> user = new TreeSet<>();
    for (String c : all) {
      String name = c.substring(0, c.length() - ".class".length());
      int nested = name.indexOf('$');
      if (!generatedNames.contains(nested < 0 ? name : name.substring(0, nested))) {
        user.add(c);
      }
    }
    return user;
  }

  private static List<String> common(String cp, Path out) {
    return new ArrayList<>(
        List.of(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-parameters",
            "-nowarn",
            "-cp",
            cp,
            "-d",
            out.toString()));
  }

  static List<String> withArgs(
      String cp, String processorPath, Path out, Path gen, List<String> sources)
      throws IOException {
    Files.createDirectories(out);
    Files.createDirectories(gen);
    List<String> a = common(cp, out);
    a.addAll(List.of("-s", gen.toString(), "-processorpath", processorPath));
    a.addAll(sources);
    return a;
  }

  /**
   * {@code -proc:none} on {@code sources}; {@code generatedOnClasspath}: {@code cp} holds the
   * generated classes, which must not be compiled again from a source path.
   */
  static List<String> withoutArgs(
      String cp, boolean generatedOnClasspath, Path out, List<String> sources) throws IOException {
    Files.createDirectories(out);
    List<String> a = common(cp, out);
    a.add("-proc:none");
    if (generatedOnClasspath) {
      a.add("-implicit:none");
    }
    a.addAll(sources);
    return a;
  }

  private static Launcher.Spec javacSpec(
      Workspace ws, String label, String javac, Path argFile, List<String> args)
      throws IOException {
    Files.write(argFile, args.stream().map(CompileBench::quote).toList(), StandardCharsets.UTF_8);
    // no agent: the whole-process CPU comes from the harness's children times (Launcher)
    return ws.spec(label, List.of(javac, "@" + argFile));
  }

  private static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void compileInProcess(JavaCompiler javac, List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, null, err, args.toArray(new String[0]));
    if (rc != 0) {
      throw new IllegalStateException(
          "javac failed (" + rc + "): " + err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Compiles {@code args} (options, then source files) with exactly {@code processor}. */
  private static void compileInProcess(
      JavaCompiler javac, List<String> args, javax.annotation.processing.Processor processor)
      throws IOException {
    List<String> options = args.stream().filter(a -> !a.endsWith(".java")).toList();
    List<String> files = args.stream().filter(a -> a.endsWith(".java")).toList();
    java.io.StringWriter err = new java.io.StringWriter();
    try (javax.tools.StandardJavaFileManager fm =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(err, fm, null, options, null, fm.getJavaFileObjectsFromStrings(files));
      task.setProcessors(List.of(processor));
      if (!task.call()) {
        throw new IllegalStateException("javac failed: " + err);
      }
    }
  }

  private static String classpathFile(Options o, String name) throws IOException {
    Path f = o.buildDir.resolve("classpath").resolve(name);
    if (!Files.isRegularFile(f)) {
      throw new java.io.FileNotFoundException(
          f + " (written by the benchmarks build: mvn package)");
    }
    return Files.readString(f, StandardCharsets.UTF_8).trim();
  }

  private static List<String> javaFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java"))
          .map(Path::toString)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static Set<String> classFiles(Path dir) throws IOException {
    Set<String> all = files(dir);
    all.removeIf(f -> !f.endsWith(".class"));
    return all;
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
