package io.c8kit.jdbc;

import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What happens to a stream's tables at the start and the end of a sync, per destination sync mode
 * and generation, kept apart from the rows so that {@link JdbcSyncWriter} only orders the steps and
 * the transactions: create or widen the table, prepare (or resume) the staging table of a
 * truncating stream, and at completion deduplicate, swap the staging table in, or drop older
 * generations.
 */
final class TableLifecycle {
  // The writer's logger: logging configurations name the public class, not its parts.
  private static final Logger LOG = Logger.getLogger(JdbcSyncWriter.class.getName());

  private final SqlDialect dialect;

  TableLifecycle(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Makes the table a stream's rows go into ready, in the caller's transaction, and returns it: the
   * staging table for a truncating stream, the final table otherwise.
   */
  TableName open(Connection c, StreamTable plan) throws SQLException {
    for (String sql : dialect.createSchema(plan.table().schema())) {
      execute(c, sql);
    }
    if (plan.stream().truncates()) {
      prepareStaging(c, plan);
      return plan.staging();
    }
    ensureTable(c, plan.table(), plan.columns());
    return plan.table();
  }

  /**
   * Finishes a stream whose rows are all in {@code writtenTo}, in the caller's transaction: keeps
   * the latest row per key ({@code append_dedup}), then replaces the final table with the staging
   * table (truncating streams) or removes the rows of older generations.
   */
  void complete(Connection c, StreamTable plan, TableName writtenTo) throws SQLException {
    DestinationStream stream = plan.stream();
    if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP
        && !plan.dedupKeys().isEmpty()) {
      try (Statement s = c.createStatement()) {
        int removed = s.executeUpdate(dialect.dedup(writtenTo, plan.dedupKeys(), plan.cursor()));
        LOG.info(() -> "deduplicated " + writtenTo + ": " + removed + " older rows removed");
      }
    }
    if (stream.truncates()) {
      for (String sql : dialect.swapTable(plan.staging(), plan.table())) {
        execute(c, sql);
      }
      LOG.info(() -> "replaced " + plan.table() + " with this sync's data");
    } else if (stream.minimumGenerationId() > 0) {
      try (PreparedStatement ps =
          c.prepareStatement(dialect.deleteOlderGenerations(plan.table()))) {
        ps.setLong(1, stream.minimumGenerationId());
        int removed = ps.executeUpdate();
        LOG.info(
            () ->
                "removed "
                    + removed
                    + " rows of generations below "
                    + stream.minimumGenerationId()
                    + " from "
                    + plan.table());
      }
    }
  }

  /**
   * A staging table left by an earlier failed attempt of the same generation holds rows the
   * platform will not send again, so it is resumed; any other one is recreated empty.
   */
  private void prepareStaging(Connection c, StreamTable plan) throws SQLException {
    DestinationStream stream = plan.stream();
    Map<String, String> existing = dialect.existingColumns(c, plan.staging());
    if (existing != null) {
      boolean resume =
          stream.generationId() > 0
              && existing.containsKey(dialect.collisionKey(Column.GENERATION_ID))
              && !hasOtherGenerations(c, plan.staging(), stream.generationId());
      if (resume) {
        LOG.info(
            () ->
                "resuming staging table "
                    + plan.staging()
                    + " of generation "
                    + stream.generationId());
        addMissingColumns(c, plan.staging(), plan.columns(), existing);
        return;
      }
      execute(c, dialect.dropTable(plan.staging()));
    }
    execute(c, dialect.createTable(plan.staging(), plan.columns()));
  }

  private boolean hasOtherGenerations(Connection c, TableName table, long generation)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(dialect.otherGenerationProbe(table))) {
      ps.setLong(1, generation);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void ensureTable(Connection c, TableName table, List<Column> columns)
      throws SQLException {
    Map<String, String> existing = dialect.existingColumns(c, table);
    if (existing == null) {
      execute(c, dialect.createTable(table, columns));
      LOG.info(() -> "created table " + table);
    } else {
      addMissingColumns(c, table, columns, existing);
    }
  }

  private void addMissingColumns(
      Connection c, TableName table, List<Column> columns, Map<String, String> existing)
      throws SQLException {
    for (Column col : columns) {
      if (!existing.containsKey(dialect.collisionKey(col.name()))) {
        execute(c, dialect.addColumn(table, col));
        LOG.info(() -> "added column " + col.name() + " to " + table);
      }
    }
  }

  /** Runs DDL; a failure names the statement, which the driver's message often does not. */
  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          e.getMessage() + " [SQL: " + sql + "]", e.getSQLState(), e.getErrorCode(), e);
    }
  }
}
