package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The build outputs of the examples under test: each fat jar ({@code examples/X/<buildDir>/X.jar})
 * and the Docker build context beside it ({@code docker/}). Surefire passes each jar's path as the
 * system property {@code c8kit.e2e.jar.X} (see pom.xml), so {@code -Dc8kit.buildDir} works; run
 * from an IDE, the default {@code target} folder is used. A missing artifact fails the test: these
 * tests never skip because something was not built.
 */
final class Artifacts {
  static final String SOURCE_FAKER = "source-faker";
  static final String DESTINATION_SQLITE = "destination-sqlite";
  static final String SOURCE_POSTGRES = "source-postgres";
  static final String DESTINATION_POSTGRES = "destination-postgres";
  static final String SOURCE_JSONSERVER = "source-jsonserver";
  static final String PIPELINE = "c8kit-pipeline";

  /** Every connector example, in the order the image tests build them. */
  static final List<String> CONNECTORS =
      List.of(SOURCE_FAKER, DESTINATION_SQLITE, SOURCE_POSTGRES, DESTINATION_POSTGRES);

  private Artifacts() {}

  /** The fat jar of an example (artifactId), failing the test when it has not been built. */
  static Path jar(String artifactId) {
    String property = System.getProperty("c8kit.e2e.jar." + artifactId);
    Path jar = property != null ? Path.of(property) : defaultJar(artifactId);
    jar = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      fail(
          "The "
              + artifactId
              + " jar is missing: "
              + jar
              + ". Build it first, e.g."
              + " mvn -B verify -pl tests/e2e -am (the e2e module depends on every example)");
    }
    return jar;
  }

  /** The Docker build context of an example: Dockerfile, launcher and connector.jar. */
  static Path dockerContext(String artifactId) {
    Path dir = jar(artifactId).getParent().resolve("docker");
    for (String file : List.of("Dockerfile", "launcher", "connector.jar")) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        fail(
            "The Docker context of "
                + artifactId
                + " has no "
                + file
                + ": "
                + dir
                + " (the connector parent POM writes it in the package phase)");
      }
    }
    return dir;
  }

  private static Path defaultJar(String artifactId) {
    String folder = artifactId.equals(PIPELINE) ? "pipeline" : artifactId;
    return Path.of("..", "..", "examples", folder, "target", artifactId + ".jar");
  }
}
