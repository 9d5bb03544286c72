package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.jdbc.postgres.PgJdbc;
import io.c8kit.protocol.SyncMode;
import io.c8kit.source.Emitter;
import io.c8kit.source.StreamContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads one configured stream with one streaming query: rows arrive {@code fetchSize} at a time
 * (autocommit off, forward-only cursor), so memory does not grow with the table.
 *
 * <ul>
 *   <li>incremental: {@code WHERE cursor >= :state ORDER BY cursor} (ties at the bound are re-read
 *       on purpose); without state every row, ordered by the cursor, NULL cursors first;
 *   <li>full refresh with a single-column orderable primary key: {@code WHERE pk > :page ORDER BY
 *       pk}, resumable from a mid-stream state;
 *   <li>other full refreshes: ordered by the (composite) primary key if any, else unordered.
 * </ul>
 */
final class PgStreamReader {
  private static final Logger LOG = Logger.getLogger(PgStreamReader.class.getName());

  /** Default rows per round trip. */
  static final int DEFAULT_FETCH_SIZE = 10_000;

  private final Connection connection;
  private final int fetchSize;

  PgStreamReader(Connection connection, int fetchSize) {
    this.connection = connection;
    this.fetchSize = fetchSize > 0 ? fetchSize : DEFAULT_FETCH_SIZE;
  }

  /**
   * The planned query: SQL, text parameters (cast in the SQL) and the selected columns in order.
   */
  record Query(String sql, List<String> parameters, List<PgColumn> columns) {}

  /**
   * Reads the stream, emitting one ObjectNode per row. A stream whose table is gone emits nothing.
   */
  void read(StreamContext context, Emitter<ObjectNode> emitter) throws Exception {
    String schema =
        context.namespace() == null || context.namespace().isEmpty()
            ? "public"
            : context.namespace();
    Optional<PgCatalog.PgTable> table;
    try {
      table = PgCatalog.table(connection, schema, context.streamName());
    } catch (SQLException e) {
      throw PgConnections.readFailure(
          e, "Could not read the columns of " + schema + "." + context.streamName());
    }
    if (table.isEmpty()) {
      LOG.warning(
          "Table or view "
              + schema
              + "."
              + context.streamName()
              + " does not exist (or may not be read): stream skipped");
      return;
    }
    Optional<Query> query = plan(table.get(), context);
    if (query.isEmpty()) {
      LOG.warning(
          "None of the configured columns of "
              + schema
              + "."
              + context.streamName()
              + " exists any more: stream skipped");
      return;
    }
    execute(query.get(), emitter, schema + "." + context.streamName());
  }

