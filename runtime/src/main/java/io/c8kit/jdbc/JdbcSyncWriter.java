package io.c8kit.jdbc;

import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The shared SQL destination: one typed table per stream over one JDBC connection, in a {@link
 * SqlDialect}.
 *
 * <ul>
 *   <li>Tables and columns are planned by {@link TablePlanner} (sanitized, collision-free names;
 *       JSON schema types; the Airbyte metadata columns {@code _airbyte_raw_id}, {@code
 *       _airbyte_extracted_at}, {@code _airbyte_loaded_at}, {@code _airbyte_meta}, {@code
 *       _airbyte_generation_id}).
 *   <li>{@link #write} inserts one batch and commits: one transaction per call. A value that does
 *       not cast to its column's type is stored as NULL with a {@code DESTINATION_TYPECAST_ERROR}
 *       entry in {@code _airbyte_meta.changes}; fields that are not in the schema are ignored.
 *   <li>{@code append} inserts into the table (created if missing; missing columns are added).
 *   <li>{@code overwrite}, and any truncating refresh ({@code minimum_generation_id ==
 *       generation_id > 0}), writes into the staging table {@code <table>_c8kit_tmp}; the old table
 *       stays readable until {@link #complete}, which drops it and renames the staging table in one
 *       transaction. A staging table left by an earlier failed attempt of the same generation is
 *       resumed; otherwise it is recreated.
 *   <li>{@code append_dedup} inserts; {@link #complete} then keeps only the latest row per primary
 *       key (by cursor, then {@code _airbyte_extracted_at}, then insertion order).
 *   <li>{@code minimum_generation_id > 0}: {@link #complete} deletes rows of older generations.
 * </ul>
 *
 * <p>This class only orders the steps and their transactions: the tables' life per sync mode and
 * generation is {@code TableLifecycle}'s, the records' column values {@code RowEncoder}'s and the
 * inserts (or the dialect's {@link RowLoader}) {@code RowInserter}'s.
 */
public class JdbcSyncWriter implements SyncWriter {
  private final ConnectionFactory connections;
  private final SqlDialect dialect;
  private final TableLifecycle tables;
  private final Map<Key, Target> targets = new HashMap<>();
  private Connection connection;

  /**
   * Plans the tables of every stream of {@code context}; connects at the first stream opened.
   *
   * @throws io.c8kit.ConfigException when an {@code append_dedup} stream's primary key is not in
   *     its schema
   */
  public JdbcSyncWriter(ConnectionFactory connections, SqlDialect dialect, WriteContext context) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.tables = new TableLifecycle(dialect);
    RawIds rawIds = new RawIds();
    for (StreamTable t : TablePlanner.plan(context.streams(), dialect)) {
      targets.put(
          Key.of(t.stream()),
          new Target(
              t,
              new RowEncoder(t, rawIds, dialect.bindsTimestampText()),
              new RowInserter(dialect, t)));
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

  @Override
  public void open(DestinationStream stream) throws Exception {
    Target t = target(stream);
    if (t.opened) {
      return;
    }
    Connection c = connection();
    inTransaction(c, () -> t.writeTo = tables.open(c, t.plan));
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
    inTransaction(c, () -> t.inserter.insert(c, t.writeTo, t.encoder.rows(batch, loadedAt)));
  }

  @Override
  public void complete(DestinationStream stream) throws Exception {
    Target t = target(stream);
    open(stream);
    t.inserter.closeStatements();
    Connection c = connection();
    inTransaction(c, () -> tables.complete(c, t.plan, t.writeTo));
    t.writeTo = t.plan.table();
  }

  @Override
  public void close() throws Exception {
    Exception failure = null;
    for (Target t : targets.values()) {
      try {
        t.inserter.closeStatements();
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

  private Target target(DestinationStream stream) {
    Target t = targets.get(Key.of(stream));
    if (t == null) {
      throw new IllegalArgumentException(
          "stream \"" + stream.displayName() + "\" is not in the catalog");
    }
    return t;
  }

  private interface SqlWork {
    void run() throws Exception;
  }

  /** One transaction per step, so a failed step leaves the tables as the last committed one did. */
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
      return o instanceof Key k
          && Objects.equals(k.namespace, namespace)
          && Objects.equals(k.name, name);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(namespace) + Objects.hashCode(name);
    }
  }

  /** A stream's table plan, its row encoding and inserting, and where its rows go in this run. */
  private static final class Target {
    final StreamTable plan;
    final RowEncoder encoder;
    final RowInserter inserter;
    boolean opened;
    TableName writeTo;

    Target(StreamTable plan, RowEncoder encoder, RowInserter inserter) {
      this.plan = plan;
      this.encoder = encoder;
      this.inserter = inserter;
      this.writeTo = plan.table();
    }
  }
}
