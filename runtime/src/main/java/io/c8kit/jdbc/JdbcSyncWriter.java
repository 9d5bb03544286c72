package io.c8kit.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.write.RawRecordBatch;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The shared SQL destination: one typed table per stream over one JDBC connection, in a
 * {@link SqlDialect}.
 *
 * <ul>
 *   <li>Tables and columns are planned by {@link TablePlanner} (sanitized, collision-free names; JSON
 *       schema types; the Airbyte metadata columns {@code _airbyte_raw_id}, {@code _airbyte_extracted_at},
 *       {@code _airbyte_loaded_at}, {@code _airbyte_meta}, {@code _airbyte_generation_id}).
 *   <li>{@link #write} inserts one batch and commits: one transaction per call. A value that does not
 *       cast to its column's type is stored as NULL with a {@code DESTINATION_TYPECAST_ERROR} entry in
 *       {@code _airbyte_meta.changes}; fields that are not in the schema are ignored.
 *   <li>{@code append} inserts into the table (created if missing; missing columns are added).
 *   <li>{@code overwrite}, and any truncating refresh ({@code minimum_generation_id == generation_id >
 *       0}), writes into the staging table {@code <table>_c8kit_tmp}; the old table stays readable until
 *       {@link #complete}, which drops it and renames the staging table in one transaction. A staging
 *       table left by an earlier failed attempt of the same generation is resumed; otherwise it is
 *       recreated.
 *   <li>{@code append_dedup} inserts; {@link #complete} then keeps only the latest row per primary key
 *       (by cursor, then {@code _airbyte_extracted_at}, then insertion order).
 *   <li>{@code minimum_generation_id > 0}: {@link #complete} deletes rows of older generations.
 * </ul>
 */
public class JdbcSyncWriter implements SyncWriter {
  private static final Logger LOG = Logger.getLogger(JdbcSyncWriter.class.getName());
  private static final int JDBC_BATCH = 1_000;
  private static final JsonFactory JSON = Protocol.mapper().getFactory();
  /** Keeps decimals as written, like the engine's own trees. */
  private static final ObjectReader TREES =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final ConnectionFactory connections;
  private final SqlDialect dialect;
  private final Map<Key, Target> targets = new HashMap<>();
  private final RawIds rawIds = new RawIds();
  private Connection connection;

  /**
   * Plans the tables of every stream of {@code context}; connects at the first stream opened.
   *
   * @throws io.c8kit.ConfigException when an {@code append_dedup} stream's primary key is not in its
   *     schema
   */
  public JdbcSyncWriter(ConnectionFactory connections, SqlDialect dialect, WriteContext context) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    for (StreamTable t : TablePlanner.plan(context.streams(), dialect)) {
      targets.put(Key.of(t.stream()), new Target(t));
    }
  }

  /** The table plan of a stream of the context. */
  public StreamTable table(DestinationStream stream) {
    return target(stream).plan;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** The writer's connection (opened and configured on first use). */
  protected Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = connections.open();
      try {
        c.setAutoCommit(true);
        dialect.configure(c);
        c.setAutoCommit(false);
      } catch (SQLException | RuntimeException e) {
        try {
          c.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      connection = c;
    }
    return connection;
  }

  // ------------------------------------------------------------------ SyncWriter

  @Override
  public void open(DestinationStream stream) throws Exception {
    Target t = target(stream);
    if (t.opened) {
      return;
    }
    Connection c = connection();
    inTransaction(c, () -> {
      StreamTable plan = t.plan;
      for (String sql : dialect.createSchema(plan.table().schema())) {
        execute(c, sql);
      }
      if (stream.truncates()) {
        prepareStaging(c, t);
        t.writeTo = plan.staging();
      } else {
        ensureTable(c, plan.table(), plan.columns());
        t.writeTo = plan.table();
      }
    });
    t.opened = true;
  }

  @Override
  public void write(DestinationStream stream, List<DestinationRecord> batch) throws Exception {
    if (batch.isEmpty()) {
      return;
    }
    Target t = target(stream);
    open(stream);
    Connection c = connection();
    OffsetDateTime loadedAt = OffsetDateTime.now(ZoneOffset.UTC);
    inTransaction(c, () -> {
      RowLoader loader = dialect.rowLoader();
      RawRecordBatch raw = t.streaming && batch instanceof RawRecordBatch r ? r : null;
      if (loader != null) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          rows.add(row(t, batch, raw, i, loadedAt, new Object[t.width]));
        }
        loader.load(c, t.writeTo, t.plan.columns(), rows);
      } else {
        insert(c, t, batch, raw, loadedAt);
      }
    });
  }

  @Override
  public void complete(DestinationStream stream) throws Exception {
    Target t = target(stream);
    open(stream);
    t.closeStatements();
    Connection c = connection();
    StreamTable plan = t.plan;
    inTransaction(c, () -> {
      if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP && !plan.dedupKeys().isEmpty()) {
        try (Statement s = c.createStatement()) {
          int removed = s.executeUpdate(dialect.dedup(t.writeTo, plan.dedupKeys(), plan.cursor()));
          LOG.info(() -> "deduplicated " + t.writeTo + ": " + removed + " older rows removed");
        }
      }
      if (stream.truncates()) {
        for (String sql : dialect.swapTable(plan.staging(), plan.table())) {
          execute(c, sql);
        }
        LOG.info(() -> "replaced " + plan.table() + " with this sync's data");
      } else if (stream.minimumGenerationId() > 0) {
        try (PreparedStatement ps = c.prepareStatement(dialect.deleteOlderGenerations(plan.table()))) {
          ps.setLong(1, stream.minimumGenerationId());
          int removed = ps.executeUpdate();
          LOG.info(() -> "removed " + removed + " rows of generations below "
              + stream.minimumGenerationId() + " from " + plan.table());
        }
      }
    });
    t.writeTo = plan.table();
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    for (Target t : targets.values()) {
      try {
        t.closeStatements();
      } catch (SQLException e) {
        failure = add(failure, e);
      }
    }
    if (connection != null) {
      try {
        connection.rollback(); // nothing uncommitted should remain; never leave a half batch
      } catch (SQLException e) {
        failure = add(failure, e);
      }
      try {
        connection.close();
      } catch (SQLException e) {
        failure = add(failure, e);
      }
      connection = null;
    }
    if (failure != null) {
      throw failure;
    }
  }

  // ------------------------------------------------------------------ tables

  private void prepareStaging(Connection c, Target t) throws SQLException {
    StreamTable plan = t.plan;
    DestinationStream stream = plan.stream();
    Map<String, String> existing = dialect.existingColumns(c, plan.staging());
    if (existing != null) {
      boolean resume = stream.generationId() > 0
          && existing.containsKey(dialect.collisionKey(Column.GENERATION_ID))
          && !hasOtherGenerations(c, plan.staging(), stream.generationId());
      if (resume) {
        LOG.info(() -> "resuming staging table " + plan.staging() + " of generation " + stream.generationId());
        addMissingColumns(c, plan.staging(), plan.columns(), existing);
        return;
      }
      execute(c, dialect.dropTable(plan.staging()));
    }
    execute(c, dialect.createTable(plan.staging(), plan.columns()));
  }

  private boolean hasOtherGenerations(Connection c, TableName table, long generation) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.otherGenerationProbe(table))) {
      ps.setLong(1, generation);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void ensureTable(Connection c, TableName table, List<Column> columns) throws SQLException {
    Map<String, String> existing = dialect.existingColumns(c, table);
    if (existing == null) {
      execute(c, dialect.createTable(table, columns));
      LOG.info(() -> "created table " + table);
    } else {
      addMissingColumns(c, table, columns, existing);
    }
  }

  private void addMissingColumns(Connection c, TableName table, List<Column> columns, Map<String, String> existing)
      throws SQLException {
    for (Column col : columns) {
      if (!existing.containsKey(dialect.collisionKey(col.name()))) {
        execute(c, dialect.addColumn(table, col));
        LOG.info(() -> "added column " + col.name() + " to " + table);
      }
    }
  }

  // ------------------------------------------------------------------ rows

  private void insert(Connection c, Target t, List<DestinationRecord> batch, RawRecordBatch raw,
      OffsetDateTime loadedAt) throws SQLException {
    List<Column> columns = t.plan.columns();
    int width = t.width;
    int size = batch.size();
    int i = 0;
    int multi = dialect.rowsPerInsert(width);
    if (multi > 1 && size >= multi) {
      if (t.multi == null) {
        t.multi = c.prepareStatement(dialect.insert(t.writeTo, columns, multi));
      }
      Object[] row = t.row;
      for (; size - i >= multi; i += multi) {
        for (int r = 0; r < multi; r++) {
          row(t, batch, raw, i + r, loadedAt, row);
          bindRow(t.multi, r * width, columns, row);
        }
        t.multi.executeUpdate();
      }
    }
    if (i < size) {
      if (t.single == null) {
        t.single = c.prepareStatement(dialect.insert(t.writeTo, columns, 1));
      }
      Object[] row = t.row;
      int pending = 0;
      for (; i < size; i++) {
        row(t, batch, raw, i, loadedAt, row);
        bindRow(t.single, 0, columns, row);
        t.single.addBatch();
        if (++pending == JDBC_BATCH) {
          t.single.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        t.single.executeBatch();
      }
    }
  }

  private void bindRow(PreparedStatement ps, int offset, List<Column> columns, Object[] row) throws SQLException {
    for (int k = 0; k < row.length; k++) {
      dialect.bind(ps, offset + k + 1, columns.get(k).type(), row[k]);
    }
  }

  /** Fills {@code out} with the column values of record {@code i}, from its bytes when available. */
  private Object[] row(Target t, List<DestinationRecord> batch, RawRecordBatch raw, int i, OffsetDateTime loadedAt,
      Object[] out) throws SQLException {
    if (raw != null) {
      return rowFromBytes(t, raw.dataBytes(i), raw.emittedAt(i), raw.meta(i), loadedAt, out);
    }
    return row(t, batch.get(i), loadedAt, out);
  }

  private void metadata(Target t, long emittedAt, OffsetDateTime loadedAt, Object[] out) {
    out[0] = rawIds.next();
    if (emittedAt != t.lastEmittedAt || t.lastExtractedAt == null) {
      t.lastEmittedAt = emittedAt;
      t.lastExtractedAt = OffsetDateTime.ofInstant(Instant.ofEpochMilli(emittedAt), ZoneOffset.UTC);
    }
    out[1] = t.lastExtractedAt;
    out[2] = loadedAt;
    out[4] = t.generationId;
  }

  /** Fills {@code out} with the column values of {@code r}, walking its data tree. */
  private Object[] row(Target t, DestinationRecord r, OffsetDateTime loadedAt, Object[] out) {
    metadata(t, r.emittedAt(), loadedAt, out);
    ObjectNode data = r.data();
    ArrayNode changes = null;
    Column[] columns = t.columns;
    for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
      Column col = columns[k];
      if (col.property() == null) {
        out[k] = data.toString(); // Column.RAW_DATA
        continue;
      }
      JsonNode node = data.get(col.property());
      Object v = node == null || node.isNull() ? null : TypedValues.convert(node, col.type());
      if (v == TypedValues.INVALID) {
        v = null;
        changes = typecastError(changes, col);
      }
      out[k] = v;
    }
    out[3] = meta(t, r.meta(), changes);
    return out;
  }

  /**
   * Fills {@code out} from the record's JSON bytes with one streaming pass: fields without a column
   * are skipped unparsed, scalars go straight to their column type. Same values and changes as the
   * tree walk.
   */
  private Object[] rowFromBytes(Target t, byte[] data, long emittedAt, ObjectNode recordMeta,
      OffsetDateTime loadedAt, Object[] out) throws SQLException {
    metadata(t, emittedAt, loadedAt, out);
    Column[] columns = t.columns;
    boolean[] failed = t.failed;
    for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
      out[k] = null;
      failed[k] = false;
    }
    boolean anyFailed = false;
    try (JsonParser p = JSON.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SQLException("record data is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        Integer index = t.columnIndex.get(p.currentName());
        JsonToken token = p.nextToken();
        if (index == null) {
          p.skipChildren();
          continue;
        }
        int k = index;
        Object v = value(p, token, columns[k].type());
        failed[k] = v == TypedValues.INVALID;
        anyFailed |= failed[k];
        out[k] = failed[k] ? null : v;
      }
    } catch (java.io.IOException e) {
      throw new SQLException("cannot read buffered record data", e);
    }
    ArrayNode changes = null;
    if (anyFailed) {
      for (int k = StreamTable.METADATA_COLUMNS; k < out.length; k++) {
        if (failed[k]) {
          changes = typecastError(changes, columns[k]);
        }
      }
    }
    out[3] = meta(t, recordMeta, changes);
    return out;
  }

  /** The typed value of the current token, as {@link TypedValues#convert} would give for its tree. */
  private static Object value(JsonParser p, JsonToken token, ColumnType type) throws java.io.IOException {
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return type == ColumnType.STRING ? p.getText() : TypedValues.convert(TextNode.valueOf(p.getText()), type);
      case VALUE_NUMBER_INT: {
        JsonParser.NumberType nt = p.getNumberType();
        if (nt == JsonParser.NumberType.BIG_INTEGER) {
          return TypedValues.convert(BigIntegerNode.valueOf(p.getBigIntegerValue()), type);
        }
        long l = p.getLongValue();
        return switch (type) {
          case INTEGER -> l;
          case NUMBER -> BigDecimal.valueOf(l);
          default -> TypedValues.convert(LongNode.valueOf(l), type);
        };
      }
      case VALUE_NUMBER_FLOAT:
        return TypedValues.convert(DecimalNode.valueOf(p.getDecimalValue()), type);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return type == ColumnType.BOOLEAN ? token == JsonToken.VALUE_TRUE
            : TypedValues.convert(BooleanNode.valueOf(token == JsonToken.VALUE_TRUE), type);
      default:
        return TypedValues.convert(TREES.readTree(p), type); // object or array
    }
  }

  private static ArrayNode typecastError(ArrayNode changes, Column col) {
    if (changes == null) {
      changes = JsonNodeFactory.instance.arrayNode();
    }
    changes.addObject()
        .put("field", col.property())
        .put("change", "NULLED")
        .put("reason", "DESTINATION_TYPECAST_ERROR");
    return changes;
  }

  private static String meta(Target t, ObjectNode recordMeta, ArrayNode changes) {
    JsonNode sourceChanges = recordMeta == null ? null : recordMeta.get("changes");
    boolean hasSource = sourceChanges != null && sourceChanges.isArray() && !sourceChanges.isEmpty();
    if (changes == null && !hasSource) {
      return t.emptyMeta;
    }
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("sync_id", t.plan.stream().syncId());
    ArrayNode all = meta.putArray("changes");
    if (hasSource) {
      all.addAll((ArrayNode) sourceChanges);
    }
    if (changes != null) {
      all.addAll(changes);
    }
    return meta.toString();
  }

  // ------------------------------------------------------------------ helpers

  private Target target(DestinationStream stream) {
    Target t = targets.get(Key.of(stream));
    if (t == null) {
      throw new IllegalArgumentException("stream \"" + stream.displayName() + "\" is not in the catalog");
    }
    return t;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " [SQL: " + sql + "]", e.getSQLState(), e.getErrorCode(), e);
    }
  }

  private interface SqlWork {
    void run() throws Exception;
  }

  private static void inTransaction(Connection c, SqlWork work) throws Exception {
    try {
      work.run();
      c.commit();
    } catch (Exception | Error e) {
      try {
        c.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  private static Exception add(Exception first, Exception next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private record Key(String namespace, String name) {
    static Key of(DestinationStream s) {
      return new Key(s.namespace() == null ? "" : s.namespace(), s.name());
    }

    // Hand-written: a record's generated equals/hashCode bootstrap method handles on first use,
    // which costs every connector start-up (benchmarks/FINDINGS.md, finding 7).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(k.namespace, namespace) && Objects.equals(k.name, name);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(namespace) + Objects.hashCode(name);
    }
  }

  /** A stream's table plan and its run state. */
  private static final class Target {
    final StreamTable plan;
    final int width;
    final Object[] row;
    final Column[] columns;
    final Map<String, Integer> columnIndex = new HashMap<>();
    final boolean[] failed;
    /** Rows can be filled from the record bytes (every data column is a top-level property). */
    final boolean streaming;
    final Long generationId;
    final String emptyMeta;
    boolean opened;
    TableName writeTo;
    PreparedStatement single;
    PreparedStatement multi;
    long lastEmittedAt;
    OffsetDateTime lastExtractedAt;

    Target(StreamTable plan) {
      this.plan = plan;
      this.width = plan.columns().size();
      this.row = new Object[width];
      this.columns = plan.columns().toArray(new Column[0]);
      this.failed = new boolean[width];
      boolean props = true;
      for (int k = StreamTable.METADATA_COLUMNS; k < width; k++) {
        if (columns[k].property() == null) {
          props = false;
        } else {
          columnIndex.put(columns[k].property(), k);
        }
      }
      this.streaming = props;
      this.generationId = plan.stream().generationId();
      this.emptyMeta = "{\"sync_id\":" + plan.stream().syncId() + ",\"changes\":[]}";
      this.writeTo = plan.table();
    }

    void closeStatements() throws SQLException {
      SQLException failure = null;
      for (PreparedStatement ps : new PreparedStatement[] {single, multi}) {
        if (ps != null) {
          try {
            ps.close();
          } catch (SQLException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
      }
      single = null;
      multi = null;
      if (failure != null) {
        throw failure;
      }
    }
  }
}
