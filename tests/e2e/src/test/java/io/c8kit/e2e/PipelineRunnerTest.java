package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline runner's jar (the engine of scripts/demo.sh, the project's main job) as a user runs
 * it: {@code java -jar c8kit-pipeline.jar --source S --destination D ...} twice; the second run
 * resumes from the state the first one saved. Checked: exit codes, the printed summary, the saved
 * state and the data in the destination.
 */
class PipelineRunnerTest {
  private static final Pattern ROW = Pattern.compile("^(\\w+)\\s+([\\d,]+)\\s+([\\d,]+)$");

  @TempDir Path work;

  private Proc.Result pipeline(
      Path sourceConfig, String destination, Path destinationConfig, String... extra) {
    Path runner = Artifacts.jar(Artifacts.PIPELINE);
    List<String> cmd =
        new java.util.ArrayList<>(
            Proc.javaJar(
                runner,
                Proc.fastStart(runner, "--help"),
                "--source",
                Artifacts.jar(Artifacts.SOURCE_FAKER).toString(),
                "--source-config",
                sourceConfig.toString(),
                "--destination",
                destination,
                "--destination-config",
                destinationConfig.toString(),
                "--workdir",
                work.toString()));
    cmd.addAll(List.of(extra));
    // The runner passes JAVA_OPTS to the connector JVMs it starts (C1 only: they start faster).
    return Proc.exec(cmd, work, null, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1"), Proc.TIMEOUT);
  }

  /** The "stream read committed" rows of the summary. */
  private static Map<String, long[]> summary(Proc.Result r) {
    Map<String, long[]> rows = new LinkedHashMap<>();
    boolean table = false;
    for (String line : r.stdout().lines().toList()) {
      if (line.startsWith("stream ") && line.contains("committed")) {
        table = true;
        continue;
      }
      Matcher m = ROW.matcher(line.trim());
      if (table && m.matches()) {
        rows.put(
            m.group(1),
            new long[] {
              Long.parseLong(m.group(2).replace(",", "")),
              Long.parseLong(m.group(3).replace(",", ""))
            });
      } else if (table) {
        break;
      }
    }
    return rows;
  }

  private static void assertRow(
      Map<String, long[]> rows, String stream, long read, long committed, Proc.Result r) {
    long[] row = rows.get(stream);
    assertTrue(row != null, () -> "no summary row for " + stream + ": " + r);
    assertEquals(read, row[0], () -> stream + " read: " + r);
    assertEquals(committed, row[1], () -> stream + " committed: " + r);
  }

  @Test
  void singerProtocolPipesTapIntoTargetAndResumes() throws Exception {
    Path sqlite = work.resolve("singer.sqlite");
    Path source =
        Proc.json(
            work, "singer-source.json", "{\"count\": 30, \"seed\": 5, \"always_updated\": false}");
    Path destination =
        Proc.json(
            work,
            "singer-destination.json",
            Messages.JSON.createObjectNode().put("destination_path", sqlite.toString()));
    String sqliteJar = Artifacts.jar(Artifacts.DESTINATION_SQLITE).toString();

    Proc.Result first =
        pipeline(
            source, sqliteJar, destination, "--protocol", "singer", "--streams", "users,products");
    assertEquals(0, first.exitCode(), first::toString);
    Map<String, long[]> rows = summary(first);
    assertRow(rows, "users", 30, 30, first);
    assertRow(rows, "products", 100, 100, first);
    assertTrue(!rows.containsKey("purchases"), first::toString);
    assertEquals(Map.of("users", 30L, "products", 100L), counts(sqlite));
    JsonNode state = Messages.JSON.readTree(work.resolve("singer-state.json").toFile());
    assertTrue(state.get("currently_syncing").isNull(), state::toString);

    Proc.Result second =
        pipeline(
            source, sqliteJar, destination, "--protocol", "singer", "--streams", "users,products");
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stdout().contains("resuming from"), second::toString);
    assertRow(summary(second), "users", 1, 1, second); // the boundary record again, deduplicated
    assertEquals(Map.of("users", 30L, "products", 100L), counts(sqlite));
  }

