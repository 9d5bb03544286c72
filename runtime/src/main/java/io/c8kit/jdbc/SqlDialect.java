package io.c8kit.jdbc;

import io.c8kit.destination.DestinationStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Everything database-specific that {@link JdbcSyncWriter} needs: identifiers, types, the SQL text
 * of each step, and value binding. The defaults are ANSI SQL that both SQLite and PostgreSQL
 * accept; a dialect overrides what differs. Implementations must be stateless (or immutable) and
 * use only {@code java.sql}: the runtime has no driver dependency.
 */
public interface SqlDialect {

  // ------------------------------------------------------------------ identifiers

  /** Quotes a sanitized identifier: {@code "name"}, embedded quotes doubled. */
  default String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * Turns any UTF-8 name into this database's identifier form (see {@link Identifiers#sanitize}).
   */
  default String sanitizeIdentifier(String raw) {
    return Identifiers.sanitize(raw, false, maxIdentifierBytes());
  }

  /**
   * The key under which two identifiers would name the same object: lower case where the database
   * compares identifiers case-insensitively, the identifier itself otherwise.
   */
  default String collisionKey(String identifier) {
    return identifier;
  }

  /** Longest identifier in UTF-8 bytes; 0 for no limit. */
  default int maxIdentifierBytes() {
    return 0;
  }

  /**
   * Column names the database reserves (system columns); data columns that sanitize to one get a
   * suffix.
   */
  default Set<String> reservedColumnNames() {
    return Set.of();
  }

  /** The sanitized schema for a stream, or {@code null} where the dialect has no schemas. */
  String schemaFor(DestinationStream stream);

  /**
   * The raw (unsanitized) table name for a stream; the planner sanitizes it and resolves
   * collisions.
   */
  default String rawTableName(DestinationStream stream) {
    return stream.name();
  }

  /** Appended to a table's name to name its staging table (overwrite and truncating refreshes). */
  default String stagingSuffix() {
    return "_c8kit_tmp";
  }

  /** {@code "schema"."table"} or {@code "table"}. */
  default String qualified(TableName table) {
    return table.schema() == null
        ? quote(table.name())
        : quote(table.schema()) + "." + quote(table.name());
  }

  // ------------------------------------------------------------------ types and DDL

  /** The SQL type of a column of {@code type}. */
  String sqlType(ColumnType type);

  /** Statements that make sure {@code schema} exists (none where there are no schemas). */
  default List<String> createSchema(String schema) {
    return List.of();
  }

  default String createTable(TableName table, List<Column> columns) {
    StringJoiner cols =
        new StringJoiner(", ", "CREATE TABLE IF NOT EXISTS " + qualified(table) + " (", ")");
    for (Column c : columns) {
      cols.add(quote(c.name()) + " " + sqlType(c.type()));
    }
    return cols.toString();
  }

  default String dropTable(TableName table) {
    return "DROP TABLE IF EXISTS " + qualified(table);
  }

  default String addColumn(TableName table, Column column) {
    return "ALTER TABLE "
        + qualified(table)
        + " ADD COLUMN "
        + quote(column.name())
        + " "
        + sqlType(column.type());
  }

  /** Renames a table within its schema. */
  default String renameTable(TableName from, TableName to) {
    return "ALTER TABLE " + qualified(from) + " RENAME TO " + quote(to.name());
  }

  /**
   * Replaces {@code target} with {@code staging}; the writer runs these in one transaction, so
   * readers see either the old table or the new one.
   */
  default List<String> swapTable(TableName staging, TableName target) {
    return List.of(dropTable(target), renameTable(staging, target));
  }

  /**
   * The existing table's columns (collision key → declared type), or {@code null} when the table
   * does not exist.
   */
  Map<String, String> existingColumns(Connection connection, TableName table) throws SQLException;

  // ------------------------------------------------------------------ DML

  /**
   * The parameter marker for a value of {@code type}, e.g. {@code ?} or {@code CAST(? AS JSONB)}.
   */
  default String placeholder(ColumnType type) {
    return "?";
  }

