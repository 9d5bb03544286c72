package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.WriteContext;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link JdbcSyncWriter} uses its connections: its concurrency is the dialect's, one connection
 * serves every stream when the calls never overlap, and a stream's statements follow it to another
 * connection.
 */
class JdbcSyncWriterConnectionsTest {
  @TempDir Path dir;

  static DestinationStream stream(String name) throws Exception {
    ObjectNode schema =
        (ObjectNode)
            Protocol.mapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                        + "\"v\":{\"type\":\"string\"}}}");
    return new DestinationStream(
        name, null, schema, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND, null, null, 0, 0, 0);
  }

  static List<DestinationRecord> batch(int from, int count) throws Exception {
    List<DestinationRecord> batch = new ArrayList<>();
    for (int id = from; id < from + count; id++) {
      batch.add(
          new DestinationRecord(
              (ObjectNode) Protocol.mapper().readTree("{\"id\":" + id + ",\"v\":\"v" + id + "\"}"),
              1_700_000_000_000L,
              null,
              0));
    }
    return batch;
  }

  static WriteContext context(List<DestinationStream> streams) {
    return () -> streams;
  }

  @Test
  void theWritersConcurrencyIsTheDialects() throws Exception {
    WriteContext ctx = context(List.of(stream("a")));
    ConnectionFactory unused =
        () -> {
          throw new AssertionError("no connection is opened before the first call");
        };
    assertEquals(1, new JdbcSyncWriter(unused, new SqliteDialect(), ctx).concurrency());
    assertEquals(4, new JdbcSyncWriter(unused, new PostgresDialect(), ctx).concurrency());
  }

  @Test
  void callsThatNeverOverlapUseOneConnectionForEveryStream() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("one.sqlite");
    List<Connection> opened = new ArrayList<>();
    ConnectionFactory counting =
        () -> {
          Connection c = DriverManager.getConnection(url);
          opened.add(c);
          return c;
        };
    List<DestinationStream> streams = List.of(stream("a"), stream("b"), stream("c"));
    try (JdbcSyncWriter writer =
        new JdbcSyncWriter(counting, new SqliteDialect(), context(streams))) {
      for (int round = 0; round < 2; round++) {
        for (DestinationStream s : streams) {
          writer.write(s, batch(round * 10, 10));
        }
      }
      for (DestinationStream s : streams) {
        writer.complete(s);
      }
    }
    assertEquals(1, opened.size());
    assertTrue(opened.get(0).isClosed());
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String table : List.of("a", "b", "c")) {
        try (ResultSet rs =
            s.executeQuery("SELECT count(*), count(DISTINCT id) FROM \"" + table + "\"")) {
          rs.next();
          assertEquals(20, rs.getInt(1), table);
          assertEquals(20, rs.getInt(2), table);
        }
      }
    }
  }

  /**
   * A stream whose next call gets another connection inserts there: statements prepared on the
   * first one would put the rows into that connection's transaction, which nobody commits.
   */
  @Test
  void aStreamOnAnotherConnectionPreparesItsStatementsThere() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("two.sqlite");
    SqliteDialect dialect = new SqliteDialect();
    StreamTable plan = TablePlanner.plan(List.of(stream("t")), dialect).get(0);
    RowEncoder encoder = new RowEncoder(plan, new RawIds(), dialect.bindsTimestampText());
    RowInserter inserter = new RowInserter(dialect, plan);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection first = DriverManager.getConnection(url);
        Connection second = DriverManager.getConnection(url)) {
      try (Statement s = first.createStatement()) {
        s.execute(dialect.createTable(plan.table(), plan.columns()));
      }
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      inserter.insert(first, plan.table(), encoder.rows(batch(0, 5), now));
      first.commit();
      inserter.insert(second, plan.table(), encoder.rows(batch(5, 5), now));
      second.commit();
      inserter.closeStatements();
      assertEquals(List.of(10, 10), counts(url, plan.table().name()));
      inserter.insert(first, plan.table(), encoder.rows(batch(10, 5), now));
      first.commit();
      inserter.closeStatements();
    }
    assertEquals(List.of(15, 15), counts(url, plan.table().name()));
  }

  private static List<Integer> counts(String url, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*), count(DISTINCT id) FROM \"" + table + "\"")) {
      rs.next();
      return List.of(rs.getInt(1), rs.getInt(2));
    }
  }
}
