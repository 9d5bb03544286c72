package io.c8kit.examples.postgres.destination;

import io.c8kit.jdbc.Column;
import io.c8kit.jdbc.ColumnType;
import io.c8kit.jdbc.PostgresDialect;
import io.c8kit.jdbc.RowLoader;
import io.c8kit.jdbc.TableName;
import io.c8kit.jdbc.postgres.PgJdbc;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a batch with {@code COPY … FROM STDIN (FORMAT csv)} through pgjdbc's copy API, inside the
 * writer's transaction. Values are written as PostgreSQL reads them back exactly: the same text the
 * {@link PostgresDialect} binds (temporals ISO 8601 with BC years, numbers in plain notation, NUL
 * characters removed), every non-null value quoted, NULL as an unquoted empty field.
 */
final class PgCopyLoader implements RowLoader {
  /** Bytes buffered before a chunk is sent to the server. */
  private static final int CHUNK = 1 << 20;

  @Override
  public void load(
      Connection connection, TableName table, List<Column> columns, List<Object[]> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(table, columns));
    try {
      StringBuilder buf = new StringBuilder(Math.min(CHUNK + 4096, rows.size() * 128));
      ColumnType[] types = new ColumnType[columns.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = columns.get(i).type();
      }
      for (Object[] row : rows) {
        for (int i = 0; i < types.length; i++) {
          if (i > 0) {
            buf.append(',');
          }
          Object v = row[i];
          if (v != null) {
            quoted(buf, text(types[i], v));
          }
        }
        buf.append('\n');
        if (buf.length() >= CHUNK) {
          send(copy, buf);
        }
      }
      send(copy, buf);
      copy.endCopy();
    } catch (SQLException | RuntimeException e) {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException cancel) {
          e.addSuppressed(cancel);
        }
      }
      throw e;
    }
  }

  static String sql(TableName table, List<Column> columns) {
    StringBuilder sql = new StringBuilder("COPY ");
    if (table.schema() != null) {
      sql.append(PgJdbc.quote(table.schema())).append('.');
    }
    sql.append(PgJdbc.quote(table.name())).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(PgJdbc.quote(columns.get(i).name()));
    }
    return sql.append(") FROM STDIN (FORMAT csv)").toString();
  }

  /** The PostgreSQL input text of a value of the column type's Java representation. */
  static String text(ColumnType type, Object value) {
    switch (type) {
      case INTEGER:
      case BOOLEAN:
        return value.toString();
      case NUMBER:
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      case STRING:
        return PostgresDialect.text((String) value);
      case JSON:
        return PostgresDialect.json((String) value);
      default:
        return PostgresDialect.temporalText(type, value);
    }
  }

  /** Appends a CSV-quoted field: {@code "} doubled inside quotes; newlines are kept as they are. */
  private static void quoted(StringBuilder buf, String s) {
    buf.append('"');
    int start = 0;
    for (int i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
      buf.append(s, start, i + 1).append('"');
      start = i + 1;
    }
    buf.append(s, start, s.length()).append('"');
  }

  private static void send(CopyIn copy, StringBuilder buf) throws SQLException {
    if (buf.length() > 0) {
      byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buf.setLength(0);
    }
  }
}
