package io.c8kit.jdbc;

import io.c8kit.destination.DestinationStream;
import java.util.List;
import java.util.Objects;

/**
 * The table plan of one stream, made by {@link TablePlanner}.
 *
 * @param stream the stream
 * @param table the final table
 * @param staging the staging table an overwrite (or truncating refresh) writes into until the
 *     stream completes
 * @param columns all columns in insert order: the five Airbyte metadata columns, then the data
 *     columns in JSON schema order (or {@link Column#RAW_DATA} when the schema has no properties)
 * @param dedupKeys SQL expressions of the primary key, for {@code append_dedup}; empty otherwise
 * @param cursor SQL expression of the cursor that orders duplicates, or {@code null}
 */
public record StreamTable(
    DestinationStream stream,
    TableName table,
    TableName staging,
    List<Column> columns,
    List<String> dedupKeys,
    String cursor) {

  /** Number of metadata columns at the start of {@link #columns()}. */
  public static final int METADATA_COLUMNS = 5;

  public StreamTable {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(staging, "staging");
    columns = List.copyOf(columns);
    dedupKeys = List.copyOf(dedupKeys);
  }

  /** The columns after the metadata columns. */
  public List<Column> dataColumns() {
    return columns.subList(METADATA_COLUMNS, columns.size());
  }

  /** The column holding a top-level property, or {@code null}. */
  public Column columnFor(String property) {
    for (Column c : dataColumns()) {
      if (property.equals(c.property())) {
        return c;
      }
    }
    return null;
  }
}
