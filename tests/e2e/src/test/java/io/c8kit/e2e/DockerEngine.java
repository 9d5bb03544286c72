package io.c8kit.e2e;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The local Docker engine, driven through the docker CLI, for tests that build and run images. */
final class DockerEngine {
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why the engine is unusable, or "" when it answers; null until first checked. */
  private static volatile String problem;

  private DockerEngine() {}

  /**
   * Returns when `docker info` answers. Otherwise fails the calling test when CI=true or
   * C8KIT_DOCKER=1 (scripts/test.sh sets it: the engine was meant to be there), and skips it
   * everywhere else.
   */
  static void require() {
    String why = problem;
    if (why == null) {
      synchronized (DockerEngine.class) {
        why = problem;
        if (why == null) {
          why = probe();
          problem = why;
        }
      }
    }
    if (why.isEmpty()) {
      return;
    }
    String message =
        "No Docker engine ("
            + why
            + "). Start one with: bash scripts/docker-up.sh"
            + " (or run every test with: bash scripts/test.sh)";
    if (mandatory()) {
      fail(message + " [Docker tests must not be skipped when CI=true or C8KIT_DOCKER=1]");
    }
    Assumptions.abort(message);
  }

  /** True when a missing engine must fail tests rather than skip them. */
  static boolean mandatory() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || "1".equals(System.getenv("C8KIT_DOCKER"));
  }

  private static String probe() {
    try {
      Result info =
          exec(List.of("docker", "info", "--format", "{{.ServerVersion}}"), null, CLI_TIMEOUT);
      if (info.exitCode() == 0 && !info.stdout().isBlank()) {
        return "";
      }
      return "docker info exited "
          + info.exitCode()
          + ": "
          + firstLine(info.stderr() + info.stdout());
    } catch (UncheckedIOException e) {
      return "cannot run the docker client: " + e.getCause().getMessage();
    }
  }

  /**
   * `docker build -q -t TAG DIR`; returns the image id, or fails the test with the build output.
   */
  static String build(String tag, Path contextDir) {
    require();
    Result r =
        exec(
            List.of("docker", "build", "-q", "-t", tag, contextDir.toString()),
            null,
            BUILD_TIMEOUT);
    if (r.exitCode() != 0 || r.timedOut()) {
      fail(
          "docker build -t "
              + tag
              + " "
              + contextDir
              + " failed (exit "
              + r.exitCode()
              + (r.timedOut() ? ", timed out" : "")
              + ")\n"
              + r.stdout()
              + r.stderr());
    }
    return r.stdout().strip();
  }

  /** Removes an image (and its now unused layers), ignoring one that does not exist. */
  static void removeImage(String tag) {
    exec(List.of("docker", "image", "rm", "-f", tag), null, CLI_TIMEOUT);
  }

  /**
   * `docker image inspect --format FORMAT IMAGE`, trimmed; fails the test if the image is unknown.
   */
  static String inspect(String image, String format) {
    require();
    Result r =
        exec(List.of("docker", "image", "inspect", "--format", format, image), null, CLI_TIMEOUT);
    if (r.exitCode() != 0) {
      fail("docker image inspect " + image + " failed: " + r.stderr());
    }
    return r.stdout().strip();
  }

  /** The image's labels (empty when it has none). */
  static Map<String, String> labels(String image) {
    Map<String, String> labels =
        readJson(inspect(image, "{{json .Config.Labels}}"), new TypeReference<>() {});
    return labels == null ? Map.of() : labels;
  }

  /** The image's environment, NAME to value, in image order. */
  static Map<String, String> env(String image) {
    List<String> pairs = readJson(inspect(image, "{{json .Config.Env}}"), new TypeReference<>() {});
    Map<String, String> env = new LinkedHashMap<>();
    for (String pair : pairs == null ? List.<String>of() : pairs) {
      int eq = pair.indexOf('=');
      env.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
    }
    return env;
  }

  /** The image's ENTRYPOINT in exec form (empty when unset). */
  static List<String> entrypoint(String image) {
    List<String> entrypoint =
        readJson(inspect(image, "{{json .Config.Entrypoint}}"), new TypeReference<>() {});
    return entrypoint == null ? List.of() : entrypoint;
  }

  /** The image's USER ("" means root). */
  static String user(String image) {
    return inspect(image, "{{.Config.User}}");
  }

  /** The image's WORKDIR ("" when unset). */
  static String workdir(String image) {
    return inspect(image, "{{.Config.WorkingDir}}");
  }

  /**
   * A `docker run --rm --pull never --network none IMAGE …`, configured before {@link Run#exec}.
   */
  static Run run(String image) {
    return new Run(image);
  }

  /**
   * One container run: options, then {@link #exec(String...)} with the arguments after the image.
   */
  static final class Run {
    private final String image;
    private String network = "none";
    private final List<String> options = new ArrayList<>();
    private final List<Path> mountedDirs = new ArrayList<>();
    private List<String> entrypoint;
    private byte[] stdin;
    private boolean interactive;
    private String name;
    private Duration timeout = RUN_TIMEOUT;

    private Run(String image) {
      this.image = image;
    }

    /**
     * Network mode: "none" (the default) or "host" (for a connector that must reach the PostgreSQL
     * on 127.0.0.1; the engine has no bridge network).
     */
    Run network(String mode) {
      this.network = mode;
      return this;
    }

    /**
     * Bind-mounts a host directory ({@code -v HOST:CONTAINER}). Connector images run as uid 1000,
     * so everything in it is made readable and writable by everyone first (JUnit's temp dirs are
     * 0700).
     */
    Run mount(Path hostDir, String containerDir) {
      mountedDirs.add(hostDir);
      options.add("-v");
      options.add(hostDir.toAbsolutePath() + ":" + containerDir);
      return this;
    }

    /** Sets an environment variable in the container. */
    Run env(String name, String value) {
      options.add("-e");
      options.add(name + "=" + value);
      return this;
    }

    /** Runs as this user (e.g. "1000:1000") instead of the image's USER. */
    Run user(String user) {
      options.add("--user");
      options.add(user);
      return this;
    }

    /**
     * Replaces the image's ENTRYPOINT: the first word is the program, the rest go before the
     * arguments.
     */
    Run entrypoint(String... command) {
      this.entrypoint = List.of(command);
      return this;
    }

    /**
     * Feeds these bytes to the container's stdin ({@code -i}), e.g. the messages for {@code write}.
     */
    Run stdin(String text) {
      this.stdin = text.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** How long the container may run before it is killed (default 2 minutes). */
    Run timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Runs the container to its end and returns its exit code, stdout and stderr. */
    Result exec(String... args) {
      List<String> cmd = command(args);
      Result r = DockerEngine.exec(cmd, stdin, timeout);
      if (r.timedOut()) {
        // Killing the client does not stop the container: remove it by its name.
        removeContainer();
      }
      return r;
    }

    /**
     * The {@code docker run} command line for these arguments, for callers that start it themselves
     * (e.g. one end of a pipe; add {@code -i} with {@link #interactive()} to give it stdin).
     * Mounted directories are opened up for the container's user now. Each call names a new
     * container.
     */
    List<String> command(String... args) {
      require();
      for (Path dir : mountedDirs) {
        openUp(dir);
      }
      name = "c8kit-e2e-" + UUID.randomUUID().toString().substring(0, 12);
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "docker",
                  "run",
                  "--rm",
                  "--pull",
                  "never",
                  "--name",
                  name,
                  "--network",
                  network));
      if (stdin != null || interactive) {
        cmd.add("-i");
      }
      cmd.addAll(options);
      List<String> words = new ArrayList<>();
      if (entrypoint != null) {
        cmd.add("--entrypoint");
        cmd.add(entrypoint.get(0));
        words.addAll(entrypoint.subList(1, entrypoint.size()));
      }
      cmd.add(image);
      cmd.addAll(words);
      cmd.addAll(List.of(args));
      return cmd;
    }

    /** Keeps the container's stdin open ({@code -i}) for a caller that pipes into it. */
    Run interactive() {
      this.interactive = true;
      return this;
    }

    /** Removes the container of the last {@link #command} (after a timeout), ignoring errors. */
    void removeContainer() {
      if (name != null) {
        DockerEngine.exec(List.of("docker", "rm", "-f", name), null, CLI_TIMEOUT);
      }
    }
  }

  /** What a command printed and how it ended; exitCode is -1 when it timed out. */
  record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
    /** Non-empty stdout lines. */
    List<String> stdoutLines() {
      return stdout.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
      return "exit "
          + exitCode
          + (timedOut ? " (timed out)" : "")
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr;
    }
  }

  /**
   * Runs a command with stdout and stderr in temp files (no pipe can fill up), killed after the
   * timeout.
   */
  static Result exec(List<String> command, byte[] stdin, Duration timeout) {
    Path out = null;
    Path err = null;
    Path in = null;
    try {
      out = Files.createTempFile("c8kit-docker-", ".out");
      err = Files.createTempFile("c8kit-docker-", ".err");
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (stdin != null) {
        in = Files.createTempFile("c8kit-docker-", ".in");
        Files.write(in, stdin);
        pb.redirectInput(in.toFile());
      } else {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.destroyForcibly();
        try {
          p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new Result(
          done ? p.exitValue() : -1, Files.readString(out), Files.readString(err), !done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Path p : new Path[] {out, err, in}) {
        if (p != null) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // a temp file; the OS cleans /tmp
          }
        }
      }
    }
  }

  /**
   * Adds read and write for everyone (and search on directories, run on executables); removes
   * nothing. Connector images run as uid 1000: a directory a container must write into needs this
   * first.
   */
  static void openUp(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
        perms.addAll(EnumSet.of(GROUP_READ, GROUP_WRITE, OTHERS_READ, OTHERS_WRITE));
        if (Files.isDirectory(p) || perms.contains(OWNER_EXECUTE)) {
          perms.addAll(EnumSet.of(OWNER_EXECUTE, GROUP_EXECUTE, OTHERS_EXECUTE));
        }
        Files.setPosixFilePermissions(p, perms);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open up " + dir + " for the container's user", e);
    }
  }

  private static <T> T readJson(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON from docker image inspect: " + json, e);
    }
  }

  private static String firstLine(String text) {
    String s = text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
