package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.jdbc.postgres.PgJdbc;
import io.c8kit.source.DiscoveredStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM with a small heap by {@link PostgresSourceBigTableTest}: reads a big table
 * either through the connector ({@code connector}) or, as a control, with a plain JDBC query that
 * buffers the whole result ({@code buffered}). Prints {@code rows=N lastId=M maxHeapMiB=H}.
 *
 * <p>Arguments: mode host port database user password schema table fetchSize.
 */
public final class BigReadMain {
  private BigReadMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    PostgresSource.Config config =
        new PostgresSource.Config(
            args[1],
            Integer.parseInt(args[2]),
            args[3],
            List.of(args[6]),
            args[4],
            Optional.of(args[5]),
            Optional.empty(),
            Optional.empty(),
            Integer.parseInt(args[8]),
            Optional.empty());
    String table = args[7];
    long[] count = {0};
    long[] lastId = {-1};
    if (mode.equals("connector")) {
      PostgresSource source = new PostgresSource();
      DiscoveredStream stream =
          source.discover(config).stream()
              .filter(s -> s.name().equals(table))
              .findFirst()
              .orElseThrow();
      source.read(
          config,
          TestContext.fullRefresh(stream),
          (ObjectNode r) -> {
            long id = r.get("id").asLong();
            if (id <= lastId[0]) {
              throw new IllegalStateException("not ordered by the page key at " + id);
            }
            lastId[0] = id;
            count[0]++;
          });
    } else {
      try (Connection c = PgConnections.open(config);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT * FROM "
                      + PgJdbc.quote(args[6])
                      + "."
                      + PgJdbc.quote(table)
                      + " ORDER BY id")) {
        while (rs.next()) {
          lastId[0] = rs.getLong(1);
          count[0]++;
        }
      }
    }
    System.out.println(
        "rows="
            + count[0]
            + " lastId="
            + lastId[0]
            + " maxHeapMiB="
            + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
