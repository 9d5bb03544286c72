package io.c8kit.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start one connector: a runnable jar ({@code java -jar}) or a Docker image ({@code docker
 * run -i --network none} with the work directory mounted at {@code /data}), with file arguments
 * mapped into the container.
 */
final class ConnectorCommand {
  private final String target;
  private final boolean image;
  private final Path workDir;

  private ConnectorCommand(String target, boolean image, Path workDir) {
    this.target = target;
    this.image = image;
    this.workDir = workDir;
  }

  /**
   * A path ending in {@code .jar} is a jar (it must exist); anything else is an image reference.
   */
  static ConnectorCommand of(String target, Path workDir) {
    boolean jar = target.endsWith(".jar");
    if (jar && !Files.isRegularFile(Path.of(target))) {
      throw new PipelineException(
          "connector jar not found: "
              + target
              + " (build it first: mvn -B -q package -DskipTests)");
    }
    return new ConnectorCommand(target, !jar, workDir);
  }

  boolean isImage() {
    return image;
  }

  /**
   * The host path of a path the connector was configured with: container paths under {@code /data/}
   * live in the mounted work directory.
   */
  Path hostPath(String configured) {
    if (image && configured.startsWith("/data/")) {
      return workDir.resolve(configured.substring("/data/".length()));
    }
    return Path.of(configured);
  }

  String displayName() {
    return image ? target : Path.of(target).getFileName().toString();
  }

  /** The command line for {@code operation} with file arguments, e.g. {@code --config F}. */
  List<String> command(String operation, List<String> options, boolean stdin) {
    List<String> cmd = new ArrayList<>();
    if (image) {
      cmd.addAll(List.of("docker", "run", "--rm", "--network", "none"));
      if (stdin) {
        cmd.add("-i");
      }
      cmd.addAll(List.of("-v", workDir.toAbsolutePath() + ":/data", target));
    } else {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String javaOpts = System.getenv("JAVA_OPTS");
      if (javaOpts != null && !javaOpts.isBlank()) {
        cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
      }
      cmd.addAll(List.of("-jar", target));
    }
    cmd.add(operation);
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      cmd.add(option);
      if (option.startsWith("--") && i + 1 < options.size()) {
        cmd.add(mapPath(Path.of(options.get(++i))));
      }
    }
    return cmd;
  }

  /**
   * The Singer command line: {@code java -cp JAR MAIN args} for a jar; for an image the same main
   * on the image's {@code /airbyte/lib/connector.jar}. File arguments (after {@code --config} and
   * the like) are mapped as for {@link #command}.
   *
   * @param main {@code io.c8kit.singer.TapMain} or {@code io.c8kit.singer.TargetMain}
   */
  List<String> singerCommand(String main, List<String> options, boolean stdin) {
    List<String> cmd = new ArrayList<>();
    if (image) {
      cmd.addAll(List.of("docker", "run", "--rm", "--network", "none"));
      if (stdin) {
        cmd.add("-i");
      }
      cmd.addAll(
          List.of(
              "-v",
              workDir.toAbsolutePath() + ":/data",
              "--entrypoint",
              "java",
              target,
              "-cp",
              "/airbyte/lib/connector.jar",
              main));
    } else {
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String javaOpts = System.getenv("JAVA_OPTS");
      if (javaOpts != null && !javaOpts.isBlank()) {
        cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
      }
      cmd.addAll(List.of("-cp", target, main));
    }
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      cmd.add(option);
      if (option.startsWith("--") && !option.equals("--discover") && i + 1 < options.size()) {
        cmd.add(mapPath(Path.of(options.get(++i))));
      }
    }
    return cmd;
  }

  private String mapPath(Path file) {
    if (!image) {
      return file.toAbsolutePath().toString();
    }
    Path relative =
        workDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    if (relative.startsWith("..")) {
      throw new PipelineException(
          "file "
              + file
              + " must be inside the work directory "
              + workDir
              + " to reach a container");
    }
    return "/data/" + relative.toString().replace('\\', '/');
  }
}
