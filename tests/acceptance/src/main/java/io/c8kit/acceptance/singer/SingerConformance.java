package io.c8kit.acceptance.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The Singer counterpart of the Airbyte acceptance rules, as JUnit dynamic tests for one tap or
 * target run one way (in-process or as a jar): message shapes as singer-python writes them, SCHEMA
 * before RECORD, the catalog's selection honoured, a sync resumable from its last STATE, a target
 * printing a state only after the records before it are committed, and clear failures on bad input.
 *
 * <pre>{@code
 * @TestFactory Stream<DynamicTest> singer() {
 *   return SingerConformance.tap(SingerRunner.tap(new FakerConnector()), "{\"count\": 20}", dir);
 * }
 * }</pre>
 */
public final class SingerConformance {
  private SingerConformance() {}

  /** The tap checks; {@code config} is a good config, {@code dir} a scratch directory. */
  public static Stream<DynamicTest> tap(SingerRunner tap, String config, Path dir) {
    Path configFile = write(dir, "singer-tap-config.json", config);
    String name = tap.label() + ": ";
    return Stream.of(
        DynamicTest.dynamicTest(
            name + "discover prints a Singer catalog",
            () -> {
              SingerRunner.Result r =
                  tap.run(null, "--config", configFile.toString(), "--discover");
              assertEquals(0, r.code(), r::toString);
              List<String> problems = SingerFormats.catalog(SingerFormats.parse(r.stdout()));
              assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
            }),
        DynamicTest.dynamicTest(
            name + "sync writes Singer messages only, SCHEMA before RECORD",
            () -> {
              SingerRunner.Result r = tap.run(null, "--config", configFile.toString());
              assertEquals(0, r.code(), r::toString);
              assertTrue(
                  r.lines().stream().anyMatch(l -> l.contains("\"type\": \"RECORD\"")),
                  "no RECORD at all");
              List<String> problems = SingerFormats.tapOutput(r.lines());
              assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
              JsonNode last = lastState(r);
              assertTrue(
                  last != null && last.get("currently_syncing").isNull(),
                  "the last STATE must say currently_syncing: null");
            }),
        DynamicTest.dynamicTest(
            name + "only selected streams are synced",
            () -> {
              SingerRunner.Result d =
                  tap.run(null, "--config", configFile.toString(), "--discover");
              ObjectNode catalog = (ObjectNode) SingerFormats.parse(d.stdout());
              String chosen = null;
              for (JsonNode s : catalog.get("streams")) {
                boolean select = chosen == null;
                ((ObjectNode) s.get("metadata").get(0).get("metadata")).put("selected", select);
                if (select) {
                  chosen = s.get("tap_stream_id").asText();
                }
              }
              Path catalogFile = write(dir, "singer-catalog.json", catalog.toString());
              SingerRunner.Result r =
                  tap.run(
                      null, "--config", configFile.toString(), "--catalog", catalogFile.toString());
              assertEquals(0, r.code(), r::toString);
              Set<String> streams = new HashSet<>();
              for (String line : r.lines()) {
                JsonNode m = SingerFormats.parse(line);
                if (m.has("stream")) {
                  streams.add(m.get("stream").asText());
                }
              }
              assertEquals(Set.of(chosen), streams, "streams with messages");
            }),
        DynamicTest.dynamicTest(
            name + "a sync resumes from its last STATE",
            () -> {
              SingerRunner.Result first = tap.run(null, "--config", configFile.toString());
              assertEquals(0, first.code(), first::toString);
              JsonNode state = lastState(first);
              Path stateFile = write(dir, "singer-state.json", state.toString());
              SingerRunner.Result second =
                  tap.run(null, "--config", configFile.toString(), "--state", stateFile.toString());
              assertEquals(0, second.code(), second::toString);
              List<String> problems = new ArrayList<>(SingerFormats.tapOutput(second.lines()));
              for (String line : second.lines()) {
                JsonNode m = SingerFormats.parse(line);
                if (!"RECORD".equals(m.path("type").asText())) {
                  continue;
                }
                JsonNode bookmark = state.path("bookmarks").path(m.get("stream").asText());
                if (bookmark.has("replication_key_value")) {
                  JsonNode value = m.get("record").get(bookmark.path("replication_key").asText());
                  if (value != null
                      && !value.isNull()
                      && compare(value, bookmark.get("replication_key_value")) < 0) {
                    problems.add(
                        "a record of " + m.get("stream") + " is below the bookmark: " + value);
                  }
                }
              }
              assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
            }),
        DynamicTest.dynamicTest(
            name + "usage errors and missing files fail with nothing on stdout",
            () -> {
              SingerRunner.Result unknown =
                  tap.run(null, "--config", configFile.toString(), "--no-such-flag");
              assertEquals(2, unknown.code(), unknown::toString);
              assertEquals("", unknown.stdout());
              assertTrue(
                  unknown.stderr().contains("error: unrecognized arguments: --no-such-flag"),
                  unknown::toString);
              SingerRunner.Result missing =
                  tap.run(null, "--config", dir.resolve("missing.json").toString());
              assertEquals(1, missing.code(), missing::toString);
              assertEquals("", missing.stdout());
              assertTrue(
                  missing.stderr().startsWith("CRITICAL ")
                      && missing.stderr().contains("missing.json"),
                  missing::toString);
            }),
        DynamicTest.dynamicTest(
            name + "--about --format json lists capabilities and settings",
            () -> {
              SingerRunner.Result r = tap.run(null, "--about", "--format", "json");
              assertEquals(0, r.code(), r::toString);
              JsonNode about = SingerFormats.parse(r.stdout());
              assertTrue(about.get("name").asText().startsWith("tap-"), r::toString);
              for (String c : List.of("catalog", "discover", "state", "about")) {
                assertTrue(about.get("capabilities").toString().contains("\"" + c + "\""), c);
              }
              assertTrue(about.path("settings").path("properties").isObject(), r::toString);
            }));
  }

