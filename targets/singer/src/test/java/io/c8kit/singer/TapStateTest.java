package io.c8kit.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selection by catalog metadata, resuming from any STATE, and what a failing stream leaves behind.
 */
class TapStateTest {
  @TempDir Path dir;

  private String config(String extra) {
    return SingerRun.write(dir, "config.json", "{\"api_key\": \"hunter2-secret\"" + extra + "}")
        .toString();
  }

  private String catalog(String usersMetadata, String itemsMetadata) {
    return SingerRun.write(
            dir,
            "catalog.json",
            "{\"streams\": ["
                + "{\"tap_stream_id\": \"users\", \"stream\": \"users\", \"schema\": {}, \"metadata\": ["
                + "{\"breadcrumb\": [], \"metadata\": {"
                + usersMetadata
                + "}},"
                + "{\"breadcrumb\": [\"properties\", \"name\"], \"metadata\": {\"selected\": false, \"inclusion\": \"available\"}}]},"
                + "{\"tap_stream_id\": \"shop-items\", \"stream\": \"items\", \"schema\": {}, \"metadata\": ["
                + "{\"breadcrumb\": [], \"metadata\": {"
                + itemsMetadata
                + "}}]}]}")
        .toString();
  }

  @Test
  void onlySelectedStreamsAndFieldsAreSynced() {
    SingerRun run =
        SingerRun.tap(
            "-c",
            config(""),
            "--catalog",
            catalog(
                "\"selected\": true, \"replication-method\": \"FULL_TABLE\"",
                "\"selected\": false"));
    assertEquals(0, run.code(), run.stderr());
    assertTrue(
        run.messages().stream().noneMatch(m -> "shop-items".equals(m.path("stream").asText())));
    assertTrue(run.stderr().contains("INFO Skipping stream: shop-items"), run.stderr());
    List<JsonNode> records = run.ofType("RECORD");
    assertEquals(5, records.size());
    assertEquals(
        "{\"id\":1,\"updated_at\":\"2024-01-01T00:01:00Z\"}",
        records.get(0).get("record").toString());
    JsonNode schema = run.ofType("SCHEMA").get(0);
    assertFalse(schema.get("schema").get("properties").has("name"));
    assertFalse(schema.has("bookmark_properties"), "FULL_TABLE has no bookmark");
    assertTrue(records.get(0).has("version"), "FULL_TABLE records are versioned");
  }

  @Test
  void deprecatedPropertiesFlagWorksWithAWarning() {
    SingerRun run = SingerRun.tap("-c", config(""), "-p", catalog("\"selected\": true", ""));
    assertEquals(0, run.code(), run.stderr());
    assertTrue(run.stderr().contains("WARNING -p/--properties is DEPRECATED"), run.stderr());
    assertEquals(5, run.ofType("RECORD").size());
  }

  @Test
  void resumingFromEveryStateLosesNothing() {
    String catalog = catalog("\"selected\": true", "\"selected\": true");
    SingerRun full = SingerRun.tap("-c", config(""), "--catalog", catalog);
    assertEquals(0, full.code(), full.stderr());
    List<String> all = keys(full.ofType("RECORD"));
    List<JsonNode> messages = full.messages();
    for (int i = 0; i < messages.size(); i++) {
      if (!"STATE".equals(messages.get(i).get("type").asText())) {
        continue;
      }
      List<String> before = new ArrayList<>();
      for (JsonNode m : messages.subList(0, i)) {
        if ("RECORD".equals(m.get("type").asText())) {
          before.add(key(m));
        }
      }
      String state =
          SingerRun.write(dir, "state.json", PythonJson.oneLine(messages.get(i).get("value")))
              .toString();
      SingerRun resumed = SingerRun.tap("-c", config(""), "--catalog", catalog, "--state", state);
      assertEquals(0, resumed.code(), resumed.stderr());
      List<String> union = new ArrayList<>(before);
      for (String k : keys(resumed.ofType("RECORD"))) {
        if (!union.contains(k)) {
          union.add(k);
        }
      }
      assertEquals(
          new java.util.TreeSet<>(all), new java.util.TreeSet<>(union), "resumed from state #" + i);
    }
  }

