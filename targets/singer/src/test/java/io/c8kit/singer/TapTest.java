package io.c8kit.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapTest {
  @TempDir Path dir;

  private String config(String extra) {
    return SingerRun.write(dir, "config.json", "{\"api_key\": \"hunter2-secret\"" + extra + "}")
        .toString();
  }

  @Test
  void discoverPrintsTheSingerCatalogWithStandardMetadata() throws Exception {
    SingerRun run = SingerRun.tap("--config", config(""), "--discover");
    assertEquals(0, run.code(), run.stderr());
    JsonNode catalog = PythonJson.MAPPER.readTree(run.stdout());
    JsonNode users = catalog.get("streams").get(0);
    assertEquals(
        List.of("tap_stream_id", "key_properties", "schema", "stream", "metadata"),
        fieldNames(users));
    assertEquals("users", users.get("tap_stream_id").asText());
    assertEquals("[\"id\"]", users.get("key_properties").toString());
    JsonNode root = users.get("metadata").get(0);
    assertEquals("[]", root.get("breadcrumb").toString());
    assertEquals(
        "{\"table-key-properties\":[\"id\"],\"valid-replication-keys\":[\"updated_at\"],"
            + "\"inclusion\":\"available\",\"selected-by-default\":true}",
        root.get("metadata").toString());
    assertEquals(
        "{\"breadcrumb\":[\"properties\",\"id\"],\"metadata\":{\"inclusion\":\"automatic\"}}",
        users.get("metadata").get(1).toString());
    assertEquals(
        "{\"breadcrumb\":[\"properties\",\"name\"],\"metadata\":{\"inclusion\":\"available\"}}",
        users.get("metadata").get(2).toString());
    JsonNode items = catalog.get("streams").get(1);
    assertEquals("shop-items", items.get("tap_stream_id").asText());
    assertEquals("items", items.get("stream").asText());
    assertEquals(
        "FULL_TABLE",
        items.get("metadata").get(0).get("metadata").get("forced-replication-method").asText());
    assertEquals("shop", items.get("metadata").get(0).get("metadata").get("schema-name").asText());
    // json.dump(indent=2): two-space indent, ": " after keys, arrays one item per line
    assertTrue(
        run.stdout()
            .startsWith(
                "{\n  \"streams\": [\n    {\n      \"tap_stream_id\": \"users\",\n"
                    + "      \"key_properties\": [\n        \"id\"\n      ],\n"),
        run.stdout());
  }

  @Test
  void syncWithoutCatalogReadsEveryStreamInSingerPythonFormat() {
    SingerRun run = SingerRun.tap("-c", config(", \"count\": 3"));
    assertEquals(0, run.code(), run.stderr());
    List<String> lines = run.lines();
    assertEquals(
        "{\"type\": \"STATE\", \"value\": {\"bookmarks\": {}, \"currently_syncing\": \"users\"}}",
        lines.get(0));
    assertEquals(
        "{\"type\": \"SCHEMA\", \"stream\": \"users\", \"schema\": {\"$schema\": "
            + "\"http://json-schema.org/draft-07/schema#\", \"additionalProperties\": true, \"properties\": "
            + "{\"id\": {\"type\": \"integer\"}, \"name\": {\"type\": [\"null\", \"string\"]}, \"updated_at\": "
            + "{\"format\": \"date-time\", \"type\": \"string\"}}, \"required\": [\"id\", \"updated_at\"], "
            + "\"type\": \"object\"}, \"key_properties\": [\"id\"], \"bookmark_properties\": [\"updated_at\"]}",
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches(
                "\\{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": \\{\"id\": 1, "
                    + "\"name\": \"user1\", \"updated_at\": \"2024-01-01T00:01:00Z\"}, \"time_extracted\": "
                    + "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}000Z\"}"),
        lines.get(2));
    List<JsonNode> records = run.ofType("RECORD");
    assertEquals(6, records.size());
    JsonNode item = records.get(3);
    assertEquals("shop-items", item.get("stream").asText());
    assertTrue(item.get("version").isIntegralNumber(), item.toString());
    assertTrue(run.stdout().contains("\"label\": \"item 1 \\u00e9\""), "ensure_ascii escapes");
    JsonNode last = run.lastState();
    assertTrue(last.get("currently_syncing").isNull());
    assertEquals(
        "{\"replication_key\":\"updated_at\",\"replication_key_value\":\"2024-01-01T00:03:00Z\"}",
        last.get("bookmarks").get("users").toString());
    assertEquals(
        item.get("version").asLong(),
        last.get("bookmarks").get("shop-items").get("version").asLong());
    assertFalse(last.get("bookmarks").get("shop-items").has("page"));
  }

  @Test
  void aConfigChangeTheTapCannotPersistIsAWarningNotASilentLoss() {
    SingerRun run =
        SingerRun.tap("-c", config(", \"count\": 1, \"rotate_key_to\": \"rotated-secret-value\""));
    assertEquals(0, run.code(), run.stderr());
    assertTrue(
        run.stderr()
            .contains(
                "WARNING The config property api_key changed during the read, but the read"
                    + " was started without the config's JSON to persist it in"),
        run.stderr());
    assertFalse(run.stdout().contains("rotated-secret-value"), run.stdout());
    assertFalse(run.stderr().contains("rotated-secret-value"), run.stderr());
  }

  @Test
  void fullTableEmitsActivateVersionBeforeFirstRecordOnFirstRunAndAfterTheLast() {
    SingerRun run = SingerRun.tap("-c", config(", \"count\": 1"));
    List<String> types =
        run.messages().stream()
            .filter(m -> !"users".equals(m.path("stream").asText()))
            .map(m -> m.get("type").asText())
            .toList();
    // after users: STATE(currently_syncing items), SCHEMA, ACTIVATE_VERSION, 2 records, STATE(page
    // 2),
    // a record, ACTIVATE_VERSION, STATE(complete), final STATE
    assertEquals(
        List.of(
            "STATE",
            "STATE",
            "SCHEMA",
            "ACTIVATE_VERSION",
            "RECORD",
            "RECORD",
            "STATE",
            "RECORD",
            "ACTIVATE_VERSION",
            "STATE",
            "STATE"),
        types.subList(types.size() - 11, types.size()));
    List<JsonNode> versions = run.ofType("ACTIVATE_VERSION");
    assertEquals(versions.get(0).get("version"), versions.get(1).get("version"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
