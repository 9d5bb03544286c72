package io.c8kit.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting, draining and awaiting connector processes, shared by the Airbyte and Singer pipelines.
 */
final class ChildProcesses {
  private ChildProcesses() {}

  static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  static Process start(List<String> command) throws IOException {
    return new ProcessBuilder(command).start();
  }

  /**
   * Copies the child's stderr to {@code logs}, each line prefixed with {@code [role stderr]}, on a
   * daemon thread: an undrained stderr pipe would block the child once its buffer is full.
   */
  static void pipeStderr(Process p, String role, PrintStream logs) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r = reader(p.getErrorStream())) {
                String line;
                while ((line = r.readLine()) != null) {
                  logs.println("[" + role + " stderr] " + line);
                }
              } catch (IOException e) {
                logs.println("[" + role + " stderr] " + e.getMessage());
              }
            },
            role + "-stderr");
    t.setDaemon(true);
    t.start();
  }

  /** The child's exit code; a child still running after 10 minutes is killed and fails the run. */
  static int waitFor(Process p) throws InterruptedException {
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new PipelineException("connector did not exit within 10 minutes");
    }
    return p.exitValue();
  }
}
