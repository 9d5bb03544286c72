package io.c8kit.examples.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;
import io.c8kit.jdbc.SqliteDialect;
import io.c8kit.protocol.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The acceptance kit's destination suite (spec, check, first and second syncs in every sync mode,
 * line breaks and unicode, a large batch, STATE echo) on a temporary SQLite file, in-process.
 */
class SqliteDestinationAcceptanceTest extends DestinationAcceptanceTest {
  @Override
  protected DestinationAcceptanceConfig config() {
    try {
      Path dir = Files.createTempDirectory("c8kit-sqlite-cat");
      Path file = dir.resolve("db/acceptance.sqlite");
      Path notADirectory = Files.createFile(dir.resolve("plain-file"));
      return DestinationAcceptanceConfig.forConnector(new SqliteConnector())
          .goodConfig("{\"destination_path\":" + Protocol.toJson(file.toString()) + "}")
          .badConfig(
              "{\"destination_path\":"
                  + Protocol.toJson(notADirectory.resolve("db.sqlite").toString())
                  + "}")
          .reader(SqliteDestinationAcceptanceTest::read);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of a stream's table as JSON, by declared column type (BOOLEAN 0/1, JSON text). */
  static List<JsonNode> read(JsonNode config, String stream, String namespace) throws Exception {
    Path path = Path.of(config.get("destination_path").asText());
    List<JsonNode> rows = new ArrayList<>();
    if (!Files.exists(path)) {
      return rows;
    }
    SqliteDialect dialect = new SqliteDialect();
    String table =
        dialect.sanitizeIdentifier(
            namespace == null || namespace.isEmpty() ? stream : namespace + "_" + stream);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path)) {
      Map<String, String> types = new HashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
        while (rs.next()) {
          types.put(rs.getString("name"), rs.getString("type"));
        }
      }
      if (types.isEmpty()) {
        return rows;
      }
      try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM " + dialect.quote(table) + " ORDER BY rowid");
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          ObjectNode row = JsonNodeFactory.instance.objectNode();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i);
            Object v = rs.getObject(i);
            if (v == null) {
              continue;
            }
            switch (types.getOrDefault(name, "")) {
              case "BOOLEAN" -> row.put(name, ((Number) v).intValue() != 0);
              case "JSON" -> row.set(name, Protocol.mapper().readTree(String.valueOf(v)));
              case "INTEGER", "NUMERIC" ->
                  row.set(name, Protocol.mapper().readTree(String.valueOf(v)));
              default -> row.put(name, String.valueOf(v));
            }
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
