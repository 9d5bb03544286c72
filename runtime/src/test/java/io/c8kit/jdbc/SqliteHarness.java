package io.c8kit.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import io.c8kit.runtime.write.EchoOutput;
import io.c8kit.runtime.write.TestLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the write engine with a {@link JdbcSyncWriter} on a SQLite file and reads the result back.
 */
final class SqliteHarness {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "sqlite-test",
          "0.0.1",
          "SQLite test",
          "",
          "",
          "",
          ConnectorKind.DESTINATION,
          "/META-INF/c8kit/sqlite-test/spec.json",
          "");

  final Path file;
  final String url;
  SqlDialect dialect = new SqliteDialect();

  SqliteHarness(Path dir) {
    this.file = dir.resolve("test.sqlite");
    this.url = "jdbc:sqlite:" + file;
  }

  static final class Connector extends DestinationConnector<JsonNode> {
    Connector(DestinationDefinition<JsonNode> d) {
      super(d);
    }
  }

  Connector connector(Function<io.c8kit.destination.WriteContext, SyncWriter> writer) {
    return new Connector(
        DestinationDefinition.<JsonNode>builder(INFO, c -> c)
            .writer((config, ctx) -> writer.apply(ctx))
            .syncModes(
                DestinationSyncMode.APPEND,
                DestinationSyncMode.OVERWRITE,
                DestinationSyncMode.APPEND_DEDUP)
            .build());
  }

  /** Runs one sync; returns the stdout lines. */
  List<JsonNode> sync(String catalogJson, String input) throws Exception {
    Attempt attempt = attempt(catalogJson, input);
    if (attempt.failure() != null) {
      throw attempt.failure();
    }
    return attempt.stdout();
  }

  /** The stdout lines of a sync and its failure ({@code null} on success). */
  record Attempt(List<JsonNode> stdout, Exception failure) {
    List<JsonNode> states() {
      return stdout.stream().filter(m -> m.path("type").asText().equals("STATE")).toList();
    }
  }

  /**
   * Asserts that {@code attempt} failed because the input left {@code streams} without COMPLETE.
   */
  static void assertIncomplete(Attempt attempt, String... streams) {
    io.c8kit.TransientException e =
        org.junit.jupiter.api.Assertions.assertInstanceOf(
            io.c8kit.TransientException.class, attempt.failure());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("The input ended without STREAM_STATUS COMPLETE"),
        e.getMessage());
    for (String stream : streams) {
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().contains("\"" + stream + "\""), e.getMessage());
    }
  }

  /** Runs one sync that may fail: the failure is returned with what reached stdout before it. */
  Attempt attempt(String catalogJson, String input) throws Exception {
    ConfiguredAirbyteCatalog catalog =
        Protocol.mapper().readValue(catalogJson, ConfiguredAirbyteCatalog.class);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    EchoOutput out = new EchoOutput(stdout);
    Exception failure = null;
    try {
      TestLines.write(
          connector(
              ctx -> new JdbcSyncWriter(() -> DriverManager.getConnection(url), dialect, ctx)),
          null,
          catalog,
          new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
          out);
    } catch (Exception e) {
      failure = e;
    }
    out.flush();
    return new Attempt(lines(stdout), failure);
  }

  private static List<JsonNode> lines(ByteArrayOutputStream stdout) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(Protocol.mapper().readTree(line));
      }
    }
    return lines;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Rows of a query as column → value maps (values as JDBC returns them). */
  List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = connect()) {
      return query(c, sql);
    }
  }

  static List<Map<String, Object>> query(Connection c, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  List<Object> column(String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    for (Map<String, Object> row : query(sql)) {
      values.add(row.values().iterator().next());
    }
    return values;
  }

  /** Table names, sorted. */
  List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    for (Object o : column("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      names.add((String) o);
    }
    return names;
  }

  /** Column name → declared type. */
  Map<String, String> columns(String table) throws SQLException {
    Map<String, String> cols = new LinkedHashMap<>();
    for (Map<String, Object> row :
        query("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
      cols.put((String) row.get("name"), (String) row.get("type"));
    }
    return cols;
  }

  // ------------------------------------------------------------------ message builders

  static String catalog(String... streams) {
    return "{\"streams\":[" + String.join(",", streams) + "]}";
  }

  static String stream(String name, String mode, String properties, String extra) {
    return "{\"stream\":{\"name\":"
        + json(name)
        + ",\"json_schema\":{\"type\":\"object\",\"properties\":{"
        + properties
        + "}},\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]},\"sync_mode\":\"incremental\","
        + "\"destination_sync_mode\":\""
        + mode
        + "\""
        + extra
        + "}";
  }

  static String record(String stream, String data, long emittedAt) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":"
        + json(stream)
        + ",\"data\":"
        + data
        + ",\"emitted_at\":"
        + emittedAt
        + "}}";
  }

  static String state(String stream, int n) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":"
        + json(stream)
        + "},\"stream_state\":{\"n\":"
        + n
        + "}},\"id\":"
        + (1000 + n)
        + "}}";
  }

  static String complete(String stream) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":"
        + "{\"stream_descriptor\":{\"name\":"
        + json(stream)
        + "},\"status\":\"COMPLETE\"}}}";
  }

  static String incomplete(String stream) {
    return complete(stream).replace("COMPLETE", "INCOMPLETE");
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static String json(String s) {
    try {
      return Protocol.mapper().writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