  /**
   * The target checks; {@code config} is a good config. The target receives a small stream of its
   * own ({@code c8kit_singer_conformance}, key {@code id}).
   */
  public static Stream<DynamicTest> target(SingerRunner target, String config, Path dir) {
    Path configFile = write(dir, "singer-target-config.json", config);
    String name = target.label() + ": ";
    String schema =
        "{\"type\": \"SCHEMA\", \"stream\": \"c8kit_singer_conformance\", \"schema\": {\"type\": \"object\","
            + " \"properties\": {\"id\": {\"type\": \"integer\"}, \"name\": {\"type\": [\"null\", \"string\"]}}},"
            + " \"key_properties\": [\"id\"]}\n";
    return Stream.of(
        DynamicTest.dynamicTest(
            name + "prints each committed state value, the last one last",
            () -> {
              StringBuilder in = new StringBuilder(schema);
              for (int i = 1; i <= 5; i++) {
                in.append(
                        "{\"type\": \"RECORD\", \"stream\": \"c8kit_singer_conformance\", \"record\": {\"id\": ")
                    .append(i)
                    .append(", \"name\": \"n")
                    .append(i)
                    .append("\"}, \"time_extracted\": ")
                    .append("\"2024-01-01T00:00:00.000000Z\"}\n");
                if (i == 3) {
                  in.append(
                      "{\"type\": \"STATE\", \"value\": {\"bookmarks\": {\"s\": {\"n\": 3}}}}\n");
                }
              }
              in.append("{\"type\": \"STATE\", \"value\": {\"bookmarks\": {\"s\": {\"n\": 5}}}}\n");
              SingerRunner.Result r = target.run(in.toString(), "--config", configFile.toString());
              assertEquals(0, r.code(), r::toString);
              List<String> lines = r.lines();
              assertTrue(!lines.isEmpty(), "no state printed");
              for (String line : lines) {
                JsonNode v = SingerFormats.parse(line);
                assertTrue(
                    v.equals(SingerFormats.parse("{\"bookmarks\": {\"s\": {\"n\": 3}}}"))
                        || v.equals(SingerFormats.parse("{\"bookmarks\": {\"s\": {\"n\": 5}}}")),
                    "not an input state: " + line);
              }
              assertEquals(
                  SingerFormats.parse("{\"bookmarks\": {\"s\": {\"n\": 5}}}"),
                  SingerFormats.parse(lines.get(lines.size() - 1)));
            }),
        DynamicTest.dynamicTest(
            name + "malformed input names the line, exits non-zero, prints no later state",
            () -> {
              String in =
                  schema
                      + "{\"type\": \"RECORD\", \"stream\": \"c8kit_singer_conformance\", \"record\": {\"id\": 1}}\n"
                      + "{\"type\": \"STATE\", \"value\": {\"ok\": 1}}\n"
                      + "{\"type\": \"RECORD\", \"stream\": \"c8kit_singer_conformance\", \"record\": {\"id\": \n"
                      + "{\"type\": \"STATE\", \"value\": {\"after\": 1}}\n";
              SingerRunner.Result r = target.run(in, "--config", configFile.toString());
              assertTrue(r.code() != 0, r::toString);
              assertTrue(r.stderr().contains("line 4"), r::toString);
              for (String line : r.lines()) {
                assertEquals(
                    SingerFormats.parse("{\"ok\": 1}"),
                    SingerFormats.parse(line),
                    "printed " + line);
              }
            }),
        DynamicTest.dynamicTest(
            name + "a RECORD without its SCHEMA is an error naming the line",
            () -> {
              SingerRunner.Result r =
                  target.run(
                      "{\"type\": \"RECORD\", \"stream\": \"nobody\", \"record\": {\"id\": 1}}\n",
                      "--config",
                      configFile.toString());
              assertTrue(r.code() != 0, r::toString);
              assertTrue(r.stderr().contains("line 1"), r::toString);
              assertEquals("", r.stdout());
            }),
        DynamicTest.dynamicTest(
            name + "unknown flags are usage errors",
            () -> {
              SingerRunner.Result r =
                  target.run("", "--config", configFile.toString(), "--discover");
              assertEquals(2, r.code(), r::toString);
              assertTrue(
                  r.stderr().contains("error: unrecognized arguments: --discover"), r::toString);
            }));
  }

  private static JsonNode lastState(SingerRunner.Result r) {
    JsonNode last = null;
    for (String line : r.lines()) {
      JsonNode m = SingerFormats.parse(line);
      if ("STATE".equals(m.path("type").asText())) {
        last = m.get("value");
      }
    }
    return last;
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    try {
      return java.time.OffsetDateTime.parse(a.asText())
          .toInstant()
          .compareTo(java.time.OffsetDateTime.parse(b.asText()).toInstant());
    } catch (java.time.format.DateTimeParseException notDateTimes) {
      return a.asText().compareTo(b.asText());
    }
  }

  private static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
