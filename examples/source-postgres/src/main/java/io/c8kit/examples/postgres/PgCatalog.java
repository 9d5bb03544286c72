package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.jdbc.postgres.PgJdbc;
import io.c8kit.protocol.SyncMode;
import io.c8kit.source.DiscoveredStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads table and column metadata from {@code pg_catalog}: every table, partitioned table, view,
 * materialized view and foreign table the user may SELECT from, with columns, types and primary
 * keys.
 */
final class PgCatalog {
  private PgCatalog() {}

  /**
   * A table or view: schema, name, columns in table order and the primary-key columns in key order.
   */
  record PgTable(
      String schema, String name, char relkind, List<PgColumn> columns, List<String> primaryKey) {

    String qualifiedName() {
      return PgJdbc.quote(schema) + "." + PgJdbc.quote(name);
    }

    Optional<PgColumn> column(String columnName) {
      for (PgColumn c : columns) {
        if (c.name().equals(columnName)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    /**
     * The page key of a resumable full refresh: the primary key when it is one column whose SQL
     * order the runtime can reproduce; empty otherwise.
     */
    Optional<PgColumn> pageKey() {
      if (primaryKey.size() != 1) {
        return Optional.empty();
      }
      return column(primaryKey.get(0))
          .filter(PgTypes::orderable)
          .filter(c -> c.kind() != PgTypes.Kind.FLOAT4 && c.kind() != PgTypes.Kind.FLOAT8);
    }
  }

  // Domains resolve to their base type, array element types too; partitions are read through their
  // partitioned parent only (the parent returns their rows).
  private static final String COLUMNS_SQL =
      """
      SELECT n.nspname, c.relname, c.relkind, a.attname, a.attnotnull, a.attndims,
             format_type(a.atttypid, NULL) AS cast_type,
             rt.typname AS type_name, rt.typcategory AS category, et.typname AS elem_name,
             et.typcategory AS elem_category
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        JOIN pg_catalog.pg_type rt
          ON rt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
        LEFT JOIN pg_catalog.pg_type et0 ON et0.oid = rt.typelem AND rt.typcategory = 'A'
        LEFT JOIN pg_catalog.pg_type et
          ON et.oid = CASE WHEN et0.typtype = 'd' THEN et0.typbasetype ELSE et0.oid END
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND NOT c.relispartition
         AND n.nspname = ANY (?)
         AND (?::text IS NULL OR c.relname = ?::text)
         AND has_table_privilege(c.oid, 'SELECT')
       ORDER BY n.nspname, c.relname, a.attnum
      """;

  private static final String PRIMARY_KEYS_SQL =
      """
      SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
       WHERE con.contype = 'p'
         AND n.nspname = ANY (?)
         AND (?::text IS NULL OR c.relname = ?::text)
       ORDER BY n.nspname, c.relname, k.ord
      """;

  /** Every readable table and view of {@code schemas}, in schema then name order. */
  static List<PgTable> tables(Connection connection, List<String> schemas) throws SQLException {
    return load(connection, schemas, null);
  }

  /** One table or view, or empty when it does not exist (or may not be read). */
  static Optional<PgTable> table(Connection connection, String schema, String name)
      throws SQLException {
    List<PgTable> found = load(connection, List.of(schema), name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<PgTable> load(Connection connection, List<String> schemas, String onlyTable)
      throws SQLException {
    Map<List<String>, List<String>> keys = new LinkedHashMap<>();
    Array schemaArray = connection.createArrayOf("text", schemas.toArray());
    try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEYS_SQL)) {
      bind(ps, schemaArray, onlyTable);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
              .add(rs.getString(3));
        }
      }
    }
    Map<List<String>, PgTableBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS_SQL)) {
      bind(ps, schemaArray, onlyTable);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString(1);
          String table = rs.getString(2);
          String relkind = rs.getString("relkind");
          PgTableBuilder b =
              tables.computeIfAbsent(
                  List.of(schema, table),
                  k -> new PgTableBuilder(schema, table, relkind.charAt(0)));
          String category = rs.getString("category");
          PgTypes.Kind kind = PgTypes.kindOf(rs.getString("type_name"), category);
          PgTypes.Kind elementKind =
              kind == PgTypes.Kind.ARRAY
                  ? PgTypes.kindOf(rs.getString("elem_name"), rs.getString("elem_category"))
                  : null;
          int dims = kind == PgTypes.Kind.ARRAY ? Math.max(1, rs.getInt("attndims")) : 0;
          b.columns.add(
              new PgColumn(
                  rs.getString("attname"),
                  rs.getBoolean("attnotnull"),
                  rs.getString("cast_type"),
                  rs.getString("type_name"),
                  kind,
                  elementKind,
                  dims));
        }
      }
    }
    List<PgTable> result = new ArrayList<>(tables.size());
    for (Map.Entry<List<String>, PgTableBuilder> e : tables.entrySet()) {
      PgTableBuilder b = e.getValue();
      result.add(
          new PgTable(
              b.schema,
              b.name,
              b.relkind,
              List.copyOf(b.columns),
              List.copyOf(keys.getOrDefault(e.getKey(), List.of()))));
    }
    return result;
  }

  private static void bind(PreparedStatement ps, Array schemas, String onlyTable)
      throws SQLException {
    ps.setArray(1, schemas);
    ps.setString(2, onlyTable);
    ps.setString(3, onlyTable);
  }

  private static final class PgTableBuilder {
    final String schema;
    final String name;
    final char relkind;
    final List<PgColumn> columns = new ArrayList<>();

    PgTableBuilder(String schema, String name, char relkind) {
      this.schema = schema;
      this.name = name;
      this.relkind = relkind;
    }
  }

  /** The JSON schema of a table: {@code type: object} with one property per column. */
  static ObjectNode jsonSchema(PgTable table) {
    ObjectNode schema = PgTypes.NODES.objectNode();
    schema.put("type", "object");
    schema.put("additionalProperties", true);
    ObjectNode properties = schema.putObject("properties");
    for (PgColumn c : table.columns()) {
      properties.set(c.name(), PgTypes.schema(c));
    }
    return schema;
  }

  /**
   * The discovered stream of a table: name, namespace = schema, keys, modes, ordering, page key.
   */
  static DiscoveredStream stream(PgTable table) {
    DiscoveredStream.Builder b =
        DiscoveredStream.builder(table.name())
            .namespace(table.schema())
            .jsonSchema(jsonSchema(table))
            .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
            .sourceDefinedCursor(false)
            .ordered(true);
    for (String key : table.primaryKey()) {
      b.primaryKey(List.of(key));
    }
    table.pageKey().ifPresent(c -> b.pageKey(c.name()));
    return b.build();
  }

  /** Discovers every table and view of {@code schemas}. */
  static List<DiscoveredStream> discover(Connection connection, List<String> schemas)
      throws SQLException {
    List<DiscoveredStream> streams = new ArrayList<>();
    for (PgTable t : tables(connection, schemas)) {
      streams.add(stream(t));
    }
    return streams;
  }
}
