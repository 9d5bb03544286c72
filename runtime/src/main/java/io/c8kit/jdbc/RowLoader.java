package io.c8kit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A bulk-load fast path a {@link SqlDialect} may offer instead of prepared INSERTs, e.g. PostgreSQL
 * {@code COPY … FROM STDIN} through the driver's copy API. It runs inside the writer's transaction;
 * the writer commits after it returns.
 */
@FunctionalInterface
public interface RowLoader {
  /**
   * Loads {@code rows} into {@code table}.
   *
   * @param columns the table's columns, in the order of each row's values
   * @param rows one array per record; values are {@code null} or the Java type listed in {@link
   *     ColumnType} for the column's type
   */
  void load(Connection connection, TableName table, List<Column> columns, List<Object[]> rows)
      throws SQLException;
}
