package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelines into the PostgreSQL destination through the runnable jars only (four JVMs per pair of
 * syncs, nothing in-process): postgres → postgres with an incremental second sync, and faker →
 * postgres twice; row counts, dedup and overwrite checked in the target database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPipelinesJarTest {
  private static final String SRC = "e2e_pipes_src";
  private static final String DST = "e2e_pipes_dst";

  @TempDir static Path dir;
  private PostgresServer pg;
  private Path sourcePg;
  private Path destinationPg;
  private Path faker;

  @BeforeAll
  void setUp() throws Exception {
    pg = PostgresServer.require();
    sourcePg = Artifacts.jar(Artifacts.SOURCE_POSTGRES);
    destinationPg = Artifacts.jar(Artifacts.DESTINATION_POSTGRES);
    faker = Artifacts.jar(Artifacts.SOURCE_FAKER);
    pg.createDatabase(SRC);
    pg.createDatabase(DST);
  }

  @AfterAll
  void tearDown() throws Exception {
    if (pg != null) {
      pg.dropDatabase(SRC);
      pg.dropDatabase(DST);
    }
  }

  @Test
  void postgresToPostgresFullThenIncremental() throws Exception {
    pg.sql(
        SRC,
        "create schema shop",
        "create table shop.customers (id int primary key, name text not null, score numeric(8,2),"
            + " tags text[], profile jsonb, updated_at timestamptz not null)",
        // Runs of 10 equal updated_at values, so the incremental boundary is a tie.
        "insert into shop.customers select g, 'customer ' || g, g * 0.25, array['a', 'b' || g],"
            + " jsonb_build_object('n', g), timestamptz '2024-01-01 00:00:00+00' + (g / 10) * interval '1 minute'"
            + " from generate_series(1, 300) g",
        "create table shop.countries (code text primary key, name text not null)",
        "insert into shop.countries values ('CH', 'Switzerland'), ('DE', 'Germany'), ('FR', 'France'),"
            + " ('IT', 'Italy'), ('AT', 'Austria')");
    Path srcConfig = Proc.json(dir, "pg-source.json", pg.sourceConfig(SRC, "shop"));
    Path dstConfig = Proc.json(dir, "pg-destination.json", pg.destinationConfig(DST, "public"));

    Proc.Result discover = Proc.jar(sourcePg, dir, "discover", "--config", srcConfig.toString());
    assertEquals(0, discover.exitCode(), discover::toString);
    JsonNode catalog = discover.messages().only("CATALOG").get("catalog");
    Path catalog1 = Proc.json(dir, "pg-catalog-1.json", configure(catalog, 1));

    Syncs.Sync first =
        Syncs.run(sourcePg, srcConfig, destinationPg, dstConfig, catalog1, null, dir)
            .assertSucceeded();
    assertEquals(Map.of("customers", 300, "countries", 5), first.recordsSent());
    // The stream's namespace (the source schema) is the target schema.
    assertEquals(300, pg.queryLong(DST, "select count(*) from shop.customers"));
    assertEquals(300, pg.queryLong(DST, "select count(distinct id) from shop.customers"));
    assertEquals(
        pg.queryLong(SRC, "select sum(score * 100) from shop.customers"),
        pg.queryLong(DST, "select sum(score * 100) from shop.customers"));
    assertEquals(
        List.of("b7"), pg.queryStrings(DST, "select tags->>1 from shop.customers where id = 7"));
    assertEquals(
        List.of("7"),
        pg.queryStrings(DST, "select profile->>'n' from shop.customers where id = 7"));
    assertEquals(5, pg.queryLong(DST, "select count(*) from shop.countries"));

    pg.sql(
        SRC,
        "update shop.customers set name = name || ' v2', updated_at = updated_at + interval '1 day' where id <= 50",
        "insert into shop.customers select g, 'customer ' || g, 1, array['c'], '{}'::jsonb,"
            + " timestamptz '2024-06-01 00:00:00+00' from generate_series(301, 320) g",
        "update shop.countries set name = 'Schweiz' where code = 'CH'");
    Path state = Proc.json(dir, "pg-state.json", first.nextState());
    Path catalog2 = Proc.json(dir, "pg-catalog-2.json", configure(catalog, 2));
    Syncs.Sync second =
        Syncs.run(sourcePg, srcConfig, destinationPg, dstConfig, catalog2, state, dir)
            .assertSucceeded();
    // 50 updated + 20 new + the one row tying the previous cursor (id 300); countries in full
    // again.
    assertEquals(Map.of("customers", 71, "countries", 5), second.recordsSent());
    assertEquals(
        320,
        pg.queryLong(DST, "select count(*) from shop.customers"),
        "append_dedup: one row per id");
    assertEquals(
        50, pg.queryLong(DST, "select count(*) from shop.customers where name like '% v2'"));
    assertEquals(
        5, pg.queryLong(DST, "select count(*) from shop.countries"), "overwrite replaces the rows");
    assertEquals(
        List.of("Schweiz"),
        pg.queryStrings(DST, "select name from shop.countries where code = 'CH'"));
    assertEquals(
        List.of("2"),
        pg.queryStrings(DST, "select distinct _airbyte_generation_id::text from shop.countries"),
        "rows of the second generation");
  }

  /** customers incremental + append_dedup on updated_at, countries full refresh + overwrite. */
  private static ObjectNode configure(JsonNode catalog, long generation) {
    ObjectNode configured = Messages.JSON.createObjectNode();
    for (JsonNode s : catalog.get("streams")) {
      boolean customers = s.get("name").asText().equals("customers");
      ObjectNode cs = configured.withArray("streams").addObject();
      cs.set("stream", s);
      cs.put("sync_mode", customers ? "incremental" : "full_refresh");
      cs.put("destination_sync_mode", customers ? "append_dedup" : "overwrite");
      if (customers) {
        cs.putArray("cursor_field").add("updated_at");
      }
      cs.set("primary_key", s.get("source_defined_primary_key"));
      cs.put("sync_id", generation)
          .put("generation_id", generation)
          .put("minimum_generation_id", customers ? 0 : generation);
    }
    return configured;
  }

  @Test
  void fakerToPostgresTwiceDedupsAndOverwrites() throws Exception {
    Path fakerConfig = Proc.json(dir, "faker.json", "{\"count\": 40, \"seed\": 8}");
    Path dstConfig = Proc.json(dir, "faker-destination.json", pg.destinationConfig(DST, "faker"));
    Proc.Result discover = Proc.jar(faker, dir, "discover", "--config", fakerConfig.toString());
    assertEquals(0, discover.exitCode(), discover::toString);
    JsonNode catalog = discover.messages().only("CATALOG");

    Path catalog1 =
        Proc.json(
            dir,
            "faker-catalog-1.json",
            Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));
    Syncs.Sync first =
        Syncs.run(faker, fakerConfig, destinationPg, dstConfig, catalog1, null, dir)
            .assertSucceeded();
    Map<String, Integer> sent1 = first.recordsSent();
    assertEquals(40, sent1.get("users"));
    assertEquals(100, sent1.get("products"));
    for (Map.Entry<String, Integer> e : sent1.entrySet()) {
      assertEquals(
          (long) e.getValue(),
          pg.queryLong(DST, "select count(*) from faker." + e.getKey()),
          e.getKey());
    }

    Instant beforeSecond = Instant.now();
    Path state = Proc.json(dir, "faker-state.json", first.nextState());
    Path catalog2 =
        Proc.json(
            dir,
            "faker-catalog-2.json",
            Catalogs.incremental(catalog, "append_dedup", "overwrite", 2));
    Syncs.Sync second =
        Syncs.run(faker, fakerConfig, destinationPg, dstConfig, catalog2, state, dir)
            .assertSucceeded();
    // always_updated: every user and purchase comes again with a newer updated_at ...
    assertEquals(sent1, second.recordsSent());
    // ... and dedup keeps one row per id, the newest.
    for (String stream : List.of("users", "purchases")) {
      assertEquals(
          (long) sent1.get(stream),
          pg.queryLong(DST, "select count(*) from faker." + stream),
          stream);
      assertEquals(
          (long) sent1.get(stream),
          pg.queryLong(DST, "select count(distinct id) from faker." + stream));
    }
    String newest = second.sent().data("users").get(39).get("updated_at").asText();
    assertEquals(
        1,
        pg.queryLong(
            DST,
            "select count(*) from faker.users where id = 40 and updated_at = '"
                + newest
                + "'::timestamptz"),
        "the row of the second sync won");
    assertEquals(100, pg.queryLong(DST, "select count(*) from faker.products"));
    assertEquals(
        100,
        pg.queryLong(
            DST,
            "select count(*) from faker.products where _airbyte_extracted_at >= '"
                + beforeSecond
                + "'::timestamptz"),
        "overwrite: only rows of the second sync");
    assertTrue(
        pg.queryLong(DST, "select count(*) from faker.products where _airbyte_generation_id = 2")
            == 100);
  }
}
