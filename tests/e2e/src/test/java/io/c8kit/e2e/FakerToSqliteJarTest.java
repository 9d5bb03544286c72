package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * faker → SQLite through the two runnable jars ({@code source-faker read | destination-sqlite
 * write}, two JVMs piped), then the SQLite file opened with sqlite-jdbc: row counts equal the
 * records read per stream, append_dedup leaves one row per key across syncs, a full refresh in
 * overwrite replaces the rows, append adds them, and every STATE comes back with destinationStats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakerToSqliteJarTest {
  @TempDir static Path dir;
  private Path faker;
  private Path sqliteJar;
  private JsonNode catalog;

  @BeforeAll
  void discover() {
    faker = Artifacts.jar(Artifacts.SOURCE_FAKER);
    sqliteJar = Artifacts.jar(Artifacts.DESTINATION_SQLITE);
    Proc.Result r =
        Proc.jar(faker, dir, "discover", "--config", Proc.json(dir, "d.json", "{}").toString());
    assertEquals(0, r.exitCode(), r::toString);
    catalog = r.messages().only("CATALOG");
  }

  private Path destination(String file) {
    return Proc.json(
        dir,
        file + ".json",
        Messages.JSON.createObjectNode().put("destination_path", dir.resolve(file).toString()));
  }

  private Syncs.Sync sync(
      Path config, ObjectNode configured, Path destination, Syncs.Sync previous, String name) {
    Path cat = Proc.json(dir, name + "-catalog.json", configured);
    Path state =
        previous == null ? null : Proc.json(dir, name + "-state.json", previous.nextState());
    return Syncs.run(faker, config, sqliteJar, destination, cat, state, dir).assertSucceeded();
  }

  @Test
  void incrementalDedupThenOverwriteThenAppend() throws Exception {
    Path sqlite = dir.resolve("faker.sqlite");
    Path destination = destination("faker.sqlite");
    Path config =
        Proc.json(dir, "faker.json", "{\"count\": 40, \"seed\": 2, \"records_per_slice\": 15}");

    // 1. incremental + append_dedup (users, purchases), full refresh + overwrite (products).
    Syncs.Sync first =
        sync(
            config,
            Catalogs.incremental(catalog, "append_dedup", "overwrite", 1),
            destination,
            null,
            "s1");
    Map<String, Integer> sent = first.recordsSent();
    assertEquals(40, sent.get("users"));
    assertEquals(100, sent.get("products"));
    assertEquals(
        Map.of("users", 40L, "products", 100L, "purchases", (long) sent.get("purchases")),
        PipelineRunnerTest.counts(sqlite));
    assertTrue(first.sent().states("users").size() >= 3, "checkpoints every 15 records");

    // 2. incremental from the echoed states: always_updated re-sends every record with a newer
    // cursor;
    //    dedup keeps exactly one row per id, the newest.
    Syncs.Sync second =
        sync(
            config,
            Catalogs.incremental(catalog, "append_dedup", "overwrite", 2),
            destination,
            first,
            "s2");
    assertEquals(sent, second.recordsSent());
    assertEquals(40L, count(sqlite, "select count(*) from users"));
    assertEquals(40L, count(sqlite, "select count(distinct id) from users"));
    assertEquals(
        (long) sent.get("purchases"), count(sqlite, "select count(distinct id) from purchases"));
    assertEquals((long) sent.get("purchases"), count(sqlite, "select count(*) from purchases"));
    String newest = second.sent().data("users").get(39).get("updated_at").asText();
    assertEquals(
        Instant.parse(newest),
        instant(sqlite, "select updated_at from users where id = 40"),
        "the row of the second sync won");

    // 3. full refresh + overwrite of everything: the same counts, and only rows of this sync.
    Instant beforeThird = Instant.now().minusMillis(1);
    Syncs.Sync third =
        sync(config, Catalogs.fullRefresh(catalog, "overwrite", 3), destination, null, "s3");
    assertEquals(40, third.recordsSent().get("users"));
    for (String table : new String[] {"users", "products", "purchases"}) {
      assertEquals(
          (long) third.recordsSent().get(table),
          count(sqlite, "select count(*) from " + table),
          table);
      assertEquals(
          0L,
          count(sqlite, "select count(*) from " + table + " where _airbyte_generation_id <> 3"),
          table);
      Instant oldest = instant(sqlite, "select min(_airbyte_extracted_at) from " + table);
      assertTrue(
          !oldest.isBefore(beforeThird),
          () -> table + ": a row older than the overwrite: " + oldest);
    }

    // 4. full refresh + append of users: the rows are added.
    ObjectNode append = Catalogs.fullRefresh(catalog, "append", 4);
    for (java.util.Iterator<JsonNode> it = append.withArray("streams").elements(); it.hasNext(); ) {
      if (!it.next().at("/stream/name").asText().equals("users")) {
        it.remove();
      }
    }
    sync(config, append, destination, null, "s4");
    assertEquals(80L, count(sqlite, "select count(*) from users"));
    assertEquals(40L, count(sqlite, "select count(distinct id) from users"));
  }

  @Test
  void theWholeCatalogInOneFreshFileMatchesTheRecordsRead() throws Exception {
    Path sqlite = dir.resolve("fresh.sqlite");
    Path config =
        Proc.json(dir, "fresh.json", "{\"count\": 120, \"seed\": 77, \"always_updated\": false}");
    Syncs.Sync sync =
        sync(
            config,
            Catalogs.incremental(
                catalog, "append_dedup", "overwrite", 1, Set.of("users", "products", "purchases")),
            destination("fresh.sqlite"),
            null,
            "fresh");
    Map<String, Integer> sent = sync.recordsSent();
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      assertEquals(
          (long) e.getValue(), count(sqlite, "select count(*) from " + e.getKey()), e.getKey());
    }
    // Values arrive intact: the first user as the source sent it.
    JsonNode user = sync.sent().data("users").get(0);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select name, email, age from users where id = " + user.get("id").asLong())) {
      assertTrue(rs.next());
      assertEquals(user.get("name").asText(), rs.getString(1));
      assertEquals(user.get("email").asText(), rs.getString(2));
      assertEquals(user.get("age").asLong(), rs.getLong(3));
    }
  }

  static long count(Path sqlite, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  /**
   * A timestamp column read back whether it is stored as ISO-8601 text or as epoch milliseconds.
   */
  static Instant instant(Path sqlite, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      Object v = rs.getObject(1);
      if (v instanceof Number n) {
        return Instant.ofEpochMilli(n.longValue());
      }
      String text = String.valueOf(v).replace(' ', 'T');
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (java.time.format.DateTimeParseException e) {
        return Instant.parse(text.endsWith("Z") ? text : text + "Z");
      }
    }
  }
}
