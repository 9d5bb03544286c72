package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Singer mode for real: the tap-/target- launchers the connector parent writes next to each jar,
 * joined by a plain shell pipe exactly as the Singer docs run them ({@code tap --config c --catalog
 * k --state s | target --config t >> state.json}), then an incremental rerun from {@code tail -1
 * state.json}; row counts prove that no record was lost or duplicated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingerPipelinesJarTest {
  private static final String SRC = "e2e_singer_src";
  private static final String DST = "e2e_singer_dst";

  @TempDir static Path dir;
  private PostgresServer pg;

  private static Path launcher(String artifactId, String name) {
    Path launcher = Artifacts.jar(artifactId).getParent().resolve("bin").resolve(name);
    assertTrue(Files.isExecutable(launcher), "launcher missing: " + launcher);
    return launcher;
  }

  /** Runs {@code tap ... | target ... >> state} in sh; returns the last state line. */
  private static String pipe(
      Path tap,
      Path tapConfig,
      Path catalog,
      Path stateIn,
      Path target,
      Path targetConfig,
      Path stateOut)
      throws Exception {
    String command =
        "set -e; "
            + q(tap)
            + " --config "
            + q(tapConfig)
            + (catalog == null ? "" : " --catalog " + q(catalog))
            + (stateIn == null ? "" : " --state " + q(stateIn))
            + " | "
            + q(target)
            + " --config "
            + q(targetConfig)
            + " >> "
            + q(stateOut);
    Proc.Result r =
        Proc.exec(List.of("sh", "-c", command), dir, null, Map.of(), Duration.ofMinutes(3));
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = Files.readAllLines(stateOut);
    assertTrue(!lines.isEmpty(), "the target printed no state");
    for (String line : lines) {
      Proc.parse(line); // every stdout line of a target is one JSON state value
    }
    return lines.get(lines.size() - 1);
  }

  private static String q(Path p) {
    return "'" + p.toString().replace("'", "'\\''") + "'";
  }

  @AfterAll
  void tearDown() throws Exception {
    if (pg != null) {
      pg.dropDatabase(SRC);
      pg.dropDatabase(DST);
    }
  }

  @Test
  void tapFakerIntoTargetSqliteThenIncrementalRerun() throws Exception {
    Path tap = launcher(Artifacts.SOURCE_FAKER, "tap-faker");
    Path target = launcher(Artifacts.DESTINATION_SQLITE, "target-sqlite");
    Path tapConfig =
        Proc.json(dir, "faker.json", "{\"count\": 40, \"seed\": 3, \"always_updated\": false}");
    Path sqlite = dir.resolve("faker.sqlite");
    Path targetConfig =
        Proc.json(
            dir,
            "sqlite.json",
            Messages.JSON.createObjectNode().put("destination_path", sqlite.toString()));
    Path states = dir.resolve("faker-state.json");

    String state = pipe(tap, tapConfig, null, null, target, targetConfig, states);
    JsonNode value = Proc.parse(state);
    assertTrue(value.get("currently_syncing").isNull(), state);
    assertEquals("updated_at", value.at("/bookmarks/users/replication_key").asText());
    Map<String, Long> first = PipelineRunnerTest.counts(sqlite);
    assertEquals(40L, first.get("users"));
    assertEquals(100L, first.get("products"));

    Path saved = dir.resolve("faker-saved.json");
    Files.writeString(saved, state);
    pipe(tap, tapConfig, null, saved, target, targetConfig, states);
    assertEquals(first, PipelineRunnerTest.counts(sqlite), "nothing lost, nothing duplicated");
    assertEquals(40L, count(sqlite, "select count(distinct id) from users"));
  }

  @Test
  void tapPostgresIntoTargetPostgresWithSelectionAndResume() throws Exception {
    pg = PostgresServer.require();
    pg.createDatabase(SRC);
    pg.createDatabase(DST);
    pg.sql(
        SRC,
        "create schema shop",
        "create table shop.customers (id int primary key, name text not null, updated_at timestamptz not null)",
        "insert into shop.customers select g, 'customer ' || g,"
            + " timestamptz '2024-01-01 00:00:00+00' + (g / 10) * interval '1 minute' from generate_series(1, 300) g",
        "create table shop.countries (code text primary key, name text not null)",
        "insert into shop.countries values ('CH', 'Switzerland'), ('DE', 'Germany'), ('FR', 'France')",
        "create table shop.ignored (id int primary key)",
        "insert into shop.ignored values (1)");
    Path tap = launcher(Artifacts.SOURCE_POSTGRES, "tap-postgres");
    Path target = launcher(Artifacts.DESTINATION_POSTGRES, "target-postgres");
    Path tapConfig = Proc.json(dir, "pg-tap.json", pg.sourceConfig(SRC, "shop"));
    Path targetConfig = Proc.json(dir, "pg-target.json", pg.destinationConfig(DST, "public"));

    Proc.Result discover =
        Proc.exec(
            List.of(tap.toString(), "--config", tapConfig.toString(), "--discover"),
            dir,
            null,
            Map.of(),
            Duration.ofMinutes(2));
    assertEquals(0, discover.exitCode(), discover::toString);
    ObjectNode catalog = (ObjectNode) Proc.parse(discover.stdout());
    for (JsonNode stream : catalog.get("streams")) {
      ObjectNode root = (ObjectNode) stream.get("metadata").get(0).get("metadata");
      switch (stream.get("tap_stream_id").asText()) {
        case "shop-customers" ->
            root.put("selected", true)
                .put("replication-method", "INCREMENTAL")
                .put("replication-key", "updated_at");
        case "shop-countries" -> root.put("selected", true).put("replication-method", "FULL_TABLE");
        default -> root.put("selected", false);
      }
    }
    Path catalogFile = Proc.json(dir, "pg-catalog.json", catalog);
    Path states = dir.resolve("pg-state.json");

    String state = pipe(tap, tapConfig, catalogFile, null, target, targetConfig, states);
    assertEquals(300, pg.queryLong(DST, "select count(*) from public.shop_customers"));
    assertEquals(3, pg.queryLong(DST, "select count(*) from public.shop_countries"));
    assertEquals(
        0,
        pg.queryLong(
            DST,
            "select count(*) from information_schema.tables where table_name like '%ignored%'"),
        "unselected stream not synced");

    pg.sql(
        SRC,
        "update shop.customers set name = name || ' v2', updated_at = updated_at + interval '1 day' where id <= 50",
        "insert into shop.customers select g, 'customer ' || g, timestamptz '2024-06-01 00:00:00+00'"
            + " from generate_series(301, 320) g",
        "delete from shop.countries where code = 'FR'");
    Path saved = dir.resolve("pg-saved.json");
    Files.writeString(saved, state);
    pipe(tap, tapConfig, catalogFile, saved, target, targetConfig, states);
    assertEquals(
        320,
        pg.queryLong(DST, "select count(*) from public.shop_customers"),
        "upsert: one row per id");
    assertEquals(320, pg.queryLong(DST, "select count(distinct id) from public.shop_customers"));
    assertEquals(
        50, pg.queryLong(DST, "select count(*) from public.shop_customers where name like '% v2'"));
    assertEquals(
        2,
        pg.queryLong(DST, "select count(*) from public.shop_countries"),
        "ACTIVATE_VERSION replaced the full table");
  }

  private static long count(Path sqlite, String sql) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
