package io.c8kit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.jdbc.PostgresDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inputs of the acceptance kit runs against the PostgreSQL examples (jar and image targets): a
 * database of their own on the test server, a source schema with a table and a view, a reader of
 * the destination's tables.
 */
final class PostgresKit {
  static final String DB = "e2e_kit";
  private static boolean created;

  private PostgresKit() {}

  /** The test server, with the kit's database created once per JVM. */
  static synchronized PostgresServer server() throws Exception {
    PostgresServer pg = PostgresServer.require();
    if (!created) {
      pg.createDatabase(DB);
      created = true;
    }
    return pg;
  }

  /**
   * A fresh schema with {@code users} (runs of four equal updated_at values, some across the
   * 10-record checkpoints) and the view {@code active_users}; the source's good and bad configs and
   * a configured catalog with a cursor per stream (the PostgreSQL source lets the user pick it),
   * applied to {@code config}.
   */
  static SourceAcceptanceConfig source(SourceAcceptanceConfig config, String schema)
      throws Exception {
    PostgresServer pg = server();
    pg.sql(
        DB,
        "drop schema if exists " + schema + " cascade",
        "create schema " + schema,
        "create table "
            + schema
            + ".users (id int primary key, name text not null, score numeric(8, 2),"
            + " tags text[], profile jsonb, updated_at timestamptz not null)",
        "insert into "
            + schema
            + ".users select g, 'user ' || g, g * 0.5, array['a', 'b' || g],"
            + " jsonb_build_object('n', g), timestamptz '2024-01-01 00:00:00+00' + (g / 4) * interval '1 day'"
            + " from generate_series(1, 30) g",
        "create view "
            + schema
            + ".active_users as select id, name, updated_at from "
            + schema
            + ".users where id % 2 = 0");
    ObjectNode good = pg.sourceConfig(DB, schema).put("checkpoint_records", 10);
    ObjectNode bad = good.deepCopy().put("database", "e2e_no_such_database");

    java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("c8kit-e2e-kit-");
    Proc.Result discover;
    try {
      discover =
          Proc.jar(
              Artifacts.jar(Artifacts.SOURCE_POSTGRES),
              null,
              "discover",
              "--config",
              Proc.json(tmp, "config.json", good).toString());
    } finally {
      Proc.deleteTree(tmp);
    }
    if (discover.exitCode() != 0) {
      throw new IllegalStateException("discover failed: " + discover);
    }
    JsonNode catalog = discover.messages().only("CATALOG").get("catalog");
    ObjectNode configured = Messages.JSON.createObjectNode();
    for (JsonNode s : catalog.get("streams")) {
      ObjectNode cs = configured.withArray("streams").addObject();
      cs.set("stream", s);
      cs.put("sync_mode", "incremental").put("destination_sync_mode", "append");
      cs.putArray("cursor_field")
          .add(
              Map.of("users", "updated_at", "active_users", "updated_at")
                  .get(s.get("name").asText()));
    }
    return config
        .goodConfig(good)
        .badConfig(bad.toString())
        .configuredCatalog(configured.toString());
  }

  /** The destination's good and bad configs (schema {@code schema}) and a reader of its tables. */
  static DestinationAcceptanceConfig destination(DestinationAcceptanceConfig config, String schema)
      throws Exception {
    PostgresServer pg = server();
    pg.sql(DB, "drop schema if exists " + schema + " cascade");
    ObjectNode good = pg.destinationConfig(DB, schema);
    ObjectNode bad = good.deepCopy().put("database", "e2e_no_such_database");
    return config
        .goodConfig(good)
        .badConfig(bad.toString())
        .reader((cfg, stream, namespace) -> read(pg, cfg, stream, namespace));
  }

  /** A stream's table as JSON rows ({@code to_jsonb} of each row); none when there is no table. */
  static List<JsonNode> read(PostgresServer pg, JsonNode config, String stream, String namespace)
      throws Exception {
    PostgresDialect dialect = new PostgresDialect(config.get("schema").asText());
    String schema =
        namespace == null || namespace.isEmpty()
            ? dialect.defaultSchema()
            : dialect.sanitizeIdentifier(namespace);
    String table = dialect.sanitizeIdentifier(stream);
    List<JsonNode> rows = new ArrayList<>();
    try (Connection c = pg.connect(DB)) {
      try (PreparedStatement exists =
          c.prepareStatement("select 1 from pg_tables where schemaname = ? and tablename = ?")) {
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
                  "select to_jsonb(t)::text from "
                      + dialect.quote(schema)
                      + "."
                      + dialect.quote(table)
                      + " t order by \"_airbyte_raw_id\"");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Messages.JSON.readTree(rs.getString(1)));
        }
      }
    }
    return rows;
  }
}
