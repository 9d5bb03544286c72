package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * write: N RECORD lines (the benchmark source's own {@code read} output, with its STREAM_STATUS and
 * STATE lines; each record has a {@code tags} array and an {@code address} object, stored as JSON
 * text) on stdin into destination-sqlite ({@code append}) against the hand-written {@code RawWrite}
 * loading the same rows into the same table with batched sqlite-jdbc inserts. Figures are the whole
 * process: rows / (start to exit), and rows per CPU second. The baseline creates its table with the
 * {@code CREATE TABLE} statement destination-sqlite used (so declared types follow the dialect);
 * after the first pair of runs the two tables are compared: the same columns and types; the same
 * values in every column except the random {@code _airbyte_raw_id} and the clock-dependent {@code
 * _airbyte_loaded_at} in the first 5,000 rows; the same per-column aggregates over all rows.
 */
final class WriteBench {
  private WriteBench() {}

  static Result run(Workspace ws) throws Exception {
    Options o = ws.options;
    Result r =
        new Result(
                "write",
                String.format("write %,d rows (tags array, address object)", o.records),
                "rows/s")
            .target(Result.Comparison.RATIO, ">= 0.80x (aim 0.90x)", 0.80);
    r.baselineLabel = "hand-written sqlite-jdbc";
    if (!Files.isRegularFile(o.sqliteJar)) {
      throw new java.io.FileNotFoundException("destination-sqlite jar not found: " + o.sqliteJar);
    }
    Path input = ws.dir.resolve("write-input.jsonl");
    makeInput(ws, o.records, input);
    Path db = ws.dir.resolve("write-c8kit.sqlite");
    Path baseDb = ws.dir.resolve("write-baseline.sqlite");
    ObjectNode config = Workspace.JSON.createObjectNode().put("destination_path", db.toString());
    Path configFile = ws.writeJson("write-config.json", config);
    Path catalogFile = ws.writeJson("write-catalog.json", Workspace.catalog(List.of("rows")));
    Path ddl = ws.dir.resolve("write-table.sql");
    for (int i = 0; i < o.runs; i++) {
      ws.deleteSqlite(db);
      ws.deleteSqlite(baseDb);
      Launcher.Spec a =
          ws.measured(
              "write c8kit",
              ws.java(
                  "-jar",
                  o.sqliteJar.toString(),
                  "write",
                  "--config",
                  configFile.toString(),
                  "--catalog",
                  catalogFile.toString()));
      a.stdin = input;
      Launcher.Run ra = ws.runOk(a);
      if (i == 0) {
        // the baseline creates its table exactly as destination-sqlite did
        Files.writeString(ddl, tableSql(db, "rows"));
      }
      Launcher.Spec b =
          ws.measured(
              "write baseline",
              ws.java(
                  "-cp",
                  o.classpath,
                  "io.c8kit.benchmarks.baseline.RawWrite",
                  baseDb.toString(),
                  ddl.toString()));
      b.stdin = input;
      Launcher.Run rb = ws.runOk(b);
      long rowsA = count(db, "rows");
      long rowsB = count(baseDb, "rows");
      if (rowsA != o.records || rowsB != o.records) {
        throw new IllegalStateException(
            "expected " + o.records + " rows, c8kit wrote " + rowsA + ", the baseline " + rowsB);
      }
      if (i == 0) {
        compareTables(db, baseDb, "rows");
      }
      r.wall.c8kit.add(o.records / ra.wallSeconds());
      r.wall.baseline.add(o.records / rb.wallSeconds());
      if (ra.cpuMillis > 0 && rb.cpuMillis > 0) {
        r.cpu.c8kit.add(o.records / ra.cpuSeconds());
        r.cpu.baseline.add(o.records / rb.cpuSeconds());
      }
      r.runs.add(run("c8kit", ra, o.records));
      r.runs.add(run("baseline", rb, o.records));
      ws.log.printf(
          "  write run %d/%d: c8kit %,.0f rows/s (%.2f s CPU), baseline %,.0f rows/s (%.2f s CPU)%n",
          i + 1,
          o.runs,
          o.records / ra.wallSeconds(),
          ra.cpuSeconds(),
          o.records / rb.wallSeconds(),
          rb.cpuSeconds());
    }
    r.details.put("inputBytes", Files.size(input));
    r.details.put(
        "verified",
        "same columns and types; same values except _airbyte_raw_id, _airbyte_loaded_at "
            + "(first 5,000 rows; aggregates of all)");
    return r;
  }

