package io.c8kit.acceptance.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code java [jvmArgs] -jar JAR args} as a subprocess, with the current JVM's {@code java}.
 */
public final class JarTarget implements ConnectorTarget {
  private final Path jar;
  private final List<String> jvmArgs;
  private final Duration timeout;
  private final Path workDir = WorkDir.create();

  public JarTarget(Path jar, List<String> jvmArgs, Duration timeout) {
    this.jar = Objects.requireNonNull(jar, "jar").toAbsolutePath();
    this.jvmArgs = List.copyOf(jvmArgs);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The command line for {@code args}. */
  public List<String> command(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    return cmd;
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin) {
    if (!Files.isRegularFile(jar)) {
      return RunResult.of(
          description(),
          args,
          RunResult.THREW,
          new byte[0],
          ("c8kit-acceptance: connector jar " + jar + " does not exist (build it first)")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8),
          Duration.ZERO);
    }
    return ProcessRunner.run(description(), args, command(args), workDir, stdin, timeout, null);
  }

  @Override
  public Path workDir() {
    return workDir;
  }

  @Override
  public String description() {
    return "jar " + jar;
  }

  @Override
  public void close() {
    WorkDir.delete(workDir);
  }
}
