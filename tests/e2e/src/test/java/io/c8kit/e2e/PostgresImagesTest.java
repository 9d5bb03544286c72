package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL examples' images against the test server, reached with {@code --network host} (the
 * engine has no bridge network): check, discover and read of the source image, check of the
 * destination image, and a sync from the faker image into the destination image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresImagesTest {
  private static final String DB = "e2e_images";
  private static final String WRONG_PASSWORD = "e2e-Not-The-Password-77";

  @TempDir Path data;
  private PostgresServer pg;

  @BeforeAll
  void createDatabase() throws Exception {
    pg = PostgresServer.require();
    pg.createDatabase(DB);
    pg.sql(
        DB,
        "create schema shop",
        "create table shop.items (id int primary key, name text not null, price numeric(10,2),"
            + " tags text[], updated_at timestamptz not null)",
        "insert into shop.items select g, 'item ' || g, g * 1.25, array['t' || (g % 3)],"
            + " timestamptz '2024-03-01 00:00:00+00' + g * interval '1 minute' from generate_series(1, 40) g");
  }

  @AfterAll
  void dropDatabase() throws Exception {
    if (pg != null) {
      pg.dropDatabase(DB);
    }
  }

  private DockerEngine.Run host(String connector) {
    return DockerEngine.run(Images.of(connector)).network("host").mount(data, "/data");
  }

  private static Messages ok(DockerEngine.Result r) {
    assertEquals(0, r.exitCode(), r::toString);
    return Messages.parse(r.stdout(), r::toString);
  }

  @Test
  void sourceImageChecksDiscoversAndReadsTheServer() {
    Proc.json(data, "source.json", pg.sourceConfig(DB, "shop"));
    ObjectNode wrong = pg.sourceConfig(DB, "shop").put("password", WRONG_PASSWORD);
    Proc.json(data, "source-wrong.json", wrong);

    JsonNode good =
        ok(host(Artifacts.SOURCE_POSTGRES).exec("check", "--config", "/data/source.json"))
            .only("CONNECTION_STATUS")
            .get("connectionStatus");
    assertEquals("SUCCEEDED", good.path("status").asText(), good::toString);

    DockerEngine.Result badRun =
        host(Artifacts.SOURCE_POSTGRES).exec("check", "--config", "/data/source-wrong.json");
    JsonNode bad = ok(badRun).only("CONNECTION_STATUS").get("connectionStatus");
    assertEquals("FAILED", bad.path("status").asText(), badRun::toString);
    assertFalse(
        (badRun.stdout() + badRun.stderr()).contains(WRONG_PASSWORD),
        () -> "password leaked: " + badRun);

    // Without the host network the server is unreachable: a FAILED check, not a hang or a crash.
    DockerEngine.Result isolated =
        DockerEngine.run(Images.of(Artifacts.SOURCE_POSTGRES))
            .mount(data, "/data")
            .exec("check", "--config", "/data/source.json");
    assertEquals(
        "FAILED",
        ok(isolated).only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());

    JsonNode catalog =
        ok(host(Artifacts.SOURCE_POSTGRES).exec("discover", "--config", "/data/source.json"))
            .only("CATALOG")
            .get("catalog");
    assertEquals(1, catalog.get("streams").size(), catalog::toString);
    JsonNode items = catalog.get("streams").get(0);
    assertEquals("items", items.get("name").asText());
    assertEquals("shop", items.get("namespace").asText());
    assertEquals("[[\"id\"]]", items.get("source_defined_primary_key").toString());
    assertEquals("integer", items.at("/json_schema/properties/id/type").asText(), items::toString);

    ObjectNode configured = Messages.JSON.createObjectNode();
    ObjectNode cs = configured.putArray("streams").addObject();
    cs.set("stream", items);
    cs.put("sync_mode", "incremental").put("destination_sync_mode", "append_dedup");
    cs.putArray("cursor_field").add("updated_at");
    cs.set("primary_key", items.get("source_defined_primary_key"));
    Proc.json(data, "catalog.json", configured);
    Messages read =
        ok(
            host(Artifacts.SOURCE_POSTGRES)
                .exec("read", "--config", "/data/source.json", "--catalog", "/data/catalog.json"));
    assertEquals(40, read.records("items").size());
    assertEquals(
        "2024-03-01T00:40:00Z",
        read.states("items")
            .get(read.states("items").size() - 1)
            .at("/stream/stream_state/cursor")
            .asText());
    assertEquals(List.of("STARTED", "RUNNING", "COMPLETE"), read.statuses("items"));
  }

  @Test
  void destinationImageChecksAndLoadsWhatTheFakerImageReads() throws Exception {
    Proc.json(data, "faker.json", "{\"count\": 30, \"seed\": 4, \"always_updated\": false}");
    Proc.json(data, "destination.json", pg.destinationConfig(DB, "from_faker_image"));
    ObjectNode wrongDb = pg.destinationConfig("e2e_no_such_db", "x");
    Proc.json(data, "destination-bad.json", wrongDb);

    JsonNode good =
        ok(host(Artifacts.DESTINATION_POSTGRES).exec("check", "--config", "/data/destination.json"))
            .only("CONNECTION_STATUS")
            .get("connectionStatus");
    assertEquals("SUCCEEDED", good.path("status").asText(), good::toString);
    DockerEngine.Result badRun =
        host(Artifacts.DESTINATION_POSTGRES)
            .exec("check", "--config", "/data/destination-bad.json");
    JsonNode bad = ok(badRun).only("CONNECTION_STATUS").get("connectionStatus");
    assertEquals("FAILED", bad.path("status").asText(), badRun::toString);
    assertTrue(bad.path("message").asText().contains("e2e_no_such_db"), bad::toString);

    JsonNode catalog =
        ok(DockerEngine.run(Images.of(Artifacts.SOURCE_FAKER))
                .mount(data, "/data")
                .exec("discover", "--config", "/data/faker.json"))
            .only("CATALOG");
    Proc.json(data, "catalog.json", Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));

    List<String> source =
        DockerEngine.run(Images.of(Artifacts.SOURCE_FAKER))
            .mount(data, "/data")
            .command("read", "--config", "/data/faker.json", "--catalog", "/data/catalog.json");
    List<String> destination =
        host(Artifacts.DESTINATION_POSTGRES)
            .interactive()
            .command(
                "write", "--config", "/data/destination.json", "--catalog", "/data/catalog.json");
    Proc.PipeResult sync = Proc.pipe(source, destination, data, Duration.ofMinutes(3));
    assertEquals(0, sync.source().exitCode(), sync::toString);
    assertEquals(0, sync.destination().exitCode(), sync::toString);

    Map<String, Integer> sent = sync.source().messages().recordCounts();
    assertEquals(30, sent.get("users"));
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      assertEquals(
          (long) e.getValue(),
          pg.queryLong(DB, "select count(*) from from_faker_image." + e.getKey()),
          e.getKey());
    }
    Messages echoed = sync.destination().messages();
    assertEquals(
        sync.source().messages().ofType("STATE").size(),
        echoed.ofType("STATE").size(),
        () -> "every state is echoed: " + sync);
    for (JsonNode state : echoed.ofType("STATE")) {
      assertTrue(state.at("/state/destinationStats/recordCount").isNumber(), state::toString);
    }
  }
}
