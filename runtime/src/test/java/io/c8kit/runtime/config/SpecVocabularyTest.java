package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validator covers every keyword a spec can carry: each keyword of every processor golden spec
 * and hand-written test spec, and every key the processor's {@code SpecGenerator} can write, is
 * either validated or a known annotation. A keyword added to the generator without a decision here
 * fails.
 */
class SpecVocabularyTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Keys of the ConnectorSpecification around the schema, and of a "groups" entry. */
  private static final Set<String> NOT_SCHEMA_KEYS =
      Set.of(
          "documentationUrl",
          "connectionSpecification",
          "supported_destination_sync_modes",
          "supportsIncremental",
          "id");

  @Test
  void everyKeywordOfEverySpecIsValidatedOrAnAnnotation() throws Exception {
    List<Path> specs = new ArrayList<>();
    for (String dir :
        List.of(
            "processor/src/test/resources/goldens",
            "runtime/src/test/resources",
            "tests/acceptance/src/test/resources")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        files.filter(p -> p.getFileName().toString().equals("spec.json")).forEach(specs::add);
      }
    }
    assertTrue(
        specs.size() >= 9, () -> "expected the goldens and hand-written specs, found " + specs);
    Set<String> seen = new TreeSet<>();
    for (Path spec : specs) {
      JsonNode schema = Protocol.mapper().readTree(spec.toFile()).get("connectionSpecification");
      new ConfigValidator(schema); // no unsupported keyword, every pattern compiles
      SchemaKeywords.forEach(
          schema,
          "$",
          (keyword, parent, at) -> {
            seen.add(keyword);
            assertTrue(
                known(keyword),
                () ->
                    spec
                        + ": keyword '"
                        + keyword
                        + "' at "
                        + at
                        + " is neither validated nor a known annotation");
          });
    }
    assertTrue(
        seen.containsAll(
            Set.of(
                "type",
                "properties",
                "required",
                "oneOf",
                "const",
                "enum",
                "minimum",
                "maximum",
                "items",
                "uniqueItems",
                "pattern",
                "format")),
        seen::toString);
  }

  @Test
  void everyKeyTheSpecGeneratorWritesIsKnown() throws Exception {
    String source =
        Files.readString(
            ROOT.resolve("processor/src/main/java/io/c8kit/processor/writing/SpecGenerator.java"));
    Matcher m = Pattern.compile("\\b(?:put|merge)\\(\"([^\"]+)\"").matcher(source);
    Set<String> keys = new TreeSet<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    assertTrue(keys.size() > 20, keys::toString);
    Set<String> unknown = new TreeSet<>();
    for (String key : keys) {
      if (!known(key) && !NOT_SCHEMA_KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    assertEquals(Set.of(), unknown);
  }

  private static boolean known(String keyword) {
    return SchemaKeywords.VALIDATED.contains(keyword)
        || SchemaKeywords.ANNOTATIONS.contains(keyword);
  }
}
