package io.c8kit.examples.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.jdbc.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * The acceptance kit's destination suite (spec, check, sync read back from the table, overwrite /
 * append / dedup second syncs, line breaks and unicode, a large batch, STATE echo) against a real
 * server. The reader reads each stream's table back as JSON ({@code to_jsonb} of the row).
 */
class PostgresDestinationAcceptanceTest extends DestinationAcceptanceTest {
  private static PostgresTestServer pg;

  @Override
  protected DestinationAcceptanceConfig config() {
    pg = PostgresTestServer.start("c8k_dst_cat");
    ObjectNode good = Sync.config(pg, true);
    ObjectNode bad = good.deepCopy().put("database", "c8k_no_such_database");
    return DestinationAcceptanceConfig.forConnector(new PostgresConnector())
        .goodConfig(good)
        .badConfig(bad.toString())
        .reader(PostgresDestinationAcceptanceTest::read);
  }

  /**
   * The rows of a stream's table, metadata columns included (the kit ignores {@code _airbyte_*}).
   */
  static List<JsonNode> read(JsonNode config, String stream, String namespace) throws Exception {
    PostgresDialect dialect = new PostgresDialect(config.get("schema").asText());
    String schema =
        namespace == null || namespace.isEmpty()
            ? dialect.defaultSchema()
            : dialect.sanitizeIdentifier(namespace);
    String table = dialect.sanitizeIdentifier(stream);
    List<JsonNode> rows = new ArrayList<>();
    try (Connection c = pg.connect()) {
      try (PreparedStatement exists =
          c.prepareStatement("SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
        exists.setString(1, schema);
        exists.setString(2, table);
        try (ResultSet rs = exists.executeQuery()) {
          if (!rs.next()) {
            return rows;
          }
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT to_jsonb(t)::text FROM "
                      + dialect.quote(schema)
                      + "."
                      + dialect.quote(table)
                      + " t ORDER BY \"_airbyte_raw_id\"");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Sync.JSON.readTree(rs.getString(1)));
        }
      }
    }
    return rows;
  }

  @AfterAll
  static void dropSchema() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }
}
