package io.c8kit.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Two tiny connectors with no dependencies, run by the pipeline as real child JVMs: a source that
 * reads forever (a RECORD every few milliseconds, a STATE every 10) and a destination that echoes
 * each STATE after counting the records before it. Each writes its PID and, when it is terminated
 * by a signal (its shutdown hook runs), a marker file next to its config.
 */
final class FakeConnectors {
  private FakeConnectors() {}

  /** A runnable jar whose main is {@code main}, finding its classes in this test's class folder. */
  static Path jar(Path dir, Class<?> main) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
    Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().getPath());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
    Path jar = dir.resolve(main.getSimpleName() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      // the manifest is all
    }
    return jar;
  }

  static Path configDir(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--config")) {
        return Path.of(args[i + 1]).toAbsolutePath().getParent();
      }
    }
    throw new IllegalArgumentException("no --config");
  }

  static void markLifecycle(Path dir, String role) throws IOException {
    Files.writeString(dir.resolve(role + ".pid"), Long.toString(ProcessHandle.current().pid()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.writeString(dir.resolve(role + ".terminated"), "signal");
                  } catch (IOException ignored) {
                    // the test then reports the missing marker
                  }
                }));
  }

  static PrintStream out() {
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }

  /** The source: check, discover and an endless incremental read of stream "ticks". */
  static final class Source {
    public static void main(String[] args) throws Exception {
      PrintStream out = out();
      switch (args[0]) {
        case "check" ->
            out.println(
                "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}");
        case "discover" ->
            out.println(
                "{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"ticks\","
                    + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}},"
                    + "\"supported_sync_modes\":[\"full_refresh\",\"incremental\"],\"source_defined_cursor\":true,"
                    + "\"default_cursor_field\":[\"n\"],\"source_defined_primary_key\":[[\"n\"]]}]}}");
        case "read" -> {
          markLifecycle(configDir(args), "source");
          for (long n = 1; ; n++) {
            out.println(
                "{\"type\":\"RECORD\",\"record\":{\"stream\":\"ticks\",\"data\":{\"n\":"
                    + n
                    + "},\"emitted_at\":1}}");
            if (n % 10 == 0) {
              out.println(
                  "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
                      + "{\"name\":\"ticks\"},\"stream_state\":{\"cursor\":"
                      + n
                      + "}}}}");
            }
            Thread.sleep(3);
          }
        }
        default -> System.exit(2);
      }
    }
  }

  /** The destination: spec (append and overwrite only), check, and a write that echoes states. */
  static final class Destination {
    public static void main(String[] args) throws Exception {
      PrintStream out = out();
      switch (args[0]) {
        case "spec" ->
            out.println(
                "{\"type\":\"SPEC\",\"spec\":{\"connectionSpecification\":{},"
                    + "\"supported_destination_sync_modes\":[\"append\",\"overwrite\"]}}");
        case "check" ->
            out.println(
                "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}");
        case "write" -> {
          markLifecycle(configDir(args), "destination");
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          long records = 0;
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("{\"type\":\"RECORD\"")) {
              records++;
            } else if (line.startsWith("{\"type\":\"STATE\"")) {
              out.println(
                  line.substring(0, line.length() - 2)
                      + ",\"destinationStats\":{\"recordCount\":"
                      + records
                      + "}}}");
              records = 0;
            }
          }
        }
        default -> System.exit(2);
      }
    }
  }
}
