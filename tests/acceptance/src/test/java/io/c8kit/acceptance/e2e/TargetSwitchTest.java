package io.c8kit.acceptance.e2e;

import static io.c8kit.acceptance.e2e.SourceSuiteTest.assertOnlyFailures;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One acceptance test class, three targets: the same {@link SourceAcceptanceTest} subclass runs
 * against {@code java -jar} when {@code -Dc8kit.acceptance.target=jar} is set, and fails clearly
 * when the selected target is not configured.
 */
class TargetSwitchTest {
  static volatile Path jar;

  @TempDir Path tmp;

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class Switchable extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      SourceAcceptanceConfig c =
          SourceAcceptanceConfig.forConnector(new KitSource())
              .goodConfig(SourceSuiteTest.GOOD)
              .badConfig(SourceSuiteTest.BAD)
              .jvmArgs("-Xshare:auto", "-XX:TieredStopAtLevel=1")
              .timeout(Duration.ofMinutes(2));
      return jar == null ? c : c.jar(jar);
    }
  }

  @Test
  void theSameClassRunsAgainstTheJar() throws Exception {
    jar = kitSourceJar(tmp);
    Map<String, SuiteRunner.Outcome> results =
        withTarget("jar", () -> SuiteRunner.run(Switchable.class));
    assertOnlyFailures(results);
    assertTrue(
        results.containsKey("incremental.read_sequential_slices/users"),
        results.keySet().toString());
  }

  @Test
  void aSelectedTargetThatIsNotConfiguredFailsEveryTest() {
    jar = null;
    Map<String, SuiteRunner.Outcome> results =
        withTarget("docker", () -> SuiteRunner.run(Switchable.class));
    assertTrue(!results.isEmpty());
    results.forEach(
        (name, outcome) -> {
          assertTrue(!outcome.passed(), name);
          assertTrue(outcome.message().contains("no image is configured"), outcome.message());
        });
  }

  private static <T> T withTarget(String target, java.util.function.Supplier<T> body) {
    String previous = System.getProperty("c8kit.acceptance.target");
    System.setProperty("c8kit.acceptance.target", target);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        System.clearProperty("c8kit.acceptance.target");
      } else {
        System.setProperty("c8kit.acceptance.target", previous);
      }
    }
  }

  /** A runnable jar of {@link KitSourceMain} whose Class-Path is this test JVM's class path. */
  static Path kitSourceJar(Path dir) throws IOException {
    List<String> urls = new ArrayList<>();
    for (Path entry : classPath()) {
      urls.add(entry.toUri().toString());
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, KitSourceMain.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    Path jar = dir.resolve("source-kit.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.flush();
    }
    return jar;
  }

  /**
   * The class path entries, expanding a manifest-only jar (surefire's booter) into its Class-Path.
   */
  private static List<Path> classPath() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e).toAbsolutePath();
      if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
        try (JarFile jf = new JarFile(p.toFile())) {
          Manifest m = jf.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
          if (cp != null && jf.stream().noneMatch(x -> x.getName().endsWith(".class"))) {
            for (String ref : cp.trim().split("\\s+")) {
              out.add(Path.of(p.getParent().toUri().resolve(ref)));
            }
            continue;
          }
        }
      }
      out.add(p);
    }
    return out;
  }
}
