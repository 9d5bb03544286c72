package io.c8kit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compares every file a compilation generated with {@code src/test/resources/goldens/<name>/}, byte
 * for byte, and fails on missing or extra goldens. With the environment variable {@code
 * C8KIT_REGENERATE_GOLDENS=1} (or {@code -Dc8kit.regenerateGoldens=true}) it rewrites the goldens
 * in the source tree instead, then fails so a regeneration is never mistaken for a pass.
 */
final class Goldens {
  private Goldens() {}

  static boolean regenerate() {
    return "1".equals(System.getenv("C8KIT_REGENERATE_GOLDENS"))
        || "true".equalsIgnoreCase(System.getenv("C8KIT_REGENERATE_GOLDENS"))
        || Boolean.getBoolean("c8kit.regenerateGoldens");
  }

  static Path root() {
    return Paths.get(System.getProperty("basedir", ".")).resolve("src/test/resources/goldens");
  }

  /**
   * Generated files by golden-relative path: {@code java/<package path>/<Name>.java} for sources,
   * {@code resources/<path>} for class-output resources; class files are skipped.
   */
  static Map<String, String> generated(Compilation compilation) {
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      String path;
      if (uri.contains("/SOURCE_OUTPUT/")) {
        path = "java/" + uri.substring(uri.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
      } else if (uri.contains("/CLASS_OUTPUT/")) {
        if (uri.endsWith(".class")) {
          continue;
        }
        path =
            "resources/" + uri.substring(uri.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      } else {
        continue;
      }
      try {
        out.put(path, file.getCharContent(false).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static void check(String name, Compilation compilation) throws IOException {
    Map<String, String> actual = generated(compilation);
    Path dir = root().resolve(name);
    Map<String, String> expected = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
          expected.put(
              dir.relativize(f).toString().replace('\\', '/'),
              Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    if (regenerate()) {
      if (!actual.equals(expected)) {
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path f : all) {
              Files.delete(f);
            }
          }
        }
        for (Map.Entry<String, String> e : actual.entrySet()) {
          Path f = dir.resolve(e.getKey());
          Files.createDirectories(f.getParent());
          Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        fail(
            "goldens of "
                + name
                + " regenerated in "
                + dir
                + "; rerun without C8KIT_REGENERATE_GOLDENS");
      }
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String path : actual.keySet()) {
      if (!expected.containsKey(path)) {
        problems.add("no golden for generated " + path);
      }
    }
    for (String path : expected.keySet()) {
      if (!actual.containsKey(path)) {
        problems.add("golden " + path + " was not generated");
      }
    }
    if (!problems.isEmpty()) {
      fail(name + ": " + problems + " (set C8KIT_REGENERATE_GOLDENS=1 to rewrite the goldens)");
    }
    for (String path : actual.keySet()) {
      assertEquals(
          expected.get(path),
          actual.get(path),
          name
              + "/"
              + path
              + " differs from its golden (set C8KIT_REGENERATE_GOLDENS=1 to rewrite)");
    }
  }
}
