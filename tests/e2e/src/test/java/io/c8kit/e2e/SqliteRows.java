package io.c8kit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.jdbc.SqliteDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The acceptance kit's reader for the SQLite destination: a stream's table as JSON rows. */
final class SqliteRows {
  private SqliteRows() {}

  /**
   * The rows of a stream's table by declared column type (BOOLEAN as 0/1, JSON as text); none
   * without a table.
   */
  static List<JsonNode> read(Path file, String stream, String namespace) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    SqliteDialect dialect = new SqliteDialect();
    String table =
        dialect.sanitizeIdentifier(
            namespace == null || namespace.isEmpty() ? stream : namespace + "_" + stream);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      Map<String, String> types = new HashMap<>();
      try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + dialect.quote(table) + ")")) {
        while (rs.next()) {
          types.put(rs.getString("name"), rs.getString("type"));
        }
      }
      if (types.isEmpty()) {
        return rows;
      }
      try (ResultSet rs =
          s.executeQuery("SELECT * FROM " + dialect.quote(table) + " ORDER BY rowid")) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          ObjectNode row = Messages.JSON.createObjectNode();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i);
            Object v = rs.getObject(i);
            if (v == null) {
              continue;
            }
            switch (types.getOrDefault(name, "")) {
              case "BOOLEAN" -> row.put(name, ((Number) v).intValue() != 0);
              case "JSON", "INTEGER", "NUMERIC" ->
                  row.set(name, Messages.JSON.readTree(String.valueOf(v)));
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