  /** The benchmark source's read output for {@code records} rows, as a file. */
  static void makeInput(Workspace ws, long records, Path file) throws Exception {
    Path config =
        ws.writeJson(
            "input-config-" + records + ".json",
            Workspace.JSON.createObjectNode().put("count", records));
    Path catalog = ws.writeJson("input-catalog.json", Workspace.catalog(List.of("rows")));
    Launcher.Spec s = ws.spec("make write input", ws.benchRead(config, catalog));
    s.stdoutFile = file;
    ws.runOk(s);
  }

  private static Map<String, Object> run(String side, Launcher.Run run, long records) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("side", side);
    m.put("rowsPerSecond", Math.round(records / run.wallSeconds()));
    m.put("wallSeconds", ReadBench.round3(run.wallSeconds()));
    m.put("cpuSeconds", run.cpuSeconds());
    if (!run.threadCpuMillis.isEmpty()) {
      m.put("threadCpuMs", run.threadCpuMillis);
    }
    return m;
  }

  /** The CREATE TABLE statement of {@code table}. */
  static String tableSql(Path db, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.PreparedStatement s =
            c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("destination-sqlite created no table \"" + table + "\"");
        }
        return rs.getString(1);
      }
    }
  }

  static long count(Path db, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows compared value by value; the rest is compared through per-column aggregates. */
  static final int COMPARED_ROWS = 5_000;

  /**
   * Same columns (name, declared type, order); the same values, except the two volatile columns, in
   * the first {@value #COMPARED_ROWS} rows by id; and the same per-column aggregates (count, sums,
   * total text length, storage classes) over all rows.
   */
  static void compareTables(Path a, Path b, String table) throws SQLException {
    List<String> colsA = columns(a, table);
    List<String> colsB = columns(b, table);
    if (!colsA.equals(colsB)) {
      throw new IllegalStateException("the tables differ: c8kit " + colsA + ", baseline " + colsB);
    }
    List<String> compared = new ArrayList<>();
    for (String c : colsA) {
      String name = c.substring(0, c.indexOf(' '));
      if (!name.equals("_airbyte_raw_id") && !name.equals("_airbyte_loaded_at")) {
        compared.add(name);
      }
    }
    StringBuilder rows =
        new StringBuilder("SELECT \"").append(String.join("\", \"", compared)).append('"');
    rows.append(", typeof(\"balance\"), typeof(\"score\"), length(\"_airbyte_raw_id\")");
    rows.append(" FROM \"").append(table).append("\" ORDER BY \"id\" LIMIT ").append(COMPARED_ROWS);
    StringBuilder sums = new StringBuilder("SELECT count(*), count(DISTINCT \"_airbyte_raw_id\")");
    for (String c : compared) {
      sums.append(", total(length(\"").append(c).append("\")), count(\"").append(c).append("\")");
      sums.append(", sum(typeof(\"")
          .append(c)
          .append("\") = 'integer'), sum(typeof(\"")
          .append(c)
          .append("\") = 'real')");
    }
    sums.append(
        ", total(\"id\"), total(\"age\"), total(\"score\"), total(\"balance\"), total(\"active\")");
    sums.append(", total(json_array_length(\"tags\")), sum(json_valid(\"address\"))");
    sums.append(" FROM \"").append(table).append('"');
    try (Connection ca = DriverManager.getConnection("jdbc:sqlite:" + a);
        Connection cb = DriverManager.getConnection("jdbc:sqlite:" + b)) {
      compareQuery(ca, cb, rows.toString(), "row");
      compareQuery(ca, cb, sums.toString(), "aggregate over all rows");
    }
  }

  private static void compareQuery(Connection ca, Connection cb, String sql, String what)
      throws SQLException {
    try (Statement sa = ca.createStatement();
        Statement sb = cb.createStatement();
        ResultSet ra = sa.executeQuery(sql);
        ResultSet rb = sb.executeQuery(sql)) {
      ResultSetMetaData meta = ra.getMetaData();
      long row = 0;
      while (ra.next()) {
        if (!rb.next()) {
          throw new IllegalStateException("the baseline table has fewer rows");
        }
        row++;
        for (int k = 1; k <= meta.getColumnCount(); k++) {
          Object x = ra.getObject(k);
          Object y = rb.getObject(k);
          if (!Objects.equals(String.valueOf(x), String.valueOf(y))) {
            throw new IllegalStateException(
                "the tables differ ("
                    + what
                    + " "
                    + row
                    + ", "
                    + meta.getColumnName(k)
                    + "): c8kit "
                    + x
                    + ", baseline "
                    + y);
          }
        }
      }
      if (rb.next()) {
        throw new IllegalStateException("the baseline table has more rows");
      }
    }
  }

  private static List<String> columns(Path db, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
      while (rs.next()) {
        out.add(rs.getString("name") + " " + rs.getString("type"));
      }
    }
    return out;
  }
}
