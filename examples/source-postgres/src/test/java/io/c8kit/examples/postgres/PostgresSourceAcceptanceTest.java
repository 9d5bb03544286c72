package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;
import io.c8kit.acceptance.services.PostgresTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Airbyte's connector acceptance tests (spec, connection, discovery, basic_read, full_refresh,
 * incremental) against the generated connector reading a real server. The user picks the cursor, so
 * the incremental suites get a configured catalog naming one per stream; checkpoints every 7
 * records give the sequential-slices rule mid-stream states to resume from.
 */
class PostgresSourceAcceptanceTest extends SourceAcceptanceTest {
  private static PostgresTestServer pg;

  @Override
  protected SourceAcceptanceConfig config() {
    try {
      pg = PostgresTestServer.start("c8k_src_cat");
      pg.sql(
          "CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, score numeric(8, 2),"
              + " tags text[], profile jsonb, updated_at timestamptz NOT NULL)",
          "INSERT INTO users SELECT g, 'user ' || g, g * 0.5, ARRAY['a', 'b' || g],"
              + " jsonb_build_object('n', g), timestamptz '2024-01-01 00:00:00+00'"
              + " + (g / 4) * interval '1 day' FROM generate_series(1, 60) g",
          "CREATE VIEW active_users AS SELECT id, name, updated_at FROM users WHERE id % 2 = 0");
      ObjectNode good = Cli.JSON.createObjectNode();
      good.put("host", pg.host())
          .put("port", pg.port())
          .put("database", pg.database())
          .put("username", pg.user())
          .put("password", pg.password())
          .put("checkpoint_records", 7);
      good.putArray("schemas").add(pg.schema());
      ObjectNode bad = good.deepCopy().put("database", "c8k_no_such_database");
      return SourceAcceptanceConfig.forConnector(new PostgresConnector())
          .goodConfig(good)
          .badConfig(Cli.JSON.writeValueAsString(bad))
          .configuredCatalog(configuredCatalog(good));
    } catch (RuntimeException e) {
      throw e; // includes the kit's "no server" skip signal, which must reach JUnit unwrapped
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The discovered catalog with every stream incremental on its {@code updated_at} cursor. */
  private static String configuredCatalog(ObjectNode config) throws Exception {
    Path dir = Files.createTempDirectory("c8k-cat");
    Path file = Cli.file(dir, "config.json", config);
    Cli discover = Cli.run(new PostgresConnector(), "", "discover", "--config", file.toString());
    JsonNode catalog = discover.ofType("CATALOG").get(0).get("catalog");
    ObjectNode configured = Cli.JSON.createObjectNode();
    Map<String, String> cursors = Map.of("users", "updated_at", "active_users", "updated_at");
    for (JsonNode s : catalog.get("streams")) {
      ObjectNode cs = configured.withArray("streams").addObject();
      cs.set("stream", s);
      cs.put("sync_mode", "incremental").put("destination_sync_mode", "append");
      cs.putArray("cursor_field").add(cursors.get(s.get("name").asText()));
    }
    return Cli.JSON.writeValueAsString(configured);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
