package io.c8kit.acceptance.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Assertions and fixtures shared by the kit's tests. */
public final class Kit {
  private Kit() {}

  /**
   * Asserts that the check reported the rule: at least one violation, and every violation carries
   * {@code rule}. The kit's {@code RuleCoverageTest} requires one such assertion per rule.
   */
  public static List<Violation> assertFlags(String rule, List<Violation> violations) {
    if (violations.isEmpty()) {
      fail("expected a [" + rule + "] violation, the check passed");
    }
    for (Violation v : violations) {
      if (!v.rule().equals(rule)) {
        fail("expected only [" + rule + "] violations, got " + v);
      }
      assertTrue(v.toString().startsWith("[" + rule + "]"), v.toString());
    }
    return violations;
  }

  /** Asserts that some violation mentions {@code text}. */
  public static void assertMentions(List<Violation> violations, String text) {
    for (Violation v : violations) {
      if (v.toString().contains(text)) {
        return;
      }
    }
    fail("no violation mentions '" + text + "': " + violations);
  }

  public static void assertClean(List<Violation> violations) {
    if (!violations.isEmpty()) {
      fail(
          "expected no violations, got:\n"
              + violations.stream()
                  .map(Violation::toString)
                  .reduce((a, b) -> a + "\n" + b)
                  .orElse(""));
    }
  }

  public static String resource(String path) {
    try (InputStream in = Kit.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  /** The good spec fixture, fresh. */
  public static ObjectNode goodSpec() {
    return (ObjectNode) Json.parse(resource("/kit/good-spec.json"));
  }

  /** The good catalog fixture, fresh. */
  public static ObjectNode goodCatalog() {
    return (ObjectNode) Json.parse(resource("/kit/good-catalog.json"));
  }

  /** The good spec with its connectionSpecification edited. */
  public static ObjectNode spec(Consumer<ObjectNode> edit) {
    ObjectNode spec = goodSpec();
    edit.accept((ObjectNode) spec.get("connectionSpecification"));
    return spec;
  }

  /** The good catalog with its first stream edited. */
  public static ObjectNode catalog(Consumer<ObjectNode> editFirstStream) {
    ObjectNode catalog = goodCatalog();
    editFirstStream.accept((ObjectNode) catalog.withArray("streams").get(0));
    return catalog;
  }

  /** A node under an object, by property path, creating nothing. */
  public static ObjectNode at(ObjectNode root, String... path) {
    JsonNode cur = root;
    for (String p : path) {
      cur = cur.get(p);
      if (cur == null) {
        throw new IllegalArgumentException("no " + String.join("/", path));
      }
    }
    return (ObjectNode) cur;
  }

  public static ArrayNode arr(String json) {
    return (ArrayNode) json(json);
  }
}