  /** Builds the query for a stream; empty when no configured column exists. */
  static Optional<Query> plan(PgCatalog.PgTable table, StreamContext context) {
    List<PgColumn> columns = selectedColumns(table, context.jsonSchema());
    List<String> parameters = new ArrayList<>();
    String where = "";
    String order = "";
    if (context.syncMode() == SyncMode.INCREMENTAL) {
      PgColumn cursor = cursorColumn(table, context.cursorField());
      if (columns.isEmpty()) {
        return Optional.empty();
      }
      include(columns, table, cursor);
      String collate = PgTypes.collation(cursor);
      Optional<JsonNode> bound = context.cursorValue().filter(v -> !v.isNull());
      if (bound.isPresent()) {
        where = " WHERE " + cursor.quoted() + collate + " >= ?::" + cursor.castType() + collate;
        parameters.add(PgTypes.bindText(bound.get()));
      }
      order = " ORDER BY " + cursor.quoted() + collate + " ASC NULLS FIRST";
    } else {
      if (columns.isEmpty()) {
        return Optional.empty();
      }
      Optional<PgColumn> pageKey = table.pageKey();
      if (pageKey.isPresent()) {
        PgColumn key = pageKey.get();
        include(columns, table, key);
        String collate = PgTypes.collation(key);
        Optional<JsonNode> after = context.pageAfter().filter(v -> !v.isNull());
        if (after.isPresent()) {
          where = " WHERE " + key.quoted() + collate + " > ?::" + key.castType() + collate;
          parameters.add(PgTypes.bindText(after.get()));
        }
        order = " ORDER BY " + key.quoted() + collate;
      } else if (!table.primaryKey().isEmpty()) {
        List<String> keys = new ArrayList<>();
        for (String k : table.primaryKey()) {
          keys.add(PgJdbc.quote(k));
        }
        order = " ORDER BY " + String.join(", ", keys);
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(PgTypes.selectExpression(columns.get(i)));
    }
    sql.append(" FROM ").append(table.qualifiedName()).append(where).append(order);
    return Optional.of(new Query(sql.toString(), List.copyOf(parameters), List.copyOf(columns)));
  }

  /** The table's columns named in the configured schema's properties (all when it lists none). */
  static List<PgColumn> selectedColumns(PgCatalog.PgTable table, ObjectNode jsonSchema) {
    JsonNode properties = jsonSchema == null ? null : jsonSchema.get("properties");
    List<PgColumn> selected = new ArrayList<>();
    for (PgColumn c : table.columns()) {
      if (properties == null
          || !properties.isObject()
          || properties.isEmpty()
          || properties.has(c.name())) {
        selected.add(c);
      }
    }
    return selected;
  }

  /** Adds {@code column} (the cursor or page key, which records must carry) in table order. */
  private static void include(List<PgColumn> selected, PgCatalog.PgTable table, PgColumn column) {
    if (selected.contains(column)) {
      return;
    }
    selected.add(column);
    List<PgColumn> order = table.columns();
    selected.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
  }

  private static PgColumn cursorColumn(PgCatalog.PgTable table, List<String> cursorField) {
    String stream = table.schema() + "." + table.name();
    if (cursorField == null || cursorField.isEmpty()) {
      throw new ConfigException(
          "Stream "
              + stream
              + " is configured as incremental but has no "
              + "cursor_field: choose a column (e.g. updated_at) as the cursor in the catalog");
    }
    if (cursorField.size() != 1) {
      throw new ConfigException(
          "Cursor field "
              + String.join(".", cursorField)
              + " of stream "
              + stream
              + " is a nested path; choose a top-level column");
    }
    String name = cursorField.get(0);
    PgColumn column =
        table
            .column(name)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "Cursor field "
                            + name
                            + " of stream "
                            + stream
                            + " is not a column of the table; choose one of "
                            + table.columns().stream().map(PgColumn::name).toList()));
    if (!PgTypes.orderable(column)) {
      throw new ConfigException(
          "Column "
              + name
              + " of stream "
              + stream
              + " has type "
              + column.castType()
              + ", which cannot be a cursor; choose an integer, numeric, "
              + "date, timestamp, timestamptz, time or text column");
    }
    return column;
  }

  private void execute(Query query, Emitter<ObjectNode> emitter, String what) throws Exception {
    boolean autoCommit = connection.getAutoCommit();
    PgTypes.CellReader[] readers = new PgTypes.CellReader[query.columns().size()];
    String[] names = new String[readers.length];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = PgTypes.reader(query.columns().get(i));
      names[i] = query.columns().get(i).name();
    }
    int capacity = (int) (readers.length / 0.75f) + 1;
    try {
      // pgjdbc streams with a server-side portal only outside autocommit, forward-only.
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (PreparedStatement ps =
          connection.prepareStatement(
              query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(fetchSize);
        for (int i = 0; i < query.parameters().size(); i++) {
          ps.setString(i + 1, query.parameters().get(i));
        }
        LOG.fine(() -> "Reading " + what + ": " + query.sql());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ObjectNode row = new ObjectNode(PgTypes.NODES, new LinkedHashMap<>(capacity));
            for (int i = 0; i < readers.length; i++) {
              row.set(names[i], readers[i].read(rs, i + 1));
            }
            emitter.emit(row);
          }
        }
      }
    } catch (SQLException e) {
      throw PgConnections.readFailure(e, "Reading " + what + " failed");
    } finally {
      try {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException ignored) {
        // the connection is closed by the caller anyway
      }
    }
  }
}
