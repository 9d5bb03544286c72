package io.c8kit.jdbc;

import io.c8kit.destination.DestinationStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * SQLite (3.35+, as shipped by sqlite-jdbc). One database file, no schemas: a stream's table is
 * {@code <namespace>_<name>} (or {@code <name>}). Identifiers compare case-insensitively, so
 * columns {@code Id} and {@code id} get distinct names. Declared types: INTEGER, NUMERIC (integers
 * stay exact), BOOLEAN (0/1), TEXT for strings, and DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ and
 * JSON for text in those formats (the names describe the column; SQLite stores the text).
 * Timestamps are fixed-width ISO 8601 text with microseconds ({@code 2024-01-31T23:59:59.123456Z},
 * normalized to UTC for the with-time-zone type) so that they sort chronologically. Connections run
 * in WAL mode with {@code synchronous=NORMAL}: readers see the last committed state while a sync
 * writes, and a commit survives a process crash (an OS crash or power loss may lose the last
 * transactions).
 */
public final class SqliteDialect implements SqlDialect {
  private static final Set<String> RESERVED = Set.of("rowid", "oid", "_rowid_");

  @Override
  public String collisionKey(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public Set<String> reservedColumnNames() {
    return RESERVED; // aliases of the rowid, which dedup relies on
  }

  @Override
  public String schemaFor(DestinationStream stream) {
    return null;
  }

  @Override
  public String rawTableName(DestinationStream stream) {
    String ns = stream.namespace();
    return ns == null || ns.isEmpty() ? stream.name() : ns + "_" + stream.name();
  }

  @Override
  public String sqlType(ColumnType type) {
    // Strings are TEXT (TEXT affinity: "007" stays a string). The other names only describe the
    // column: they have NUMERIC affinity, which leaves our text forms of dates, times and JSON
    // objects/arrays as they are, and keeps integers exact.
    return switch (type) {
      case INTEGER -> "INTEGER";
      case NUMBER -> "NUMERIC";
      case BOOLEAN -> "BOOLEAN";
      case STRING -> "TEXT";
      case DATE -> "DATE";
      case TIME_WITH_TIMEZONE -> "TIMETZ";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case JSON -> "JSON";
    };
  }

  /** Timestamps are stored as {@link TypedValues#utcText}/{@link TypedValues#localText}. */
  @Override
  public boolean bindsTimestampText() {
    return true;
  }

  @Override
  public Map<String, String> existingColumns(Connection connection, TableName table)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + qualified(table) + ")")) {
      while (rs.next()) {
        columns.put(collisionKey(rs.getString("name")), rs.getString("type"));
      }
    }
    return columns.isEmpty() ? null : columns;
  }

  @Override
  public void bind(PreparedStatement ps, int index, ColumnType type, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
      return;
    }
    switch (type) {
      case INTEGER -> ps.setLong(index, (Long) value);
      case NUMBER -> {
        BigDecimal d = (BigDecimal) value;
        double dv = d.doubleValue();
        // integers stay exact (NUMERIC affinity keeps them INTEGER); a fraction means a double
        if (dv == Math.rint(dv) && isExactLong(d)) {
          ps.setLong(index, d.longValue());
        } else {
          ps.setDouble(index, dv);
        }
      }
      case BOOLEAN -> ps.setInt(index, ((Boolean) value) ? 1 : 0);
      case DATE -> ps.setString(index, ((LocalDate) value).toString());
      case TIMESTAMP_WITH_TIMEZONE ->
          ps.setString(
              index,
              value instanceof String text ? text : TypedValues.utcText((OffsetDateTime) value));
      case TIMESTAMP_WITHOUT_TIMEZONE ->
          ps.setString(
              index,
              value instanceof String text ? text : TypedValues.localText((LocalDateTime) value));
      case TIME_WITH_TIMEZONE -> ps.setString(index, TypedValues.timeText((OffsetTime) value));
      case TIME_WITHOUT_TIMEZONE -> ps.setString(index, TypedValues.timeText((LocalTime) value));
      default -> ps.setString(index, (String) value);
    }
  }

  /** True when {@code d} is an integer that fits a long (bound exactly instead of as a double). */
  static boolean isExactLong(BigDecimal d) {
    if (d.scale() > 0) {
      if (d.signum() == 0) {
        return true;
      }
      d = d.stripTrailingZeros();
      if (d.scale() > 0) {
        return false;
      }
    }
    return d.precision() - d.scale() <= 18;
  }

  @Override
  public String dedup(TableName table, List<String> keys, String cursor) {
    StringJoiner order = new StringJoiner(", ");
    if (cursor != null) {
      order.add(cursor + " DESC NULLS LAST");
    }
    order.add(quote(Column.EXTRACTED_AT) + " DESC NULLS LAST");
    order.add("rowid DESC");
    String t = qualified(table);
    return "DELETE FROM "
        + t
        + " WHERE rowid IN (SELECT c8kit_rid FROM (SELECT rowid AS c8kit_rid, "
        + "ROW_NUMBER() OVER (PARTITION BY "
        + String.join(", ", keys)
        + " ORDER BY "
        + order
        + ") AS c8kit_rn FROM "
        + t
        + ") WHERE c8kit_rn > 1)";
  }

  @Override
  public String jsonPath(String quotedColumn, List<String> path) {
    StringBuilder p = new StringBuilder("$");
    for (String key : path) {
      p.append(".\"").append(key.replace("\"", "\\\"")).append('"');
    }
    return "json_extract(" + quotedColumn + ", '" + p.toString().replace("'", "''") + "')";
  }

  /**
   * 1: SQLite lets one connection write a database file at a time, so a second stream's transaction
   * would only wait for the first one's lock.
   */
  @Override
  public int maxConcurrentStreams() {
    return 1;
  }

  @Override
  public void configure(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=60000");
      s.execute("PRAGMA temp_store=MEMORY");
      s.execute("PRAGMA cache_size=-32768");
    }
  }
}
