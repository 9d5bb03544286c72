package io.c8kit.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.checks.Rules;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards "no check can silently pass": every rule in {@link Rules} must be asserted to fire on a
 * broken input somewhere in the kit's tests, through {@code Kit.assertFlags(Rules.X, …)} (which
 * fails when the check reports nothing, or reports another rule).
 */
class RuleCoverageTest {
  private static final Pattern FLAGS = Pattern.compile("assertFlags\\(\\s*Rules\\.([A-Z0-9_]+)");

  @Test
  void everyRuleIsShownToFailOnABrokenInput() throws IOException {
    Path tests = Path.of("src", "test", "java");
    assertTrue(
        Files.isDirectory(tests), "run from the module directory: " + tests.toAbsolutePath());
    Set<String> flagged = new HashSet<>();
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path f :
          files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
        Matcher m = FLAGS.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          flagged.add(m.group(1));
        }
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Field field : Rules.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && Modifier.isPublic(field.getModifiers())
          && field.getType() == String.class
          && !flagged.contains(field.getName())) {
        missing.add(field.getName());
      }
    }
    assertEquals(Set.of(), missing, "rules without a test that makes them fail");
  }

  @Test
  void ruleIdsAreUniqueAndNamespaced() {
    List<String> all = Rules.all();
    assertEquals(all.size(), new HashSet<>(all).size(), "duplicate rule ids");
    Set<String> suites =
        Set.of(
            "spec",
            "connection",
            "discovery",
            "basic_read",
            "full_refresh",
            "incremental",
            "destination");
    for (String id : all) {
      assertTrue(suites.contains(Rules.suiteOf(id)) && id.matches("[a-z_]+\\.[a-z0-9_]+"), id);
    }
    assertTrue(all.size() >= 50, "rules: " + all.size());
  }
}
