package io.c8kit.acceptance.target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a subprocess with stdin, collecting stdout and stderr concurrently, with a time limit. */
final class ProcessRunner {
  /** What to do after a timeout, besides killing the process (e.g. remove a container). */
  interface OnTimeout {
    void run();
  }

  private ProcessRunner() {}

  static RunResult run(
      String target,
      List<String> shownArgs,
      List<String> command,
      Path workDir,
      byte[] stdin,
      Duration timeout,
      OnTimeout onTimeout) {
    long start = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workDir.toFile()).start();
    } catch (IOException e) {
      byte[] msg =
          ("c8kit-acceptance: cannot start " + String.join(" ", command) + ": " + e.getMessage())
              .getBytes(StandardCharsets.UTF_8);
      return RunResult.of(target, shownArgs, RunResult.THREW, new byte[0], msg, Duration.ZERO);
    }
    Thread outPump = pump(process.getInputStream(), out);
    Thread errPump = pump(process.getErrorStream(), err);
    Thread inPump =
        new Thread(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                if (stdin != null && stdin.length > 0) {
                  in.write(stdin);
                }
              } catch (IOException ignored) {
                // the process closed stdin early; its exit code tells the story
              }
            },
            "c8kit-acceptance-stdin");
    inPump.setDaemon(true);
    inPump.start();
    int exit;
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exit = process.exitValue();
      } else {
        process.destroyForcibly();
        if (onTimeout != null) {
          onTimeout.run();
        }
        process.waitFor(10, TimeUnit.SECONDS);
        exit = RunResult.TIMED_OUT;
      }
      outPump.join(10_000);
      errPump.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      exit = RunResult.TIMED_OUT;
    }
    byte[] stderr;
    synchronized (err) {
      if (exit == RunResult.TIMED_OUT) {
        err.writeBytes(
            ("\nc8kit-acceptance: timed out after " + timeout + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      stderr = err.toByteArray();
    }
    byte[] stdout;
    synchronized (out) {
      stdout = out.toByteArray();
    }
    return RunResult.of(
        target, shownArgs, exit, stdout, stderr, Duration.ofNanos(System.nanoTime() - start));
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[65536];
              try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  synchronized (sink) {
                    sink.write(buf, 0, n);
                  }
                }
              } catch (IOException ignored) {
                // stream closed
              }
            },
            "c8kit-acceptance-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
