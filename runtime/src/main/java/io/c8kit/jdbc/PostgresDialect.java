package io.c8kit.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * PostgreSQL (tested SQL shapes target 15). A stream's namespace is its schema (created if
 * missing), else the configured default schema. Identifiers are lower-cased (so unquoted SQL finds
 * them), always quoted, and at most 63 bytes (longer names are cut and get a hash suffix). Types:
 * BIGINT, NUMERIC, BOOLEAN, TEXT, DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ and JSONB. Temporal
 * and JSON values are sent as text with a cast in the statement, so the dialect needs no driver
 * classes. PostgreSQL text cannot hold NUL characters: they are removed from strings and JSON.
 * Multi-row {@code VALUES} inserts (up to 65,535 parameters per statement); a {@code COPY} loader
 * can be plugged in through {@link #withRowLoader}. Up to four streams are written at once, each
 * over its own connection.
 */
public final class PostgresDialect implements SqlDialect {
  /** NAMEDATALEN - 1. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private static final int MAX_PARAMETERS = 65_535;
  private static final int MAX_ROWS_PER_INSERT = 1_000;

  /**
   * Streams loaded at once, each on its own connection and server backend. A backend parsing a
   * batch (COPY or INSERTs: type input, JSONB, the table's indexes) keeps about one server core
   * busy while the connector encodes the next rows on another, so a few streams at once overlap the
   * two sides and use a small server's cores; past about 4 the client's own encoding, the WAL and
   * the server's cores are the limit and more connections only add backends (a few MB each, out of
   * the server's {@code max_connections}, 100 by default). The operator lowers it with {@code
   * C8KIT_WRITE_CONCURRENCY}.
   */
  static final int MAX_CONCURRENT_STREAMS = 4;

  private static final Set<String> SYSTEM_COLUMNS =
      Set.of("tableoid", "xmin", "cmin", "xmax", "cmax", "ctid", "oid");

  private final String defaultSchema;
  private final RowLoader rowLoader;

  /** Streams without a namespace go to {@code public}. */
  public PostgresDialect() {
    this("public");
  }

  /**
   * @param defaultSchema the schema of streams without a namespace (sanitized like any identifier)
   */
  public PostgresDialect(String defaultSchema) {
    this(defaultSchema, null);
  }

  private PostgresDialect(String defaultSchema, RowLoader rowLoader) {
    Objects.requireNonNull(defaultSchema, "defaultSchema");
    this.defaultSchema = Identifiers.sanitize(defaultSchema, true, MAX_IDENTIFIER_BYTES);
    this.rowLoader = rowLoader;
  }

  /** This dialect with a bulk loader (e.g. COPY) replacing INSERTs. */
  public PostgresDialect withRowLoader(RowLoader loader) {
    return new PostgresDialect(defaultSchema, loader);
  }

  public String defaultSchema() {
    return defaultSchema;
  }

  @Override
  public String sanitizeIdentifier(String raw) {
    return Identifiers.sanitize(raw, true, MAX_IDENTIFIER_BYTES);
  }

  @Override
  public int maxIdentifierBytes() {
    return MAX_IDENTIFIER_BYTES;
  }

  @Override
  public Set<String> reservedColumnNames() {
    return SYSTEM_COLUMNS;
  }

  @Override
  public String schemaFor(DestinationStream stream) {
    String ns = stream.namespace();
    return ns == null || ns.isEmpty() ? defaultSchema : sanitizeIdentifier(ns);
  }

  @Override
  public String sqlType(ColumnType type) {
    return switch (type) {
      case INTEGER -> "BIGINT";
      case NUMBER -> "NUMERIC";
      case BOOLEAN -> "BOOLEAN";
      case STRING -> "TEXT";
      case DATE -> "DATE";
      case TIME_WITH_TIMEZONE -> "TIMETZ";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case JSON -> "JSONB";
    };
  }

  @Override
  public List<String> createSchema(String schema) {
    return schema == null ? List.of() : List.of("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
  }

  @Override
  public Map<String, String> existingColumns(Connection connection, TableName table)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table.schema() == null ? defaultSchema : table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns.isEmpty() ? null : columns;
  }

  @Override
  public String placeholder(ColumnType type) {
    return switch (type) {
      case JSON,
          DATE,
          TIME_WITH_TIMEZONE,
          TIME_WITHOUT_TIMEZONE,
          TIMESTAMP_WITH_TIMEZONE,
          TIMESTAMP_WITHOUT_TIMEZONE ->
          "CAST(? AS " + sqlType(type) + ")";
      default -> "?";
    };
  }

  @Override
  public int rowsPerInsert(int columnCount) {
    return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columnCount)));
  }

  @Override
  public void bind(PreparedStatement ps, int index, ColumnType type, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(
          index,
          switch (type) {
            case INTEGER -> Types.BIGINT;
            case NUMBER -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            default -> Types.VARCHAR;
          });
      return;
    }
    switch (type) {
      case INTEGER -> ps.setLong(index, (Long) value);
      case NUMBER -> ps.setBigDecimal(index, (BigDecimal) value);
      case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
      case STRING -> ps.setString(index, text((String) value));
      case JSON -> ps.setString(index, json((String) value));
      default -> ps.setString(index, temporalText(type, value));
    }
  }

  /**
   * PostgreSQL text of a temporal value: ISO 8601, years after 9999 without '+', BC years as " BC".
   */
  public static String temporalText(ColumnType type, Object value) {
    return switch (type) {
      case DATE -> {
        LocalDate d = (LocalDate) value;
        yield d.getYear() <= 0 ? d.withYear(1 - d.getYear()) + " BC" : unsigned(d.toString());
      }
      case TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime t = ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
        yield t.getYear() <= 0 ? t.withYear(1 - t.getYear()) + " BC" : unsigned(t.toString());
      }
      case TIMESTAMP_WITHOUT_TIMEZONE -> {
        LocalDateTime t = (LocalDateTime) value;
        yield t.getYear() <= 0 ? t.withYear(1 - t.getYear()) + " BC" : unsigned(t.toString());
      }
      case TIME_WITH_TIMEZONE -> ((OffsetTime) value).toString();
      case TIME_WITHOUT_TIMEZONE -> ((LocalTime) value).toString();
      default -> throw new IllegalArgumentException("not a temporal type: " + type);
    };
  }

  private static String unsigned(String iso) {
    return iso.startsWith("+") ? iso.substring(1) : iso;
  }

  /** Removes NUL characters, which PostgreSQL text cannot store. */
  public static String text(String s) {
    return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
  }

  /** JSON text without NUL characters in its strings ({@code \u0000} is rejected by JSONB). */
  public static String json(String s) {
    if (!s.contains("\\u0000")) {
      return s;
    }
    try {
      JsonNode tree = Protocol.mapper().readTree(s);
      return stripNul(tree).toString();
    } catch (IOException e) {
      return s;
    }
  }

  private static JsonNode stripNul(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().indexOf('\0') < 0 ? node : TextNode.valueOf(text(node.textValue()));
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(text(e.getKey()), stripNul(e.getValue()));
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = a.arrayNode();
      a.forEach(v -> copy.add(stripNul(v)));
      return copy;
    }
    return node;
  }

  @Override
  public String dedup(TableName table, List<String> keys, String cursor) {
    StringJoiner order = new StringJoiner(", ");
    if (cursor != null) {
      order.add(cursor + " DESC NULLS LAST");
    }
    String rawId = quote(Column.RAW_ID);
    order.add(quote(Column.EXTRACTED_AT) + " DESC NULLS LAST");
    order.add(rawId + " COLLATE \"C\" DESC"); // UUIDv7 text: insertion order
    return "DELETE FROM "
        + qualified(table)
        + " AS c8kit_t USING (SELECT "
        + rawId
        + " AS c8kit_rid, "
        + "ROW_NUMBER() OVER (PARTITION BY "
        + String.join(", ", keys)
        + " ORDER BY "
        + order
        + ") AS c8kit_rn FROM "
        + qualified(table)
        + ") AS c8kit_d"
        + " WHERE c8kit_t."
        + rawId
        + " = c8kit_d.c8kit_rid AND c8kit_d.c8kit_rn > 1";
  }

  @Override
  public String jsonPath(String quotedColumn, List<String> path) {
    StringJoiner p = new StringJoiner(",", "{", "}");
    for (String key : path) {
      p.add('"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    return "(" + quotedColumn + " #>> '" + p.toString().replace("'", "''") + "')";
  }

  @Override
  public int maxConcurrentStreams() {
    return MAX_CONCURRENT_STREAMS;
  }

  @Override
  public RowLoader rowLoader() {
    return rowLoader;
  }
}
