package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The scratch folder and what every benchmark shares: the java command, the probe agent, files. */
final class Workspace {
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The main class the c8kit processor generates for the synthetic {@code BenchSource}: the only
   * place the harness names it (branch {@code engine} may rename generated mains or add a fixed
   * launcher; adapt it here).
   */
  static final String BENCH_MAIN = "io.c8kit.benchmarks.synthetic.BenchMain";

  final Options options;
  final Path dir;
  final Path probeJar;
  final Path helloJar;
  final PrintStream log;
  private int counter;

  Workspace(Options options, Path dir, PrintStream log) throws IOException {
    this.options = options;
    this.dir = dir;
    this.log = log;
    Files.createDirectories(dir);
    this.probeJar = dir.resolve("probe.jar");
    Manifest probe = manifest();
    probe
        .getMainAttributes()
        .put(new Attributes.Name("Premain-Class"), ProcessProbe.class.getName());
    jar(probeJar, probe, ProcessProbe.class);
    this.helloJar = dir.resolve("hello.jar");
    Manifest hello = manifest();
    hello
        .getMainAttributes()
        .put(Attributes.Name.MAIN_CLASS, io.c8kit.benchmarks.baseline.Hello.class.getName());
    jar(helloJar, hello, io.c8kit.benchmarks.baseline.Hello.class);
  }

  private static Manifest manifest() {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    return m;
  }

  /** A jar holding just {@code type}'s class file. */
  private static void jar(Path file, Manifest manifest, Class<?> type) throws IOException {
    String entry = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(entry);
        OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out, manifest)) {
      if (in == null) {
        throw new IOException("class file of " + type.getName() + " not found");
      }
      jar.putNextEntry(new JarEntry(entry));
      in.transferTo(jar);
      jar.closeEntry();
    }
  }

  /** {@code java FLAGS ARGS…}: the JVM of the harness with the shared flags. */
  List<String> java(String... args) {
    List<String> c = new ArrayList<>();
    c.add(options.javaExecutable());
    c.addAll(options.jvmFlags);
    c.addAll(List.of(args));
    return c;
  }

  /** A spec whose stderr goes to a numbered file in the scratch folder. */
  Launcher.Spec spec(String label, List<String> command) {
    Launcher.Spec s = new Launcher.Spec(label, command);
    int n = ++counter;
    s.stderrFile =
        dir.resolve("stderr-" + n + "-" + label.replaceAll("[^A-Za-z0-9]+", "_") + ".txt");
    return s;
  }

  /** As {@link #spec}, with the probe agent attached. */
  Launcher.Spec probed(String label, List<String> command) {
    Launcher.Spec s = spec(label, command);
    s.probeJar = probeJar;
    s.probeOut = dir.resolve("probe-" + counter + ".txt");
    return s;
  }

  /** As {@link #spec}, with the probe agent attached only when {@code --thread-cpu} asks for it. */
  Launcher.Spec measured(String label, List<String> command) {
    return options.threadCpu ? probed(label, command) : spec(label, command);
  }

  /**
   * {@code java -cp BENCHMARKS BENCH_MAIN read --config C --catalog K}: a read of the c8kit source.
   */
  List<String> benchRead(Path config, Path catalog) {
    return java(
        "-cp",
        options.classpath,
        BENCH_MAIN,
        "read",
        "--config",
        config.toString(),
        "--catalog",
        catalog.toString());
  }

  /** Runs and fails on a non-zero exit code. */
  Launcher.Run runOk(Launcher.Spec spec) throws IOException, InterruptedException {
    Launcher.Run run = Launcher.run(spec);
    if (run.exitCode != 0) {
      throw new IOException(
          spec.label
              + " exited with "
              + run.exitCode
              + "; stderr: "
              + run.stderrTail()
              + "\nstdout starts with: "
              + new String(
                  run.head,
                  0,
                  Math.min(run.head.length, 2000),
                  java.nio.charset.StandardCharsets.UTF_8));
    }
    return run;
  }

  Path writeJson(String name, JsonNode json) throws IOException {
    Path file = dir.resolve(name);
    JSON.writeValue(file.toFile(), json);
    return file;
  }

  /** The JSON schema the processor generated for the benchmark source's {@code rows} stream. */
  static ObjectNode rowsSchema() throws IOException {
    String resource =
        new io.c8kit.benchmarks.synthetic.BenchConnector()
            .definition().streams().stream()
                .filter(s -> s.name().equals("rows"))
                .findFirst()
                .orElseThrow(() -> new IOException("the benchmark source has no stream \"rows\""))
                .schemaResource();
    try (InputStream in =
        io.c8kit.benchmarks.synthetic.BenchConnector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not on the class path");
      }
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** A configured catalog of full-refresh streams with the rows schema, in {@code append} mode. */
  static ObjectNode catalog(List<String> streamNames) throws IOException {
    ObjectNode schema = rowsSchema();
    ObjectNode catalog = JSON.createObjectNode();
    ArrayNode streams = catalog.putArray("streams");
    for (String name : streamNames) {
      ObjectNode c = streams.addObject();
      ObjectNode s = c.putObject("stream");
      s.put("name", name);
      s.set("json_schema", schema);
      s.putArray("supported_sync_modes").add("full_refresh");
      s.putArray("source_defined_primary_key").addArray().add("id");
      c.put("sync_mode", "full_refresh");
      c.put("destination_sync_mode", "append");
      c.putArray("primary_key").addArray().add("id");
      c.put("generation_id", 0);
      c.put("minimum_generation_id", 0);
      c.put("sync_id", 0);
    }
    return catalog;
  }

  void deleteSqlite(Path db) throws IOException {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      Files.deleteIfExists(Path.of(db + suffix));
    }
  }
}