  /**
   * Rows per INSERT statement for a table of {@code columnCount} columns: 1 means one-row prepared
   * statements sent in JDBC batches; more means multi-row {@code VALUES} lists.
   */
  default int rowsPerInsert(int columnCount) {
    return 1;
  }

  /** {@code INSERT INTO t (c1, …) VALUES (?, …), …} for {@code rows} rows. */
  default String insert(TableName table, List<Column> columns, int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualified(table)).append(" (");
    StringJoiner names = new StringJoiner(", ");
    StringJoiner params = new StringJoiner(", ", "(", ")");
    for (Column c : columns) {
      names.add(quote(c.name()));
      params.add(placeholder(c.type()));
    }
    sql.append(names).append(") VALUES ");
    String row = params.toString();
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(row);
    }
    return sql.toString();
  }

  /**
   * True when this dialect stores timestamps as the fixed-width text of {@link TypedValues#utcText}
   * and {@link TypedValues#localText}: the writer then hands {@link #bind} (and the {@link
   * RowLoader}) {@code TIMESTAMP_WITH_TIMEZONE} and {@code TIMESTAMP_WITHOUT_TIMEZONE} values, the
   * metadata timestamps included, as that text (a {@code String}), made straight from the record's
   * text for the common RFC 3339 shapes instead of through an {@code OffsetDateTime}. False (the
   * default): they come as the {@code java.time} values listed in {@link ColumnType}.
   */
  default boolean bindsTimestampText() {
    return false;
  }

  /**
   * Binds a value (the Java type listed in {@link ColumnType}, or the timestamp text described at
   * {@link #bindsTimestampText}, or {@code null}) to a parameter.
   */
  void bind(PreparedStatement statement, int index, ColumnType type, Object value)
      throws SQLException;

  /**
   * Deletes rows of generations below the one bound as the single parameter (rows without one too).
   */
  default String deleteOlderGenerations(TableName table) {
    String g = quote(Column.GENERATION_ID);
    return "DELETE FROM " + qualified(table) + " WHERE " + g + " IS NULL OR " + g + " < ?";
  }

  /**
   * A query returning a row when the table holds rows of another generation than the one bound as
   * the single parameter (decides whether a leftover staging table can be resumed).
   */
  default String otherGenerationProbe(TableName table) {
    String g = quote(Column.GENERATION_ID);
    return "SELECT 1 FROM "
        + qualified(table)
        + " WHERE "
        + g
        + " IS NULL OR "
        + g
        + " <> ? LIMIT 1";
  }

  /**
   * Deletes all but the latest row per key: latest by {@code cursor} (if not null; NULL cursors
   * last), then by {@code _airbyte_extracted_at}, then by insertion order.
   *
   * @param keys SQL expressions of the primary key (quoted columns or {@link #jsonPath}
   *     expressions)
   * @param cursor SQL expression of the cursor, or {@code null}
   */
  String dedup(TableName table, List<String> keys, String cursor);

  /** An expression extracting {@code path} (as text) from the JSON column {@code quotedColumn}. */
  String jsonPath(String quotedColumn, List<String> path);

  // ------------------------------------------------------------------ connection

  /**
   * How many streams the writer may load at once, each over a connection of its own (the writer's
   * {@link JdbcSyncWriter#concurrency()}; the operator can lower it with {@code
   * C8KIT_WRITE_CONCURRENCY}). 1, the default, means one connection and one call at a time, right
   * for a database that takes one writer at a time.
   */
  default int maxConcurrentStreams() {
    return 1;
  }

  /** Prepares a new connection (pragmas, session settings); called in auto-commit mode. */
  default void configure(Connection connection) throws SQLException {}

  /**
   * A bulk loader that replaces prepared INSERTs (e.g. PostgreSQL {@code COPY}), or {@code null} to
   * use INSERTs.
   */
  default RowLoader rowLoader() {
    return null;
  }
}
