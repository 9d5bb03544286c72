package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated connector end to end, in-process through {@code ConnectorCli.run}: spec, check,
 * discover and read with real state files: resuming from every mid-stream STATE loses nothing (ties
 * included), a far-future state reads nothing, and an incremental re-read returns exactly the
 * changes.
 */
class PostgresSourceCliTest {
  static PostgresTestServer pg;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    pg = PostgresTestServer.start("c8k_src_cli");
    pg.sql(
        "CREATE TABLE orders (id int PRIMARY KEY, amount numeric(10, 2), status text,"
            + " updated_at timestamptz NOT NULL)",
        // 600 rows in runs of 45 equal updated_at values: runs span the checkpoint interval (25).
        "INSERT INTO orders SELECT g, g * 1.10, 'new', timestamptz '2024-01-01 00:00:00+00'"
            + " + (g / 45) * interval '1 minute' FROM generate_series(1, 600) g",
        "CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 500");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private ObjectNode config(String password) {
    ObjectNode c = Cli.JSON.createObjectNode();
    c.put("host", pg.host())
        .put("port", pg.port())
        .put("database", pg.database())
        .put("username", pg.user())
        .put("password", password)
        .put("checkpoint_records", 25);
    c.putArray("schemas").add(pg.schema());
    return c;
  }

  private Path configFile() throws Exception {
    return Cli.file(dir, "config.json", config(pg.password()));
  }

