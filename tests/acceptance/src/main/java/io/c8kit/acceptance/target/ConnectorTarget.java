package io.c8kit.acceptance.target;

import io.c8kit.runtime.Connector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the connector under test runs: in this JVM, as {@code java -jar}, or as a Docker image. A
 * target runs one command (args as the platform would pass them, file paths inside {@link
 * #workDir()}) with the given stdin and returns the parsed outcome; it never throws for a failing
 * connector.
 */
public interface ConnectorTarget extends AutoCloseable {
  /** Default time limit of one run. */
  Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Runs one command. {@code args} are e.g. {@code ["read", "--config", "<workDir>/config-1.json",
   * ...]}; paths must be inside {@link #workDir()} (the Docker target rewrites them to {@code
   * /data}).
   */
  RunResult run(List<String> args, byte[] stdin);

  /** Directory for the config, catalog and state files of the runs (mounted into containers). */
  Path workDir();

  /** e.g. {@code in-process FakerConnector}, {@code jar target/source-faker.jar}. */
  String description();

  /** Deletes the work directory. */
  @Override
  void close();

  static ConnectorTarget inProcess(Connector<?> connector) {
    return new InProcessTarget(connector, DEFAULT_TIMEOUT);
  }

  static ConnectorTarget jar(Path jar) {
    return new JarTarget(jar, List.of(), DEFAULT_TIMEOUT);
  }

  static ConnectorTarget dockerImage(String image) {
    return new DockerImageTarget(image, DEFAULT_TIMEOUT);
  }
}
