package io.c8kit.archetypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README's first step promises: {@code mvn archetype:generate} with each archetype gives a
 * project that builds, passes its acceptance test and answers {@code spec} right away.
 */
class GeneratedProjectsTest {
  private static final String VERSION = "0.1.0-SNAPSHOT";
  private static final Pattern TESTS_RUN =
      Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+), Skipped: (\\d+)");

  @TempDir static Path work;
  static NestedMaven maven;

  @BeforeAll
  static void seedRepository() throws Exception {
    maven = NestedMaven.create(work);
  }

  @Test
  void sourceArchetypeGivesAPassingSourceThatAnswersSpec() throws Exception {
    Path project = generate("c8kit-archetype-source", "source-hello", "com.example.hello");
    assertTrue(
        Files.isRegularFile(project.resolve("src/main/java/com/example/hello/HelloSource.java")));
    assertTrue(Files.readString(project.resolve(".gitignore")).contains("target/"));
    build(project);
    String spec = java(project, "source-hello.jar", "spec");
    assertTrue(spec.startsWith("{\"type\":\"SPEC\""), spec);
    assertTrue(spec.contains("\"names\""), spec);
    String read =
        java(
            project,
            "source-hello.jar",
            "read",
            "--config",
            "sample_files/config.json",
            "--catalog",
            "sample_files/configured_catalog.json");
    assertEquals(3, read.lines().filter(l -> l.startsWith("{\"type\":\"RECORD\"")).count(), read);
  }

  @Test
  void destinationArchetypeGivesAPassingDestinationThatWritesTheSample() throws Exception {
    Path project =
        generate("c8kit-archetype-destination", "destination-jsonl", "com.example.jsonl");
    assertTrue(
        Files.isRegularFile(
            project.resolve("src/main/java/com/example/jsonl/JsonlDestination.java")));
    build(project);
    String spec = java(project, "destination-jsonl.jar", "spec");
    assertTrue(
        spec.contains("\"supported_destination_sync_modes\":[\"append\",\"overwrite\"]"), spec);
    String echoed =
        java(
            project,
            "destination-jsonl.jar",
            "write",
            "--config",
            "sample_files/config.json",
            "--catalog",
            "sample_files/configured_catalog.json");
    assertTrue(echoed.startsWith("{\"type\":\"STATE\""), echoed);
    assertEquals(
        List.of("{\"id\":1,\"text\":\"Hello, Ada!\"}"),
        Files.readAllLines(project.resolve("out/greetings.jsonl")));
  }

  @Test
  void aProjectWithoutAConnectorFailsTheBuildSayingSo() throws Exception {
    Path project = generate("c8kit-archetype-source", "source-empty", "com.example.empty");
    try (Stream<Path> files = Files.walk(project.resolve("src"))) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    Path pkg = Files.createDirectories(project.resolve("src/main/java/com/example/empty"));
    Files.writeString(
        pkg.resolve("Util.java"), "package com.example.empty;\n\npublic class Util {}\n");
    Path log = work.resolve("source-empty-build.log");
    int exit = maven.run(project, log, "package");
    assertTrue(exit != 0, "a module without a connector built:\n" + NestedMaven.tail(log, 40));
    assertTrue(
        Files.readString(log).contains("No c8kit connector was generated in source-empty"),
        NestedMaven.tail(log, 40));
  }

  private static Path generate(String archetype, String artifactId, String pkg) throws Exception {
    Path log = work.resolve(artifactId + "-generate.log");
    int exit =
        maven.run(
            work,
            log,
            "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
            "-DinteractiveMode=false",
            "-DarchetypeCatalog=local",
            "-DarchetypeGroupId=io.c8kit",
            "-DarchetypeArtifactId=" + archetype,
            "-DarchetypeVersion=" + VERSION,
            "-DgroupId=com.example",
            "-DartifactId=" + artifactId,
            "-Dpackage=" + pkg);
    assertEquals(0, exit, "archetype:generate failed:\n" + NestedMaven.tail(log, 60));
    return work.resolve(artifactId);
  }

  /** {@code mvn verify} of the generated project, which must have run and passed tests. */
  private static void build(Path project) throws Exception {
    Path log = project.resolveSibling(project.getFileName() + "-build.log");
    int exit = maven.run(project, log, "verify");
    assertEquals(
        0, exit, "mvn verify of the generated project failed:\n" + NestedMaven.tail(log, 80));
    int run = 0;
    try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
      for (Path report : reports.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Matcher m = TESTS_RUN.matcher(Files.readString(report));
        assertTrue(m.find(), report.toString());
        run += Integer.parseInt(m.group(1));
        assertEquals("0", m.group(2) + "", report + ": failures");
        assertEquals("0", m.group(3), report + ": errors");
        assertEquals("0", m.group(4), report + ": skipped");
      }
    }
    assertTrue(run > 10, "the generated project ran only " + run + " tests");
  }

  /**
   * Runs the built jar in the project folder with the sample files; stdin from
   * sample_files/messages.jsonl if present.
   */
  private static String java(Path project, String jar, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/" + jar));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Path messages = project.resolve("sample_files/messages.jsonl");
    pb.redirectInput(Files.exists(messages) ? messages.toFile() : new java.io.File("/dev/null"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "java -jar " + jar + " did not finish");
    assertEquals(0, p.exitValue(), "java -jar " + jar + " " + String.join(" ", args) + ":\n" + out);
    return out;
  }
}
