package io.c8kit.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Plans one typed table per stream: a collision-free table name per schema (and its staging name),
 * the metadata columns, one column per top-level JSON schema property with a collision-free
 * sanitized name, and the SQL expressions of the primary key and cursor. Deterministic for a given
 * catalog.
 */
public final class TablePlanner {
  private TablePlanner() {}

  /** The metadata columns every table starts with, in this order. */
  public static List<Column> metadataColumns() {
    return List.of(
        new Column(Column.RAW_ID, ColumnType.STRING, null),
        new Column(Column.EXTRACTED_AT, ColumnType.TIMESTAMP_WITH_TIMEZONE, null),
        new Column(Column.LOADED_AT, ColumnType.TIMESTAMP_WITH_TIMEZONE, null),
        new Column(Column.META, ColumnType.JSON, null),
        new Column(Column.GENERATION_ID, ColumnType.INTEGER, null));
  }

  /**
   * Plans the tables of {@code streams} (catalog order decides which of two colliding names is
   * plain).
   */
  public static List<StreamTable> plan(List<DestinationStream> streams, SqlDialect dialect) {
    Map<String, Identifiers.Allocator> tablesBySchema = new HashMap<>();
    List<StreamTable> out = new ArrayList<>(streams.size());
    for (DestinationStream stream : streams) {
      String schema = dialect.schemaFor(stream);
      Identifiers.Allocator tables =
          tablesBySchema.computeIfAbsent(
              schema == null ? "" : dialect.collisionKey(schema),
              k -> new Identifiers.Allocator(dialect));
      String suffix = dialect.stagingSuffix();
      String name = tables.allocate(dialect.rawTableName(stream), suffix);
      out.add(
          planColumns(
              stream, new TableName(schema, name), new TableName(schema, name + suffix), dialect));
    }
    return out;
  }

  private static StreamTable planColumns(
      DestinationStream stream, TableName table, TableName staging, SqlDialect dialect) {
    Identifiers.Allocator names = new Identifiers.Allocator(dialect);
    dialect.reservedColumnNames().forEach(names::reserve);
    List<Column> columns = new ArrayList<>(metadataColumns());
    columns.forEach(c -> names.reserve(c.name()));
    JsonNode properties = stream.jsonSchema().get("properties");
    boolean raw = properties == null || !properties.isObject() || properties.isEmpty();
    if (raw) {
      names.reserve(Column.RAW_DATA);
      columns.add(new Column(Column.RAW_DATA, ColumnType.JSON, null));
    } else {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        columns.add(
            new Column(names.allocate(e.getKey()), JsonSchemaTypes.of(e.getValue()), e.getKey()));
      }
    }
    List<String> keys = new ArrayList<>();
    String cursor = null;
    StreamTable draft = new StreamTable(stream, table, staging, columns, List.of(), null);
    if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
      for (List<String> path : stream.primaryKey()) {
        String expr = expression(draft, raw, path, dialect);
        if (expr == null) {
          throw new ConfigException(
              "stream \""
                  + stream.displayName()
                  + "\": primary key "
                  + String.join(".", path)
                  + " is not a property of its json_schema");
        }
        keys.add(expr);
      }
      if (!stream.cursorField().isEmpty()) {
        cursor = expression(draft, raw, stream.cursorField(), dialect);
      }
    }
    return new StreamTable(stream, table, staging, columns, keys, cursor);
  }

  private static String expression(
      StreamTable draft, boolean raw, List<String> path, SqlDialect dialect) {
    if (path.isEmpty()) {
      return null;
    }
    if (raw) {
      return dialect.jsonPath(dialect.quote(Column.RAW_DATA), path);
    }
    Column c = draft.columnFor(path.get(0));
    if (c == null) {
      return null;
    }
    if (path.size() == 1) {
      return dialect.quote(c.name());
    }
    return c.type() == ColumnType.JSON
        ? dialect.jsonPath(dialect.quote(c.name()), path.subList(1, path.size()))
        : null;
  }
}