  @Test
  void fakerToSqliteTwiceResumesFromTheSavedState() throws Exception {
    Path sqlite = work.resolve("faker.sqlite");
    Path source =
        Proc.json(
            work,
            "source-config.json",
            "{\"count\": 60, \"seed\": 42, \"records_per_slice\": 25, \"always_updated\": false}");
    Path destination =
        Proc.json(
            work,
            "destination-config.json",
            Messages.JSON.createObjectNode().put("destination_path", sqlite.toString()));
    String sqliteJar = Artifacts.jar(Artifacts.DESTINATION_SQLITE).toString();

    Proc.Result first = pipeline(source, sqliteJar, destination);
    assertEquals(0, first.exitCode(), first::toString);
    assertTrue(first.stdout().contains("Sync succeeded."), first::toString);
    Map<String, long[]> rows1 = summary(first);
    assertRow(rows1, "users", 60, 60, first);
    assertRow(rows1, "products", 100, 100, first);
    long purchases = rows1.get("purchases")[0];
    assertRow(rows1, "purchases", purchases, purchases, first);
    assertTrue(first.stdout().contains("SQLite file: " + sqlite.toAbsolutePath()), first::toString);
    assertTrue(first.stdout().matches("(?s).*table users\\s+60 rows.*"), first::toString);
    assertEquals(Map.of("users", 60L, "products", 100L, "purchases", purchases), counts(sqlite));

    Proc.Result second = pipeline(source, sqliteJar, destination);
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stdout().contains("resuming from"), second::toString);
    Map<String, long[]> rows2 = summary(second);
    // Stable records: only the boundary ties come again; dedup keeps one row each.
    assertRow(rows2, "users", 1, 1, second);
    assertRow(rows2, "purchases", 1, 1, second);
    assertRow(rows2, "products", 100, 100, second);
    assertEquals(Map.of("users", 60L, "products", 100L, "purchases", purchases), counts(sqlite));
  }

  @Test
  void fakerToPostgresTwiceResumesFromTheSavedState() throws Exception {
    PostgresServer pg = PostgresServer.require();
    String db = "e2e_pipeline_runner";
    pg.createDatabase(db);
    try {
      Path source =
          Proc.json(
              work,
              "source-config.json",
              "{\"count\": 50, \"seed\": 42, \"records_per_slice\": 20, \"always_updated\": false}");
      Path destination =
          Proc.json(work, "destination-config.json", pg.destinationConfig(db, "faker"));
      String jar = Artifacts.jar(Artifacts.DESTINATION_POSTGRES).toString();

      Proc.Result first = pipeline(source, jar, destination);
      assertEquals(0, first.exitCode(), first::toString);
      assertTrue(
          first
              .stdout()
              .startsWith("c8kit pipeline run #1: source-faker.jar -> destination-postgres.jar"),
          first::toString);
      assertTrue(first.stdout().contains("Sync succeeded."), first::toString);
      Map<String, long[]> rows1 = summary(first);
      assertRow(rows1, "users", 50, 50, first);
      assertRow(rows1, "products", 100, 100, first);
      long purchases = rows1.get("purchases")[0];
      assertTrue(purchases > 0, first::toString);
      assertRow(rows1, "purchases", purchases, purchases, first);

      JsonNode state = Proc.parse(Files.readString(work.resolve("state.json")));
      assertEquals(3, state.size(), state::toString);
      assertEquals(
          Map.of("users", 50L, "products", 100L, "purchases", purchases),
          Map.of(
              "users", pg.queryLong(db, "select count(*) from faker.users"),
              "products", pg.queryLong(db, "select count(*) from faker.products"),
              "purchases", pg.queryLong(db, "select count(*) from faker.purchases")));

      Proc.Result second = pipeline(source, jar, destination);
      assertEquals(0, second.exitCode(), second::toString);
      assertTrue(second.stdout().startsWith("c8kit pipeline run #2"), second::toString);
      assertTrue(second.stdout().contains("resuming from"), second::toString);
      Map<String, long[]> rows2 = summary(second);
      assertRow(rows2, "users", 1, 1, second);
      assertRow(rows2, "purchases", 1, 1, second);
      assertRow(rows2, "products", 100, 100, second);
      assertEquals(50, pg.queryLong(db, "select count(*) from faker.users"));
      assertEquals(purchases, pg.queryLong(db, "select count(*) from faker.purchases"));
      assertEquals(100, pg.queryLong(db, "select count(*) from faker.products"));
      assertEquals(
          state,
          Proc.parse(Files.readString(work.resolve("state.json"))),
          "nothing new: same state");

    } finally {
      pg.dropDatabase(db);
    }
  }

  @Test
  void aFailingCheckStopsThePipelineWithExitOne() throws Exception {
    Path source = Proc.json(work, "bad-source.json", "{\"count\": \"many\"}");
    Path destination =
        Proc.json(
            work,
            "destination-config.json",
            Messages.JSON
                .createObjectNode()
                .put("destination_path", work.resolve("x.sqlite").toString()));
    Proc.Result r =
        pipeline(source, Artifacts.jar(Artifacts.DESTINATION_POSTGRES).toString(), destination);
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stdout().contains("pipeline failed: source check failed"), r::toString);
    assertTrue(Files.notExists(work.resolve("state.json")), "no state after a failed run");

    Proc.Result missingJar = pipeline(source, work.resolve("nope.jar").toString(), destination);
    assertEquals(1, missingJar.exitCode(), missingJar::toString);
    assertTrue(
        (missingJar.stdout() + missingJar.stderr()).contains("connector jar not found"),
        missingJar::toString);
  }

  /** Row count of every table of an SQLite file. */
  static Map<String, Long> counts(Path sqlite) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement s = c.createStatement()) {
      List<String> tables = new java.util.ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + t + "\"")) {
          rs.next();
          counts.put(t, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