  @Test
  void resumingAFullTableMidwayKeepsItsVersionAndSkipsActivateAtStart() {
    String catalog = catalog("\"selected\": false", "\"selected\": true");
    SingerRun first = SingerRun.tap("-c", config(""), "--catalog", catalog);
    JsonNode midway =
        first.ofType("STATE").stream()
            .filter(s -> s.get("value").path("bookmarks").path("shop-items").has("page"))
            .findFirst()
            .orElseThrow();
    long version = midway.get("value").get("bookmarks").get("shop-items").get("version").asLong();
    String state =
        SingerRun.write(dir, "state.json", PythonJson.oneLine(midway.get("value"))).toString();
    SingerRun resumed = SingerRun.tap("-c", config(""), "--catalog", catalog, "--state", state);
    assertEquals(0, resumed.code(), resumed.stderr());
    List<JsonNode> records = resumed.ofType("RECORD");
    assertEquals(1, records.size(), resumed.stdout());
    assertEquals(3, records.get(0).get("record").get("id").asInt());
    assertEquals(version, records.get(0).get("version").asLong());
    List<JsonNode> activations = resumed.ofType("ACTIVATE_VERSION");
    assertEquals(1, activations.size(), "only the closing ACTIVATE_VERSION");
    assertEquals(version, activations.get(0).get("version").asLong());

    // a completed full table starts a new version, without the first-run ACTIVATE_VERSION
    String done =
        SingerRun.write(dir, "done.json", PythonJson.oneLine(resumed.lastState())).toString();
    SingerRun again = SingerRun.tap("-c", config(""), "--catalog", catalog, "--state", done);
    assertEquals(3, again.ofType("RECORD").size());
    assertEquals(1, again.ofType("ACTIVATE_VERSION").size());
    assertNotEquals(version, again.ofType("ACTIVATE_VERSION").get(0).get("version").asLong());
  }

  @Test
  void currentlySyncingStreamRunsFirst() {
    String state =
        SingerRun.write(
                dir, "state.json", "{\"bookmarks\": {}, \"currently_syncing\": \"shop-items\"}")
            .toString();
    SingerRun run = SingerRun.tap("-c", config(""), "--state", state);
    assertEquals("shop-items", run.ofType("SCHEMA").get(0).get("stream").asText());
  }

  @Test
  void aFailingStreamExitsOneAfterItsLastSafeStateWithoutLeakingTheSecret() {
    SingerRun run = SingerRun.tap("-c", config(", \"fail_after\": 3"));
    assertEquals(1, run.code());
    assertFalse(run.stderr().contains("hunter2-secret"), run.stderr());
    assertTrue(run.stderr().contains("CRITICAL"), run.stderr());
    assertTrue(run.stderr().contains("users failed at 4 with key ****"), run.stderr());
    // records 1..3 went out, the last state covers 1..2 (checkpoint every 2)
    assertEquals(3, run.ofType("RECORD").size());
    assertEquals(
        "2024-01-01T00:02:00Z",
        run.lastState().get("bookmarks").get("users").get("replication_key_value").asText());
    assertEquals("users", run.lastState().get("currently_syncing").asText());
  }

  @Test
  void farFutureBookmarkYieldsNoRecordsButAState() {
    String state =
        SingerRun.write(
                dir,
                "state.json",
                "{\"bookmarks\": {\"users\": {\"replication_key\": "
                    + "\"updated_at\", \"replication_key_value\": \"2999-01-01T00:00:00Z\"}}}")
            .toString();
    SingerRun run =
        SingerRun.tap(
            "-c", config(""), "--catalog", catalog("\"selected\": true", ""), "--state", state);
    assertEquals(0, run.code(), run.stderr());
    assertEquals(0, run.ofType("RECORD").size());
    assertEquals(
        "2999-01-01T00:00:00Z",
        run.lastState().get("bookmarks").get("users").get("replication_key_value").asText());
  }

  private static List<String> keys(List<JsonNode> records) {
    return records.stream().map(TapStateTest::key).toList();
  }

  private static String key(JsonNode record) {
    return record.get("stream").asText() + "/" + record.get("record").get("id").asText();
  }
}
