package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.airbyte.handwritten.HandwrittenMain;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ConnectorCli.main} in a real child JVM: exit codes, stdout discipline, termination. */
class MainProcessTest {
  @TempDir Path dir;

  private record Proc(int code, String stdout, String stderr) {}

  private Proc run(List<String> jvmArgs, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HandwrittenMain.class.getName());
    cmd.addAll(List.of(args));
    File out = dir.resolve("out.txt").toFile();
    File err = dir.resolve("err.txt").toFile();
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out)
            .redirectError(err)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "the connector process must terminate");
    return new Proc(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  private String config(String behavior) throws Exception {
    return Cli.write(
            dir,
            "config.json",
            "{\"host\":\"db\",\"api_key\":\"k-1234567\"," + "\"behavior\":\"" + behavior + "\"}")
        .toString();
  }

  @Test
  void specExitsZeroWithOneLine() throws Exception {
    Proc p = run(List.of(), "spec");
    assertEquals(0, p.code(), p.stderr());
    assertEquals(1, Cli.parse(p.stdout()).size(), p.stdout());
  }

  @Test
  void theSpecFastPathWritesExactlyTheFullClisBytes() throws Exception {
    ByteArrayOutputStream full = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            new HandwrittenSource(),
            new String[] {"spec"},
            InputStream.nullInputStream(),
            full,
            OutputStream.nullOutputStream());
    assertEquals(0, code);
    for (String form : List.of("spec", "--spec")) {
      Proc p = run(List.of(), form);
      assertEquals(0, p.code(), p.stderr());
      assertEquals(full.toString(StandardCharsets.UTF_8), p.stdout(), form);
      assertEquals("", p.stderr(), form);
    }
  }

  /** The classes a {@code spec} run loads, from {@code -Xlog:class+load}. */
  private String classesLoadedBySpec(String... jvmArgs) throws Exception {
    Path log = dir.resolve("classes-" + jvmArgs.length + ".log");
    List<String> flags = new ArrayList<>(List.of(jvmArgs));
    flags.add("-Xlog:class+load:file=" + log);
    Proc p = run(flags, "spec");
    assertEquals(0, p.code(), p.stderr());
    assertEquals(1, Cli.parse(p.stdout()).size(), p.stdout());
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Test
  void theSpecFastPathLoadsNeitherPicocliNorTheObjectMapperAndCanBeTurnedOff() throws Exception {
    String fast = classesLoadedBySpec();
    assertTrue(fast.contains("io.c8kit.airbyte.cli.SpecLine"), "the fast path ran");
    for (String heavy :
        List.of(
            "picocli.CommandLine",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory ",
            "io.c8kit.runtime.config.ConnectorSpec ")) {
      assertTrue(!fast.contains(heavy), heavy + " was loaded by the spec fast path");
    }
    // the Dockerfile's class-data archive is written with the full CLI
    String full = classesLoadedBySpec("-D" + ConnectorCli.FULL_SPEC_PROPERTY + "=full");
    assertTrue(
        full.contains("io.c8kit.airbyte.cli.CliRunner "), "-Dc8kit.spec=full runs the whole CLI");
    assertTrue(
        full.contains("com.fasterxml.jackson.databind.ObjectMapper "), "and its ObjectMapper");
    // a platform's command line is parsed without picocli (MachineArgs), so the archive needs none
    assertTrue(!full.contains("picocli.CommandLine "), "picocli parsed a machine command line");
  }

  @Test
  void specWithExtraArgumentsIsStillAUsageError() throws Exception {
    Proc p = run(List.of(), "spec", "--config", "x.json");
    assertEquals(2, p.code(), p.stdout());
    assertTrue(p.stdout().contains("\"failure_type\":\"config_error\""), p.stdout());
  }

  @Test
  void printlnAndLoggingDuringCheckBecomeLogMessagesAndStrayThreadsDoNotBlockExit()
      throws Exception {
    Proc p = run(List.of("-Dhandwritten.straythread=true"), "--check", "--config", config("noisy"));
    assertEquals(0, p.code(), p.stderr());
    var messages = Cli.parse(p.stdout()); // fails on any non-protocol line
    assertTrue(
        p.stdout().contains("{\"level\":\"INFO\",\"message\":\"println sees key ****\"}"),
        p.stdout());
    assertTrue(
        p.stdout().contains("\"message\":\"Uncaught exception in thread \\\"stray-failing\\\"\""),
        p.stdout());
    assertEquals(
        1,
        messages.stream().filter(m -> m.path("type").asText().equals("CONNECTION_STATUS")).count());
    assertTrue(!p.stdout().contains("k-1234567") && !p.stderr().contains("k-1234567"));
    assertTrue(p.stderr().contains("stderr sees key ****"), p.stderr());
  }

  @Test
  void usageErrorExitsTwoAndFailureExitsOne() throws Exception {
    Proc usage = run(List.of(), "bogus");
    assertEquals(2, usage.code());
    assertEquals(1, Cli.parse(usage.stdout()).size(), usage.stdout());
    assertTrue(usage.stderr().contains("Usage:"), usage.stderr());

    Proc failure = run(List.of(), "discover", "--config", dir.resolve("missing.json").toString());
    assertEquals(1, failure.code());
    assertTrue(failure.stdout().contains("\"failure_type\":\"config_error\""), failure.stdout());
  }
}
