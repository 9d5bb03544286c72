package io.c8kit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the JDBC connection a {@link JdbcSyncWriter} uses, e.g. {@code () ->
 * DriverManager.getConnection(url)}.
 */
@FunctionalInterface
public interface ConnectionFactory {
  Connection open() throws SQLException;
}