  private JsonNode discovered(String name) throws Exception {
    Cli discover =
        Cli.run(new PostgresConnector(), "", "discover", "--config", configFile().toString());
    assertEquals(0, discover.exit, discover.toString());
    for (JsonNode s : discover.ofType("CATALOG").get(0).at("/catalog/streams")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(name + " not in " + discover.stdout);
  }

  private Path catalog(String stream, String syncMode, String cursor) throws Exception {
    ObjectNode configured = Cli.JSON.createObjectNode();
    configured.set("stream", discovered(stream));
    configured.put("sync_mode", syncMode);
    configured.put("destination_sync_mode", "append");
    if (cursor != null) {
      configured.putArray("cursor_field").add(cursor);
    }
    ObjectNode catalog = Cli.JSON.createObjectNode();
    catalog.putArray("streams").add(configured);
    return Cli.file(dir, "catalog-" + stream + "-" + syncMode + ".json", catalog);
  }

  private Cli read(Path catalog, JsonNode state) throws Exception {
    String[] args =
        state == null
            ? new String[] {
              "read", "--config", configFile().toString(), "--catalog", catalog.toString()
            }
            : new String[] {
              "read",
              "--config",
              configFile().toString(),
              "--catalog",
              catalog.toString(),
              "--state",
              Cli.file(dir, "state.json", Cli.stateFile(state)).toString()
            };
    Cli r = Cli.run(new PostgresConnector(), "", args);
    assertEquals(0, r.exit, r.toString());
    return r;
  }

  private static Set<Integer> ids(List<ObjectNode> records) {
    return records.stream().map(r -> r.get("id").asInt()).collect(Collectors.toSet());
  }

  @Test
  void specMarksSecretsAndCheckReportsDistinctFailures() throws Exception {
    Cli spec = Cli.run(new PostgresConnector(), "", "spec");
    assertEquals(0, spec.exit, spec.toString());
    JsonNode props = spec.ofType("SPEC").get(0).at("/spec/connectionSpecification/properties");
    assertTrue(props.at("/password/airbyte_secret").asBoolean());
    assertEquals(5432, props.at("/port/default").asInt());

    Cli ok = Cli.run(new PostgresConnector(), "", "check", "--config", configFile().toString());
    assertEquals(
        "SUCCEEDED", ok.ofType("CONNECTION_STATUS").get(0).at("/connectionStatus/status").asText());

    String wrong = "N0t-the-Passw0rd";
    Cli bad =
        Cli.run(
            new PostgresConnector(),
            "",
            "check",
            "--config",
            Cli.file(dir, "bad.json", config(wrong)).toString());
    assertEquals(0, bad.exit, bad.toString());
    JsonNode status = bad.ofType("CONNECTION_STATUS").get(0).get("connectionStatus");
    assertEquals("FAILED", status.get("status").asText());
    assertFalse(
        bad.stdout.contains(wrong) || bad.stderr.contains(wrong), "password leaked: " + bad);
    ObjectNode noDb = config(pg.password()).put("database", "c8k_missing_db");
    Cli missing =
        Cli.run(
            new PostgresConnector(),
            "",
            "check",
            "--config",
            Cli.file(dir, "nodb.json", noDb).toString());
    assertTrue(
        missing
            .ofType("CONNECTION_STATUS")
            .get(0)
            .at("/connectionStatus/message")
            .asText()
            .contains("Database c8k_missing_db does not exist"),
        missing.toString());
  }

  @Test
  void discoverListsTablesAndViewsWithKeys() throws Exception {
    JsonNode orders = discovered("orders");
    assertEquals(pg.schema(), orders.get("namespace").asText());
    assertEquals("[[\"id\"]]", orders.get("source_defined_primary_key").toString());
    assertEquals(
        "[\"full_refresh\",\"incremental\"]", orders.get("supported_sync_modes").toString());
    assertFalse(orders.path("source_defined_cursor").asBoolean());
    assertTrue(orders.get("is_resumable").asBoolean());
    assertEquals(
        "{\"type\":[\"number\",\"null\"]}", orders.at("/json_schema/properties/amount").toString());
    assertTrue(
        discovered("big_orders").path("source_defined_primary_key").isMissingNode()
            || discovered("big_orders").path("source_defined_primary_key").isNull());
  }

  @Test
  void incrementalResumesFromEveryStateWithoutLoss() throws Exception {
    Path catalog = catalog("orders", "incremental", "updated_at");
    Cli full = read(catalog, null);
    List<ObjectNode> all = full.records();
    assertEquals(600, all.size());
    List<JsonNode> states = full.states();
    assertTrue(states.size() > 5, "expected mid-stream states: " + states.size());
    int covered = 0;
    for (JsonNode state : states) {
      covered += (int) state.at("/sourceStats/recordCount").asDouble();
      JsonNode cursor = state.at("/stream/stream_state/cursor");
      Cli resumed = read(catalog, state);
      Set<Integer> got = ids(resumed.records());
      Set<Integer> expected = ids(all.subList(covered, all.size()));
      assertTrue(
          got.containsAll(expected), "resume from " + state + " lost " + difference(expected, got));
      Set<Integer> extra = difference(got, expected);
      for (ObjectNode r : all.subList(0, covered)) {
        if (extra.contains(r.get("id").asInt())) {
          assertEquals(cursor.asText(), r.get("updated_at").asText(), "only ties are re-read");
        }
      }
      assertFalse(resumed.states().isEmpty());
    }
    assertEquals(600, covered);
  }

  @Test
  void farFutureStateReadsNothingButStillEmitsState() throws Exception {
    Path catalog = catalog("orders", "incremental", "updated_at");
    ObjectNode state =
        (ObjectNode)
            Cli.JSON.readTree(
                "{\"type\":\"STREAM\",\"stream\":{"
                    + "\"stream_descriptor\":{\"name\":\"orders\",\"namespace\":\""
                    + pg.schema()
                    + "\"},"
                    + "\"stream_state\":{\"cursor_field\":[\"updated_at\"],\"cursor\":\"9999-12-31T00:00:00Z\"}}}");
    Cli r = read(catalog, state);
    assertEquals(0, r.records().size());
    assertFalse(r.states().isEmpty());
  }

  @Test
  void resumableFullRefreshRestartsAfterEveryPageState() throws Exception {
    Path catalog = catalog("orders", "full_refresh", null);
    Cli full = read(catalog, null);
    List<ObjectNode> all = full.records();
    assertEquals(600, all.size());
    int covered = 0;
    int pages = 0;
    for (JsonNode state : full.states()) {
      covered += (int) state.at("/sourceStats/recordCount").asDouble();
      if (!state.at("/stream/stream_state/page").isMissingNode()) {
        pages++;
        Cli resumed = read(catalog, state);
        assertEquals(ids(all.subList(covered, all.size())), ids(resumed.records()));
        assertEquals(all.size() - covered, resumed.records().size());
      }
    }
    assertTrue(pages > 5, "expected page states, got " + pages);
  }

  @Test
  void secondIncrementalReadReturnsTheChanges() throws Exception {
    pg.sql(
        "CREATE TABLE accounts (id int PRIMARY KEY, name text, version bigint NOT NULL)",
        "INSERT INTO accounts SELECT g, 'a' || g, g FROM generate_series(1, 50) g");
    Path catalog = catalog("accounts", "incremental", "version");
    Cli first = read(catalog, null);
    assertEquals(50, first.records().size());
    JsonNode last = first.states().get(first.states().size() - 1);
    assertEquals(50, last.at("/stream/stream_state/cursor").asInt());
    pg.sql(
        "UPDATE accounts SET name = 'renamed', version = 51 WHERE id = 7",
        "INSERT INTO accounts VALUES (51, 'new', 52)");
    Cli second = read(catalog, last);
    assertEquals(Set.of(50, 7, 51), ids(second.records()));
    assertEquals(3, second.records().size());
  }

  private static Set<Integer> difference(Set<Integer> a, Set<Integer> b) {
    Set<Integer> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }
}
