package io.c8kit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child processes for the tests: connector jars run with {@code java -jar} exactly as a user or the
 * pipeline runner starts them, and two commands piped together ({@code source read | destination
 * write}). Output goes to files, so no pipe can fill up; a process that outlives its timeout is
 * killed.
 */
final class Proc {
  static final Duration TIMEOUT = Duration.ofMinutes(3);

  private Proc() {}

  /**
   * How a process ended and what it printed; exitCode is -1 when it was killed after its timeout.
   */
  record Result(
      List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
    /** The Airbyte messages on stdout (fails the test on any non-protocol line). */
    Messages messages() {
      return Messages.parse(stdout, this::toString);
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + exitCode
          + (timedOut ? " (timed out)" : "")
          + "\n--- stdout\n"
          + Text.clip(stdout, 6000)
          + "\n--- stderr\n"
          + Text.clip(stderr, 6000);
    }
  }

  /** The java launcher of the JVM running the tests. */
  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** {@code java [jvmArgs] -jar JAR args}. */
  static List<String> javaJar(Path jar, List<String> jvmArgs, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code java [fast start-up flags] -jar JAR args} in {@code dir} with no stdin. */
  static Result jar(Path jar, Path dir, String... args) {
    return exec(javaJar(jar, fastStart(jar), args), dir, null, Map.of(), TIMEOUT);
  }

  /** Runs {@code java -jar JAR args} exactly so, without any JVM flag, in {@code dir}. */
  static Result plainJar(Path jar, Path dir, String... args) {
    return exec(javaJar(jar, List.of(), args), dir, null, Map.of(), TIMEOUT);
  }

  private static final Map<Path, List<String>> FAST_START = new java.util.HashMap<>();

  /**
   * JVM flags that halve the start-up time of a connector jar on a small CI machine without
   * changing what it does: an AppCDS archive of the jar's classes (written once per test JVM by one
   * {@code spec} run, as the generated Dockerfile does for images) and the C1 compiler only. Every
   * test starts dozens of short-lived connector JVMs, so this is most of the e2e module's run time.
   * If the archive cannot be written, only the compiler flag is used.
   */
  static List<String> fastStart(Path jar) {
    return fastStart(jar, "spec");
  }

  /** {@link #fastStart(Path)} with the archive written by {@code java -jar JAR warmUp...}. */
  static synchronized List<String> fastStart(Path jar, String... warmUp) {
    return FAST_START.computeIfAbsent(
        jar.toAbsolutePath().normalize(),
        j -> {
          List<String> flags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
          try {
            Path dir = Files.createTempDirectory("c8kit-e2e-cds-");
            dir.toFile().deleteOnExit();
            Path archive = dir.resolve(j.getFileName() + ".jsa");
            // -Dc8kit.spec=full: spec through the whole CLI, not its fast path, as the Dockerfile
            // does
            Result r =
                exec(
                    javaJar(
                        j,
                        List.of(
                            "-XX:ArchiveClassesAtExit=" + archive,
                            "-Dc8kit.spec=full",
                            "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off"),
                        warmUp),
                    dir,
                    null,
                    Map.of(),
                    TIMEOUT);
            if (r.exitCode() == 0 && Files.isRegularFile(archive)) {
              archive.toFile().deleteOnExit();
              flags.add("-XX:SharedArchiveFile=" + archive);
              flags.add("-Xshare:auto");
            } else {
              System.out.println(
                  "[e2e] no AppCDS archive for " + j + ": " + Text.clip(r.toString(), 1000));
            }
          } catch (IOException e) {
            System.out.println("[e2e] no AppCDS archive for " + j + ": " + e);
          }
          return List.copyOf(flags);
        });
  }

  /** Runs a command to its end; stdin from a file (or empty), extra environment variables. */
  static Result exec(
      List<String> command, Path dir, Path stdin, Map<String, String> env, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("c8kit-e2e-", ".out");
      err = Files.createTempFile("c8kit-e2e-", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(
                  stdin != null
                      ? ProcessBuilder.Redirect.from(stdin.toFile())
                      : ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      pb.environment().putAll(env);
      Process p = pb.start();
      boolean done = waitFor(p, timeout);
      return new Result(
          command, done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), !done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  /** How a two-process pipe ended. */
  record PipeResult(Result source, Result destination) {
    @Override
    public String toString() {
      return "=== source\n" + source + "\n=== destination\n" + destination;
    }
  }

  /**
   * Runs {@code source | destination} concurrently, the way a platform pipes a sync: the source's
   * stdout is copied, as it comes, into the destination's stdin (and kept for the test). Both must
   * end within the timeout.
   */
  static PipeResult pipe(
      List<String> source, List<String> destination, Path dir, Duration timeout) {
    Path srcOut = null;
    Path srcErr = null;
    Path dstOut = null;
    Path dstErr = null;
    try {
      srcOut = Files.createTempFile("c8kit-e2e-src-", ".out");
      srcErr = Files.createTempFile("c8kit-e2e-src-", ".err");
      dstOut = Files.createTempFile("c8kit-e2e-dst-", ".out");
      dstErr = Files.createTempFile("c8kit-e2e-dst-", ".err");
      Process dst =
          new ProcessBuilder(destination)
              .directory(dir.toFile())
              .redirectOutput(dstOut.toFile())
              .redirectError(dstErr.toFile())
              .start();
      Process src =
          new ProcessBuilder(source)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(srcErr.toFile())
              .start();
      AtomicReference<IOException> pumpError = new AtomicReference<>();
      Path copy = srcOut;
      Thread pump =
          new Thread(
              () -> {
                try (InputStream in = src.getInputStream();
                    OutputStream to = dst.getOutputStream();
                    OutputStream keep = Files.newOutputStream(copy)) {
                  byte[] buf = new byte[1 << 16];
                  int n;
                  boolean open = true;
                  while ((n = in.read(buf)) >= 0) {
                    keep.write(buf, 0, n);
                    if (open) {
                      try {
                        to.write(buf, 0, n);
                      } catch (IOException e) {
                        // The destination stopped reading (it failed): keep draining the source.
                        open = false;
                        pumpError.set(e);
                      }
                    }
                  }
                } catch (IOException e) {
                  pumpError.compareAndSet(null, e);
                }
              },
              "e2e-pipe");
      pump.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean srcDone = waitFor(src, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      boolean dstDone = waitFor(dst, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (!srcDone) {
        src.destroyForcibly();
      }
      if (!dstDone) {
        dst.destroyForcibly();
      }
      pump.join(10_000);
      Result s =
          new Result(
              source,
              srcDone ? src.exitValue() : -1,
              Files.readString(srcOut),
              Files.readString(srcErr),
              !srcDone);
      Result d =
          new Result(
              destination,
              dstDone ? dst.exitValue() : -1,
              Files.readString(dstOut),
              Files.readString(dstErr)
                  + (pumpError.get() != null ? "\n[e2e pipe] " + pumpError.get() : ""),
              !dstDone);
      return new PipeResult(s, d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      delete(srcOut);
      delete(srcErr);
      delete(dstOut);
      delete(dstErr);
    }
  }

  /** Writes JSON to a file in {@code dir}; returns the file. */
  static Path json(Path dir, String name, Object json) {
    try {
      Path f = dir.resolve(name);
      Files.writeString(f, json instanceof String s ? s : Messages.JSON.writeValueAsString(json));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a directory tree, ignoring what cannot be deleted (temp files). */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(Proc::delete);
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** Parses JSON text. */
  static JsonNode parse(String json) {
    try {
      return Messages.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }
}
