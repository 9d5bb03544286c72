package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * pgwrite: several streams of the synthetic benchmark rows (a {@code tags} array and an {@code
 * address} object among ten fields) written into PostgreSQL through destination-postgres's own
 * writer (the shared {@code JdbcSyncWriter}, COPY), in whole batches of raw record bytes as the
 * write engine hands them over, once from one thread (stream after stream, round after round) and
 * once from one thread per stream; the two alternate, run after run. No engine and no stdin: this
 * measures what concurrent flushing can gain or cost in the writer and the server.
 *
 * <p>Run with destination-postgres's runnable jar first on the class path (its writer is the one
 * measured, so a jar built from another commit measures that commit), and the server named by
 * {@code C8KIT_PG_*} (scripts/postgres-up.sh): {@code java -cp
 * examples/destination-postgres/target/destination-postgres.jar:benchmarks/target/c8kit-benchmarks.jar
 * io.c8kit.benchmarks.PgWriteBench [streams] [recordsPerStream] [batch] [runs] [modes]}, modes
 * {@code seq,conc} by default. Figures: wall, this process's CPU, and the server's CPU (the
 * writer's backends, read from {@code /proc} before the writer closes them, plus the server's
 * background processes over the run).
 */
public final class PgWriteBench {
  private PgWriteBench() {}

  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int perStream = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
    int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    List<String> modes = List.of((args.length > 4 ? args[4] : "seq,conc").split(","));
    Map<String, String> pg = settings();
    List<RawRowBatch> batches = new ArrayList<>();
    for (int from = 0; from < perStream; from += batchSize) {
      batches.add(RawRowBatch.of(from + 1, Math.min(batchSize, perStream - from)));
    }
    System.err.printf(
        "pgwrite: %d streams x %,d records, batches of %,d, %d runs of %s%n",
        streams, perStream, batchSize, runs, modes);
    // Warm-up (not counted): each mode once over a few batches, so that neither mode pays the JIT.
    for (String mode : modes) {
      runOnce(pg, mode, -1, streams, batches.subList(0, Math.min(3, batches.size())));
    }
    Map<String, List<double[]>> results = new HashMap<>();
    for (int run = 0; run < runs; run++) {
      List<String> order = new ArrayList<>(modes);
      if (run % 2 == 1) {
        java.util.Collections.reverse(order); // alternate which mode goes first
      }
      for (String mode : order) {
        double[] r = runOnce(pg, mode, run, streams, batches);
        results.computeIfAbsent(mode, m -> new ArrayList<>()).add(r);
        System.err.printf(
            "run %d %-4s wall %6.2f s  %,9.0f rows/s  client CPU %6.2f s  server CPU %6.2f s%n",
            run, mode, r[0], streams * (double) perStream / r[0], r[1], r[2]);
      }
    }
    System.out.println(
        "| mode | wall s (median, min-max) | rows/s | client CPU s | server CPU s | total CPU s |");
    System.out.println("|---|---|---|---|---|---|");
    for (String mode : modes) {
      List<double[]> rs = results.get(mode);
      double wall = median(rs, 0);
      System.out.printf(
          "| %s | %.2f (%.2f-%.2f) | %,.0f | %.2f | %.2f | %.2f |%n",
          mode,
          wall,
          min(rs, 0),
          max(rs, 0),
          streams * (double) perStream / wall,
          median(rs, 1),
          median(rs, 2),
          median(rs, 3));
    }
  }

  /** One measured write: {wall s, client CPU s, server CPU s, total CPU s}. */
  private static double[] runOnce(
      Map<String, String> pg, String mode, int run, int streamCount, List<RawRowBatch> batches)
      throws Exception {
    String schema = "c8k_pgwrite_" + mode + "_" + (run < 0 ? "warmup" : run);
    String application = schema + "_" + ProcessHandle.current().pid();
    sql(pg, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
    ObjectNode config = Protocol.mapper().createObjectNode();
    config
        .put("host", pg.get("C8KIT_PG_HOST"))
        .put("port", Integer.parseInt(pg.getOrDefault("C8KIT_PG_PORT", "5432")))
        .put("database", pg.getOrDefault("C8KIT_PG_DATABASE", "postgres"))
        .put("username", pg.get("C8KIT_PG_USER"))
        .put("password", pg.getOrDefault("C8KIT_PG_PASSWORD", ""))
        .put("schema", schema)
        .put("jdbc_url_params", "ApplicationName=" + application)
        .put("use_copy", true);
    ObjectNode jsonSchema = Workspace.rowsSchema();
    List<DestinationStream> streams = new ArrayList<>();
    for (int s = 0; s < streamCount; s++) {
      streams.add(
          new DestinationStream(
              "rows_" + s,
              null,
              jsonSchema,
              SyncMode.FULL_REFRESH,
              DestinationSyncMode.APPEND,
              List.of(List.of("id")),
              null,
              0,
              0,
              0));
    }
    @SuppressWarnings("unchecked")
    DestinationConnector<Object> connector =
        (DestinationConnector<Object>)
            Class.forName("io.c8kit.examples.postgres.destination.PostgresConnector")
                .getConstructor()
                .newInstance();
    DestinationDefinition<Object> definition = connector.definition();
    Object bound = definition.binder().bind(config);
    System.gc();
    Map<Integer, Long> serverBefore = cpuTicks(backgroundPids(pg));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    SyncWriter writer = definition.writer().open(bound, () -> streams);
    long backendTicks;
    try {
      if (mode.equals("seq")) {
        for (RawRowBatch b : batches) {
          for (DestinationStream s : streams) {
            writer.write(s, b);
          }
        }
        for (DestinationStream s : streams) {
          writer.complete(s);
        }
      } else {
        ExecutorService threads = Executors.newFixedThreadPool(streamCount);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (DestinationStream s : streams) {
            done.add(
                threads.submit(
                    () -> {
                      for (RawRowBatch b : batches) {
                        writer.write(s, b);
                      }
                      writer.complete(s);
                      return null;
                    }));
          }
          for (Future<?> f : done) {
            f.get();
          }
        } finally {
          threads.shutdown();
        }
      }
      backendTicks = sum(cpuTicks(backendPids(pg, application)));
    } finally {
      writer.close();
    }
    long wallNanos = System.nanoTime() - t0;
    long cpuNanos = os.getProcessCpuTime() - cpu0;
    Map<Integer, Long> serverAfter = cpuTicks(serverBefore.keySet());
    long backgroundTicks = 0;
    for (Map.Entry<Integer, Long> e : serverAfter.entrySet()) {
      backgroundTicks += e.getValue() - serverBefore.get(e.getKey());
    }
    double serverCpu = (backendTicks + backgroundTicks) / 100.0; // USER_HZ is 100 on Linux
    int written = 0;
    for (RawRowBatch b : batches) {
      written += b.size();
    }
    for (DestinationStream s : streams) {
      long rows = count(pg, "SELECT count(*) FROM " + schema + "." + s.name());
      if (rows != written) {
        throw new IllegalStateException(s.name() + " holds " + rows + " rows, not " + written);
      }
    }
    sql(pg, "DROP SCHEMA " + schema + " CASCADE");
    double client = cpuNanos / 1e9;
    return new double[] {wallNanos / 1e9, client, serverCpu, client + serverCpu};
  }

  /** The {@code C8KIT_PG_*} settings: the environment's, else scripts/postgres-up.sh's file. */
  private static Map<String, String> settings() throws IOException {
    Map<String, String> s = new HashMap<>();
    Path file = Path.of("/tmp/c8kit-pg/env");
    if (System.getenv("C8KIT_PG_HOST") == null && Files.isReadable(file)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(C8KIT_PG_[A-Z_]+)=([^\\s]*)")
              .matcher(Files.readString(file));
      while (m.find()) {
        s.put(m.group(1), m.group(2));
      }
    }
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      if (e.getKey().startsWith("C8KIT_PG_")) {
        s.put(e.getKey(), e.getValue());
      }
    }
    if (s.get("C8KIT_PG_HOST") == null || s.get("C8KIT_PG_USER") == null) {
      throw new IllegalStateException(
          "no PostgreSQL: set C8KIT_PG_HOST/C8KIT_PG_USER/... or run scripts/postgres-up.sh");
    }
    return s;
  }

  private static Connection connect(Map<String, String> pg) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", pg.get("C8KIT_PG_USER"));
    p.setProperty("password", pg.getOrDefault("C8KIT_PG_PASSWORD", ""));
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + pg.get("C8KIT_PG_HOST")
            + ":"
            + pg.getOrDefault("C8KIT_PG_PORT", "5432")
            + "/"
            + pg.getOrDefault("C8KIT_PG_DATABASE", "postgres"),
        p);
  }

  private static void sql(Map<String, String> pg, String... statements) throws SQLException {
    try (Connection c = connect(pg);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static long count(Map<String, String> pg, String query) throws SQLException {
    try (Connection c = connect(pg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Integer> pids(Map<String, String> pg, String query) throws SQLException {
    List<Integer> pids = new ArrayList<>();
    try (Connection c = connect(pg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    }
    return pids;
  }

  private static List<Integer> backendPids(Map<String, String> pg, String application)
      throws SQLException {
    return pids(
        pg, "SELECT pid FROM pg_stat_activity WHERE application_name = '" + application + "'");
  }

  /** The server's processes that serve no client: WAL writer, checkpointer, background writer, … */
  private static List<Integer> backgroundPids(Map<String, String> pg) throws SQLException {
    return pids(pg, "SELECT pid FROM pg_stat_activity WHERE backend_type <> 'client backend'");
  }

  /** utime + stime of each process, in clock ticks (a process that is gone counts 0). */
  private static Map<Integer, Long> cpuTicks(Iterable<Integer> pids) {
    Map<Integer, Long> ticks = new HashMap<>();
    for (int pid : pids) {
      long t = 0;
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      } catch (IOException | RuntimeException e) {
        // not on this machine or already gone: the server's CPU is then not counted
      }
      ticks.put(pid, t);
    }
    return ticks;
  }

  private static long sum(Map<Integer, Long> ticks) {
    long s = 0;
    for (long t : ticks.values()) {
      s += t;
    }
    return s;
  }

  private static double median(List<double[]> rs, int k) {
    double[] v = rs.stream().mapToDouble(r -> r[k]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double min(List<double[]> rs, int k) {
    return rs.stream().mapToDouble(r -> r[k]).min().orElse(0);
  }

  private static double max(List<double[]> rs, int k) {
    return rs.stream().mapToDouble(r -> r[k]).max().orElse(0);
  }
}
