package io.c8kit.acceptance.singer;

import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.singer.Tap;
import io.c8kit.singer.Target;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Singer tap or target under test: in-process ({@link Tap#run}/{@link Target#run}) or as the
 * connector's jar in its own JVM ({@code java -cp JAR io.c8kit.singer.TapMain}), which is what the
 * {@code tap-NAME}/{@code target-NAME} launchers execute.
 */
public interface SingerRunner {
  /** Exit code, stdout and stderr of one run. */
  record Result(int code, String stdout, String stderr) {
    public List<String> lines() {
      return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }

    @Override
    public String toString() {
      return "exit "
          + code
          + "\n--- stdout (first 2000 chars)\n"
          + cut(stdout)
          + "\n--- stderr\n"
          + cut(stderr);
    }

    private static String cut(String s) {
      return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
  }

  Result run(String stdin, String... args);

  /** How the runner runs, for test names. */
  String label();

  static SingerRunner tap(SourceConnector<?> connector) {
    return inProcess(connector, null);
  }

  static SingerRunner target(DestinationConnector<?> connector) {
    return inProcess(null, connector);
  }

  private static SingerRunner inProcess(
      SourceConnector<?> source, DestinationConnector<?> destination) {
    return new SingerRunner() {
      @Override
      public Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
            source != null
                ? Tap.run(source, args, out, err)
                : Target.run(
                    destination,
                    args,
                    new ByteArrayInputStream(
                        (stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                    out,
                    err);
        return new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      }

      @Override
      public String label() {
        return "in-process";
      }
    };
  }

  /**
   * In-process, but from the connector's jar in its own class loader (the jar's own runtime and
   * Singer classes): for connectors that cannot share one class path, such as two connectors named
   * alike.
   */
  static SingerRunner inProcessJar(Path jar, boolean tap) {
    return new SingerRunner() {
      /**
       * One loader for every run: the JDBC drivers it registers stay registered (they cannot be
       * removed).
       */
      private ClassLoader loader;

      private synchronized ClassLoader loader() throws IOException, java.sql.SQLException {
        if (loader == null) {
          ClassLoader l =
              new java.net.URLClassLoader(
                  new java.net.URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
          // DriverManager finds drivers on the application class path only; these are the jar's
          for (java.sql.Driver d : java.util.ServiceLoader.load(java.sql.Driver.class, l)) {
            java.sql.DriverManager.registerDriver(d);
          }
          loader = l;
        }
        return loader;
      }

      @Override
      public Result run(String stdin, String... args) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
          ClassLoader l = loader();
          thread.setContextClassLoader(l);
          return runIn(l, stdin, args);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (java.sql.SQLException | ReflectiveOperationException e) {
          throw new IllegalStateException("cannot run " + jar + " in-process: " + e, e);
        } finally {
          thread.setContextClassLoader(previous);
        }
      }

      private Result runIn(ClassLoader loader, String stdin, String... args)
          throws ReflectiveOperationException {
        Class<?> kind =
            loader.loadClass(
                tap ? "io.c8kit.runtime.SourceConnector" : "io.c8kit.runtime.DestinationConnector");
        Object connector = null;
        for (Object c :
            java.util.ServiceLoader.load(loader.loadClass("io.c8kit.runtime.Connector"), loader)) {
          if (kind.isInstance(c)) {
            connector = c;
          }
        }
        if (connector == null) {
          throw new IllegalStateException("no connector in " + jar);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Object code;
        if (tap) {
          code =
              loader
                  .loadClass("io.c8kit.singer.Tap")
                  .getMethod(
                      "run",
                      kind,
                      String[].class,
                      java.io.OutputStream.class,
                      java.io.OutputStream.class)
                  .invoke(null, connector, args, out, err);
        } else {
          code =
              loader
                  .loadClass("io.c8kit.singer.Target")
                  .getMethod(
                      "run",
                      kind,
                      String[].class,
                      java.io.InputStream.class,
                      java.io.OutputStream.class,
                      java.io.OutputStream.class)
                  .invoke(
                      null,
                      connector,
                      args,
                      new ByteArrayInputStream(
                          (stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                      out,
                      err);
        }
        return new Result(
            (Integer) code,
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8));
      }

      @Override
      public String label() {
        return "in-process " + jar.getFileName();
      }
    };
  }

  /** The jar run as {@code java -cp JAR MAIN}; {@code main} is TapMain or TargetMain. */
  static SingerRunner jar(Path jar, boolean tap) {
    return new SingerRunner() {
      @Override
      public Result run(String stdin, String... args) {
        List<String> command =
            new ArrayList<>(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    jar.toString(),
                    tap ? "io.c8kit.singer.TapMain" : "io.c8kit.singer.TargetMain"));
        command.addAll(List.of(args));
        try {
          Path in = Files.createTempFile("singer-in", ".jsonl");
          Path out = Files.createTempFile("singer-out", ".txt");
          Path err = Files.createTempFile("singer-err", ".txt");
          try {
            Files.writeString(in, stdin == null ? "" : stdin);
            Process p =
                new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
              p.destroyForcibly();
              throw new IllegalStateException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
          } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }

      @Override
      public String label() {
        return "jar " + jar.getFileName();
      }
    };
  }
}
