package io.c8kit.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The examples' Docker images, built from their generated Docker contexts ({@code docker build -t
 * c8kit-test/<artifactId>:e2e examples/<x>/<buildDir>/docker}) at most once per test JVM, whichever
 * test class asks first. The tags are kept after the run (the engine's data lives under /tmp).
 */
final class Images {
  private static final Map<String, String> BUILT = new LinkedHashMap<>();

  private Images() {}

  /** The tag of the example's image, built now if this JVM has not built it yet. */
  static synchronized String of(String artifactId) {
    String tag = BUILT.get(artifactId);
    if (tag == null) {
      Path context = Artifacts.dockerContext(artifactId);
      tag = "c8kit-test/" + artifactId + ":e2e";
      long start = System.nanoTime();
      DockerEngine.build(tag, context);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("[e2e] docker build -t %s %s: %d ms%n", tag, context, millis);
      BUILT.put(artifactId, tag);
    }
    return tag;
  }
}
