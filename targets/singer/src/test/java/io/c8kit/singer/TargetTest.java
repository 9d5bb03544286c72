package io.c8kit.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Singer target contract on a real SQL destination (SQLite). */
class TargetTest {
  @TempDir Path dir;

  private SingerRun target(String input) {
    String config =
        SingerRun.write(dir, "target.json", "{\"path\": \"" + dir.resolve("t.db") + "\"}")
            .toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Target.run(
            new TestDestination(),
            new String[] {"--config", config},
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    return new SingerRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(sb.toString());
      }
    }
    return rows;
  }

  private static final String USERS_SCHEMA =
      "{\"type\": \"SCHEMA\", \"stream\": \"users\", \"schema\": {\"type\": \"object\","
          + " \"properties\": {\"id\": {\"type\": \"integer\"}, \"name\": {\"type\": [\"null\", \"string\"]}}},"
          + " \"key_properties\": [\"id\"]}\n";

  @Test
  void upsertsByKeyAndPrintsTheLatestStateValueAfterCommit() throws Exception {
    SingerRun run =
        target(
            USERS_SCHEMA
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"a\"}}\n"
                + "{\"type\": \"STATE\", \"value\": {\"bookmarks\": {\"users\": {\"n\": 1}}}}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"b\"}, "
                + "\"time_extracted\": \"2024-01-01T00:00:00.000000Z\"}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 2, \"name\": null}}\n"
                + "{\"type\": \"STATE\", \"value\": {\"bookmarks\": {\"users\": {\"n\": 3}}}}\n");
    assertEquals(0, run.code(), run.stderr());
    List<String> lines = run.lines();
    assertEquals("{\"bookmarks\": {\"users\": {\"n\": 3}}}", lines.get(lines.size() - 1));
    assertEquals(List.of("1|b", "2|null"), rows("select id, name from users order by id"));
  }

  @Test
  void anIdleInputStillCommitsAgedRecordsAndPrintsTheirState() throws Exception {
    String config =
        SingerRun.write(dir, "target.json", "{\"path\": \"" + dir.resolve("t.db") + "\"}")
            .toString();
    java.io.PipedOutputStream input = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(input, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String previous = System.setProperty("C8KIT_FLUSH_SECONDS", "0.2");
    int[] code = {-1};
    Thread target =
        new Thread(
            () ->
                code[0] =
                    Target.run(
                        new TestDestination(), new String[] {"--config", config}, stdin, out, err));
    try {
      target.start();
      input.write(
          (USERS_SCHEMA
                  + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"a\"}}\n"
                  + "{\"type\": \"STATE\", \"value\": {\"n\": 1}}\n")
              .getBytes(StandardCharsets.UTF_8));
      input.flush();
      // no more input, no end of input: only the age of the buffered record can commit it
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!out.toString(StandardCharsets.UTF_8).contains("{\"n\": 1}")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(
          "{\"n\": 1}\n",
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
      assertEquals(List.of("1|a"), rows("select id, name from users"));
    } finally {
      input.close();
      target.join(20_000);
      if (previous == null) {
        System.clearProperty("C8KIT_FLUSH_SECONDS");
      } else {
        System.setProperty("C8KIT_FLUSH_SECONDS", previous);
      }
    }
    assertEquals(0, code[0], err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void appendsWithoutKeys() throws Exception {
    SingerRun run =
        target(
            "{\"type\": \"SCHEMA\", \"stream\": \"log\", \"schema\": {\"properties\": "
                + "{\"m\": {\"type\": \"string\"}}}, \"key_properties\": []}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"log\", \"record\": {\"m\": \"x\"}}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"log\", \"record\": {\"m\": \"x\"}}\n");
    assertEquals(0, run.code(), run.stderr());
    assertEquals(List.of("x", "x"), rows("select m from log"));
  }

  @Test
  void activateVersionReplacesTheTableAndAnUnactivatedVersionIsNotApplied() throws Exception {
    String v1 =
        USERS_SCHEMA
            + "{\"type\": \"ACTIVATE_VERSION\", \"stream\": \"users\", \"version\": 1}\n"
            + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"a\"}, \"version\": 1}\n"
            + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 2, \"name\": \"b\"}, \"version\": 1}\n"
            + "{\"type\": \"ACTIVATE_VERSION\", \"stream\": \"users\", \"version\": 1}\n"
            + "{\"type\": \"STATE\", \"value\": {\"v\": 1}}\n";
    assertEquals(0, target(v1).code());
    assertEquals(List.of("1", "2"), rows("select id from users order by id"));
    SingerRun v2 =
        target(
            USERS_SCHEMA
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 3, \"name\": \"c\"}, \"version\": 2}\n"
                + "{\"type\": \"ACTIVATE_VERSION\", \"stream\": \"users\", \"version\": 2}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 4, \"name\": \"d\"}, \"version\": 3}\n");
    assertEquals(0, v2.code(), v2.stderr());
    assertEquals(List.of("3"), rows("select id from users order by id"));
    assertTrue(v2.stderr().contains("version 3 got no ACTIVATE_VERSION"), v2.stderr());
  }

  @Test
  void newStreamsMidInputAreLoadedInANewSegment() throws Exception {
    SingerRun run =
        target(
            USERS_SCHEMA
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"a\"}}\n"
                + "{\"type\": \"STATE\", \"value\": {\"s\": 1}}\n"
                + "{\"type\": \"SCHEMA\", \"stream\": \"items\", \"schema\": {\"properties\": {\"k\": {\"type\": \"integer\"}}},"
                + " \"key_properties\": [\"k\"]}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"items\", \"record\": {\"k\": 7}}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 2, \"name\": \"b\"}}\n"
                + "{\"type\": \"STATE\", \"value\": {\"s\": 2}}\n");
    assertEquals(0, run.code(), run.stderr());
    assertEquals(List.of("{\"s\": 1}", "{\"s\": 2}"), run.lines());
    assertEquals(List.of("1", "2"), rows("select id from users order by id"));
    assertEquals(List.of("7"), rows("select k from items"));
  }

  @Test
  void malformedLineIsNamedAndCommittedDataIsKept() throws Exception {
    StringBuilder input = new StringBuilder(USERS_SCHEMA);
    input.append(
        "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 1, \"name\": \"a\"}}\n");
    input.append("{\"type\": \"STATE\", \"value\": {\"s\": 1}}\n");
    // a first run commits; the second breaks on its line 3
    assertEquals(0, target(input.toString()).code());
    SingerRun broken =
        target(
            USERS_SCHEMA
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 5, \"name\": \"x\"}}\n"
                + "{\"type\": \"RECORD\", \"stream\": \"users\", \"record\": {\"id\": 6\n");
    assertEquals(1, broken.code());
    assertTrue(
        broken.stderr().contains("CRITICAL Singer input line 3: not valid JSON"), broken.stderr());
    assertEquals("", broken.stdout());
    // the record before the bad line is committed (no progress thrown away), the bad one is not
    assertEquals(List.of("1", "5"), rows("select id from users order by id"));
  }

  @Test
  void missingRequiredKeysRecordsBeforeSchemaAndBatchAreErrors() {
    SingerRun noStream = target("{\"type\": \"RECORD\", \"record\": {}}\n");
    assertEquals(1, noStream.code());
    assertEquals(
        "CRITICAL Singer input line 1: RECORD message is missing required key 'stream'\n",
        noStream.stderr());
    SingerRun noSchema = target("{\"type\": \"RECORD\", \"stream\": \"x\", \"record\": {}}\n");
    assertTrue(
        noSchema.stderr().contains("line 1: RECORD for stream \"x\" before any SCHEMA"),
        noSchema.stderr());
    SingerRun batch =
        target(
            "{\"type\": \"BATCH\", \"stream\": \"x\", \"filepath\": \"/tmp/f\", \"format\": \"jsonl\"}\n");
    assertEquals(1, batch.code());
    assertTrue(batch.stderr().contains("BATCH messages are not supported"), batch.stderr());
    SingerRun unknown = target("{\"type\": \"FOO\"}\n");
    assertEquals(0, unknown.code());
    assertTrue(
        unknown.stderr().contains("WARNING Ignoring messages of unknown type FOO"),
        unknown.stderr());
  }

  @Test
  void tapPipedIntoTargetResumesWithoutLossOrDuplicates() throws Exception {
    String tapConfig =
        SingerRun.write(dir, "tap.json", "{\"api_key\": \"k\", \"count\": 4}").toString();
    SingerRun first = SingerRun.tap("-c", tapConfig);
    SingerRun loaded = target(first.stdout());
    assertEquals(0, loaded.code(), loaded.stderr());
    String state = loaded.lines().get(loaded.lines().size() - 1);
    assertEquals(List.of("1", "2", "3", "4"), rows("select id from users order by id"));
    assertEquals(List.of("1", "2", "3"), rows("select id from shop_items order by id"));
    String tapConfig2 =
        SingerRun.write(dir, "tap.json", "{\"api_key\": \"k\", \"count\": 6}").toString();
    String stateFile = SingerRun.write(dir, "state.json", state).toString();
    SingerRun second = SingerRun.tap("-c", tapConfig2, "--state", stateFile);
    assertEquals(
        3,
        second.ofType("RECORD").stream()
            .filter(r -> r.get("stream").asText().equals("users"))
            .count(),
        "resumes at the bookmark (>=, the boundary record again)");
    assertEquals(0, target(second.stdout()).code());
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), rows("select id from users order by id"));
    assertEquals(List.of("1", "2", "3"), rows("select id from shop_items order by id"));
  }
}
