package io.c8kit.acceptance.target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker run --rm -i --network none -v WORKDIR:/data IMAGE args} (the network can be
 * changed, e.g. to {@code host} for a connector that needs a server); arguments that point into the
 * work directory are rewritten to {@code /data/...}. The Docker CLI is {@code docker} on the PATH,
 * or the system property {@code c8kit.acceptance.docker}.
 */
public final class DockerImageTarget implements ConnectorTarget {
  /** Where the work directory is mounted inside the container. */
  public static final String CONTAINER_DIR = "/data";

  private final String image;
  private final Duration timeout;
  private final String network;
  // Images run as uid 1000 (Airbyte's convention), not as the test's user: the mounted folder must
  // be
  // writable for a destination that writes a file into it.
  private final Path workDir = WorkDir.createShared();
  private final String docker = System.getProperty("c8kit.acceptance.docker", "docker");

  public DockerImageTarget(String image, Duration timeout) {
    this(image, timeout, "none");
  }

  /**
   * @param network the {@code --network} of the container: {@code none} (the default, as CAT runs
   *     self-contained tests), or e.g. {@code host} for a connector that must reach a server
   */
  public DockerImageTarget(String image, Duration timeout, String network) {
    this.image = Objects.requireNonNull(image, "image");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.network = Objects.requireNonNull(network, "network");
  }

  /**
   * The container-side form of {@code args}: host paths in the work directory become {@code
   * /data/...}.
   */
  public List<String> containerArgs(List<String> args) {
    String prefix = workDir.toAbsolutePath().toString();
    List<String> out = new ArrayList<>();
    for (String a : args) {
      if (a.equals(prefix)) {
        out.add(CONTAINER_DIR);
      } else if (a.startsWith(prefix + "/")) {
        out.add(CONTAINER_DIR + a.substring(prefix.length()));
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** The full {@code docker run} command for {@code args}. */
  public List<String> command(String containerName, List<String> args) {
    // --pull never: a missing image is a build problem to report, never a registry lookup.
    List<String> cmd =
        new ArrayList<>(
            List.of(
                docker,
                "run",
                "--rm",
                "-i",
                "--pull",
                "never",
                "--network",
                network,
                "--name",
                containerName,
                "-v",
                workDir.toAbsolutePath() + ":" + CONTAINER_DIR,
                image));
    cmd.addAll(containerArgs(args));
    return cmd;
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin) {
    String name = "c8kit-acceptance-" + UUID.randomUUID().toString().substring(0, 12);
    return ProcessRunner.run(
        description(),
        containerArgs(args),
        command(name, args),
        workDir,
        stdin,
        timeout,
        () -> removeContainer(name));
  }

  private void removeContainer(String name) {
    try {
      Process p = new ProcessBuilder(docker, "rm", "-f", name).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // best effort
    }
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public String description() {
    return "docker image " + image;
  }

  @Override
  public void close() {
    WorkDir.delete(workDir);
  }
}
