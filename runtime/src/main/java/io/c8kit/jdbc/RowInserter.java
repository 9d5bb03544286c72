package io.c8kit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one stream's encoded rows into its table inside the caller's transaction, through the
 * dialect's {@link RowLoader} when it has one, else through prepared INSERTs of several rows each
 * (as many as the dialect allows) and JDBC batches of single rows for the rest; it keeps the
 * statements prepared between batches (while the stream's calls stay on one connection) because
 * preparing them costs more than small batches do. Calls for one stream never overlap.
 */
final class RowInserter {
  private static final int JDBC_BATCH = 1_000;

  private final SqlDialect dialect;
  private final List<Column> columns;
  private final Object[] row;
  private TableName preparedFor;
  private Connection preparedOn;
  private PreparedStatement single;
  private PreparedStatement multi;

  RowInserter(SqlDialect dialect, StreamTable plan) {
    this.dialect = dialect;
    this.columns = plan.columns();
    this.row = new Object[columns.size()];
  }

  /** Inserts every row of {@code rows} into {@code table}. */
  void insert(Connection c, TableName table, RowEncoder.Rows rows) throws SQLException {
    RowLoader loader = dialect.rowLoader();
    if (loader != null) {
      List<Object[]> all = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        all.add(rows.fill(i, new Object[row.length]));
      }
      loader.load(c, table, columns, all);
      return;
    }
    // Identity, not equals: the tables are the plan's instances, and a record's equals would cost
    // its bootstrap at start-up (benchmarks/FINDINGS.md, finding 7). A statement belongs to the
    // connection that prepared it: a call on another one (several streams written at once) prepares
    // again there. The old connection may be closed (closing its statements then does nothing) or
    // busy with another stream's call (JDBC connections are safe for that).
    if (table != preparedFor || c != preparedOn) {
      closeStatements();
      preparedFor = table;
      preparedOn = c;
    }
    int width = row.length;
    int size = rows.size();
    int i = 0;
    int multiRows = dialect.rowsPerInsert(width);
    if (multiRows > 1 && size >= multiRows) {
      if (multi == null) {
        multi = c.prepareStatement(dialect.insert(table, columns, multiRows));
      }
      for (; size - i >= multiRows; i += multiRows) {
        for (int r = 0; r < multiRows; r++) {
          rows.fill(i + r, row);
          bind(multi, r * width, row);
        }
        multi.executeUpdate();
      }
    }
    if (i < size) {
      if (single == null) {
        single = c.prepareStatement(dialect.insert(table, columns, 1));
      }
      int pending = 0;
      for (; i < size; i++) {
        rows.fill(i, row);
        bind(single, 0, row);
        single.addBatch();
        if (++pending == JDBC_BATCH) {
          single.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        single.executeBatch();
      }
    }
  }

  private void bind(PreparedStatement ps, int offset, Object[] values) throws SQLException {
    for (int k = 0; k < values.length; k++) {
      dialect.bind(ps, offset + k + 1, columns.get(k).type(), values[k]);
    }
  }

  /** Closes the prepared statements; the next insert prepares them again. */
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
    preparedFor = null;
    preparedOn = null;
    if (failure != null) {
      throw failure;
    }
  }
}
