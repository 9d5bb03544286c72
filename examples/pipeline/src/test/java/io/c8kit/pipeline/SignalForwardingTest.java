package io.c8kit.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real process tree: the runner in its own JVM, running a fake source and destination as child
 * JVMs. A signal sent to the runner's PID alone (as Ctrl-C or {@code kill} does) must reach both
 * children, and the runner must say what was committed and where the state is.
 */
class SignalForwardingTest {
  private static final Pattern INTERRUPTED =
      Pattern.compile(
          "interrupted: ([\\d,]+) rows committed, state saved to (\\S+), rerun to resume");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalToTheRunnerReachesItsChildrenAndTheStateIsReported(String signal) throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{}");
    Path work = dir.resolve("work");
    // A JVM leaves SIGINT/SIGTERM alone when it starts with them ignored, as a build started in the
    // background of a non-interactive shell passes them on; a Ctrl-C reaches the runner with the
    // default
    // disposition, so the runner starts with it here too (coreutils env).
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "env",
                "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PipelineMain.class.getName(),
                "--source",
                FakeConnectors.jar(dir, FakeConnectors.Source.class).toString(),
                "--source-config",
                config.toString(),
                "--destination",
                FakeConnectors.jar(dir, FakeConnectors.Destination.class).toString(),
                "--destination-config",
                config.toString(),
                "--workdir",
                work.toString()));
    Process runner = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    // A runner that never exits must fail the test, not hang the build: killing it ends the reads
    // below.
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    watchdog.schedule(() -> killTree(runner), 150, TimeUnit.SECONDS);
    try {
      runAndInterrupt(runner, signal, work);
    } finally {
      watchdog.shutdownNow();
      killTree(runner);
    }
  }

  private static void killTree(Process runner) {
    runner.descendants().forEach(ProcessHandle::destroyForcibly);
    runner.destroyForcibly();
  }

  private void runAndInterrupt(Process runner, String signal, Path work) throws Exception {
    List<String> output = new ArrayList<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
    String line;
    boolean progressSeen = false;
    while ((line = lines.readLine()) != null) {
      output.add(line);
      // The destination chose modes from the destination's spec: no append_dedup.
      if (line.matches("\\s+ticks\\s+[\\d,]+ records\\s+[\\d,]+ rec/s \\d+:\\d\\d elapsed")) {
        progressSeen = true;
        break;
      }
    }
    assertTrue(progressSeen, "no progress line:\n" + String.join("\n", output));
    assertTrue(
        output.contains("  stream ticks                incremental -> append"),
        String.join("\n", output));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(work.resolve("state.json")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long sourcePid = Long.parseLong(Files.readString(dir.resolve("source.pid")));
    long destinationPid = Long.parseLong(Files.readString(dir.resolve("destination.pid")));

    new ProcessBuilder("kill", "-" + signal, Long.toString(runner.pid())).start().waitFor();
    while ((line = lines.readLine()) != null) {
      output.add(line);
    }
    assertTrue(runner.waitFor(90, TimeUnit.SECONDS), "the runner did not exit");
    String all = String.join("\n", output);
    assertFalse(
        ProcessHandle.of(sourcePid).map(ProcessHandle::isAlive).orElse(false),
        "source still runs:\n" + all);
    assertFalse(
        ProcessHandle.of(destinationPid).map(ProcessHandle::isAlive).orElse(false),
        "destination still runs");
    assertTrue(
        Files.exists(dir.resolve("source.terminated")), "the source got no signal (killed?)");
    assertTrue(
        Files.exists(dir.resolve("destination.terminated")), "the destination got no signal");
    Matcher m = INTERRUPTED.matcher(all);
    assertTrue(m.find(), all);
    long rows = Long.parseLong(m.group(1).replace(",", ""));
    assertTrue(rows >= 10, all);
    assertEquals(work.resolve("state.json").toAbsolutePath().toString(), m.group(2));
    String state = Files.readString(work.resolve("state.json"));
    assertTrue(
        state.contains("\"cursor\" : " + rows),
        "the saved state covers exactly the committed rows: " + rows + "\n" + state);
  }
}
