package io.c8kit.examples.postgres.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.jdbc.postgres.PgJdbc;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The destination's sync modes against a real server, through the generated connector's {@code
 * write} command: append, overwrite (old table readable until the stream completes), append_dedup,
 * generations, typed columns and special characters; with COPY and with INSERTs.
 */
class PostgresDestinationWriteTest {
  static final String USERS =
      "{\"type\":\"object\",\"properties\":{"
          + "\"id\":{\"type\":\"integer\"},\"name\":{\"type\":[\"string\",\"null\"]},"
          + "\"updated_at\":{\"type\":\"string\",\"format\":\"date-time\","
          + "\"airbyte_type\":\"timestamp_with_timezone\"}}}";

  static PostgresTestServer pg;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    pg = PostgresTestServer.start("c8k_dst_write");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.sql("DROP SCHEMA IF EXISTS " + PgJdbc.quote(pg.schema() + "_ns_\u00e4") + " CASCADE");
      pg.close();
    }
  }

  private Sync.Result run(Sync sync, boolean useCopy) throws Exception {
    Sync.Result r = sync.write(dir, Sync.config(pg, useCopy));
    assertEquals(0, r.exit(), r.toString());
    sync.assertHooksPassed();
    return r;
  }

  /** Polls {@code condition} for up to 30 seconds. */
  static void waitFor(Sync.Condition condition) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.test()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(20);
    }
  }

  private static String user(int id, String name, String at) {
    return "{\"id\":"
        + id
        + ",\"name\":"
        + (name == null ? "null" : "\"" + name + "\"")
        + ",\"updated_at\":\""
        + at
        + "\"}";
  }

  @ParameterizedTest(name = "useCopy={0}")
  @ValueSource(booleans = {true, false})
  void appendAddsRowsAndEchoesEveryState(boolean useCopy) throws Exception {
    String table = "app_" + useCopy;
    Sync first =
        new Sync()
            .stream(table, null, USERS, "append", null, null, 0, 0)
                .record(table, null, user(1, "a", "2024-01-01T00:00:00Z"))
                .record(table, null, user(2, "b", "2024-01-01T00:00:00Z"))
                .state(table, null, 1)
                .record(table, null, user(3, null, "2024-01-02T00:00:00Z"))
                .state(table, null, 2)
                .complete(table, null);
    Sync.Result r = run(first, useCopy);
    List<JsonNode> states = r.states();
    assertEquals(2, states.size(), r.toString());
    assertEquals(1, states.get(0).at("/state/stream/stream_state/marker").asInt());
    assertEquals(2.0, states.get(0).at("/state/destinationStats/recordCount").asDouble());
    assertEquals(1.0, states.get(1).at("/state/destinationStats/recordCount").asDouble());
    assertEquals(3, pg.count("SELECT count(*) FROM " + table));
    run(
        new Sync()
            .stream(table, null, USERS, "append", null, null, 0, 0)
                .record(table, null, user(1, "a2", "2024-01-03T00:00:00Z"))
                .state(table, null, 3)
                .complete(table, null),
        useCopy);
    assertEquals(
        List.of(List.of("1", "a"), List.of("1", "a2"), List.of("2", "b"), Arrays.asList("3", null)),
        pg.rows("SELECT id, name FROM " + table + " ORDER BY id, name"));
  }

  @ParameterizedTest(name = "useCopy={0}")
  @ValueSource(booleans = {true, false})
  void overwriteKeepsTheOldTableReadableUntilTheStreamCompletes(boolean useCopy) throws Exception {
    String table = "ow_" + useCopy;
    run(
        new Sync()
            .stream(table, null, USERS, "overwrite", null, null, 1, 1)
                .record(table, null, user(1, "old1", "2024-01-01T00:00:00Z"))
                .record(table, null, user(2, "old2", "2024-01-01T00:00:00Z"))
                .state(table, null, 1)
                .complete(table, null),
        useCopy);
    List<List<String>> old = pg.rows("SELECT id, name FROM " + table + " ORDER BY id");
    assertEquals(List.of(List.of("1", "old1"), List.of("2", "old2")), old);

    Sync second =
        new Sync()
            .stream(table, null, USERS, "overwrite", null, null, 2, 2)
                .record(table, null, user(3, "new3", "2024-02-01T00:00:00Z"))
                .state(table, null, 2);
    second
        .beforeNext(
            () -> {
              // The input is read on its own thread and flushed every record (C8KIT_FLUSH_RECORDS=1
              // below):
              // wait until the record is committed (in the staging table) …
              waitFor(
                  () ->
                      pg.count(
                                  "SELECT count(*) FROM pg_tables WHERE schemaname = '"
                                      + pg.schema()
                                      + "' AND tablename = '"
                                      + table
                                      + "_c8kit_tmp'")
                              == 1
                          && pg.count("SELECT count(*) FROM " + table + "_c8kit_tmp") == 1);
              // … while readers of the table still see the old data, whole.
              assertEquals(old, pg.rows("SELECT id, name FROM " + table + " ORDER BY id"));
            })
        .complete(table, null);
    System.setProperty("C8KIT_FLUSH_RECORDS", "1");
    try {
      run(second, useCopy);
    } finally {
      System.clearProperty("C8KIT_FLUSH_RECORDS");
    }
    assertEquals(List.of(List.of("3", "new3")), pg.rows("SELECT id, name FROM " + table));

    // A sync in which the stream never completes (the platform reported COMPLETE for another
    // stream only) leaves the last complete data in place, commits what arrived, and fails naming
    // the stream instead of passing for a finished sync (docs/DESTINATIONS.md, "Completion").
    String other = table + "_other";
    Sync.Result partial =
        new Sync()
            .stream(table, null, USERS, "overwrite", null, null, 3, 3).stream(
                    other, null, USERS, "append", null, null, 3, 0)
                .record(table, null, user(4, "partial", "2024-03-01T00:00:00Z"))
                .state(table, null, 3)
                .record(other, null, user(5, "other", "2024-03-01T00:00:00Z"))
                .state(other, null, 4)
                .complete(other, null)
                .write(dir, Sync.config(pg, useCopy));
    assertEquals(1, partial.exit(), partial.toString());
    assertTrue(
        partial
            .stdout()
            .contains("without STREAM_STATUS COMPLETE for stream \\\"" + table + "\\\""),
        partial.stdout());
    assertEquals(1, pg.count("SELECT count(*) FROM " + other));
    assertEquals(List.of(List.of("3", "new3")), pg.rows("SELECT id, name FROM " + table));
  }

  @ParameterizedTest(name = "useCopy={0}")
  @ValueSource(booleans = {true, false})
  void appendDedupLeavesOneRowPerKeyTheLatestByCursor(boolean useCopy) throws Exception {
    String table = "dd_" + useCopy;
    run(
        new Sync()
            .stream(table, null, USERS, "append_dedup", List.of("id"), "updated_at", 0, 0)
                .record(table, null, user(1, "v1", "2024-01-01T00:00:00Z"))
                .record(table, null, user(2, "only", "2024-01-01T00:00:00Z"))
                .record(table, null, user(1, "v3", "2024-01-03T00:00:00Z"))
                .record(table, null, user(1, "v2", "2024-01-02T00:00:00Z"))
                .state(table, null, 1)
                .complete(table, null),
        useCopy);
    assertEquals(
        List.of(List.of("1", "v3"), List.of("2", "only")),
        pg.rows("SELECT id, name FROM " + table + " ORDER BY id"));
    run(
        new Sync()
            .stream(table, null, USERS, "append_dedup", List.of("id"), "updated_at", 0, 0)
                .record(table, null, user(2, "newer", "2024-05-01T00:00:00Z"))
                .record(table, null, user(1, "stale", "2023-01-01T00:00:00Z"))
                .state(table, null, 2)
                .complete(table, null),
        useCopy);
    assertEquals(
        List.of(List.of("1", "v3"), List.of("2", "newer")),
        pg.rows("SELECT id, name FROM " + table + " ORDER BY id"));
    assertEquals(
        pg.count("SELECT count(DISTINCT id) FROM " + table),
        pg.count("SELECT count(*) FROM " + table));
  }

  @Test
  void generationsAreTaggedAndOlderOnesDeletedAtCompletion() throws Exception {
    String table = "gens";
    run(
        new Sync()
            .stream(table, null, USERS, "append", null, null, 1, 0)
                .record(table, null, user(1, "g1", "2024-01-01T00:00:00Z"))
                .state(table, null, 1)
                .complete(table, null),
        true);
    run(
        new Sync()
            .stream(table, null, USERS, "append", null, null, 2, 0)
                .record(table, null, user(2, "g2", "2024-01-01T00:00:00Z"))
                .state(table, null, 2)
                .complete(table, null),
        true);
    assertEquals(
        List.of(List.of("1", "1"), List.of("2", "2")),
        pg.rows("SELECT id, _airbyte_generation_id FROM " + table + " ORDER BY id"));
    // Non-truncating: generation 3 with minimum 2 keeps generations 2 and 3.
    run(
        new Sync()
            .stream(table, null, USERS, "append", null, null, 3, 2)
                .record(table, null, user(3, "g3", "2024-01-01T00:00:00Z"))
                .state(table, null, 3)
                .complete(table, null),
        true);
    assertEquals(
        List.of(List.of("2", "2"), List.of("3", "3")),
        pg.rows("SELECT id, _airbyte_generation_id FROM " + table + " ORDER BY id"));
    // Truncating refresh (minimum == generation): only generation 4 remains.
    run(
        new Sync()
            .stream(table, null, USERS, "append", null, null, 4, 4)
                .record(table, null, user(4, "g4", "2024-01-01T00:00:00Z"))
                .state(table, null, 4)
                .complete(table, null),
        true);
    assertEquals(
        List.of(List.of("4", "4")),
        pg.rows("SELECT id, _airbyte_generation_id FROM " + table + " ORDER BY id"));
  }

  static final String TYPED =
      "{\"type\":\"object\",\"properties\":{"
          + "\"i\":{\"type\":\"integer\"},\"n\":{\"type\":[\"number\",\"null\"]},"
          + "\"b\":{\"type\":\"boolean\"},\"s\":{\"type\":\"string\"},"
          + "\"d\":{\"type\":\"string\",\"format\":\"date\"},"
          + "\"tz\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
          + "\"ts\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"},"
          + "\"t\":{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"},"
          + "\"o\":{\"type\":\"object\",\"properties\":{}},\"a\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}},"
          + "\"any\":{}}}";

  @Test
  void typedColumnsHoldExactValuesWithCopyAndWithInserts() throws Exception {
    String record =
        "{\"i\":9223372036854775807,\"n\":12345678901234567890.123456789,"
            + "\"b\":true,\"s\":\"x\",\"d\":\"2024-02-29\",\"tz\":\"2024-01-15T10:20:30.123456+02:00\","
            + "\"ts\":\"2024-01-15T10:20:30\",\"t\":\"13:45:00\",\"o\":{\"k\":[1,{\"z\":null}]},"
            + "\"a\":[1,2,3],\"any\":\"scalar\"}";
    for (boolean useCopy : new boolean[] {true, false}) {
      String table = "typed_" + useCopy;
      run(
          new Sync()
              .stream(table, null, TYPED, "append", null, null, 0, 0)
                  .record(table, null, record)
                  .record(table, null, "{\"i\":1,\"n\":null,\"b\":false,\"s\":\"\"}")
                  .state(table, null, 1)
                  .complete(table, null),
          useCopy);
    }
    assertEquals(
        List.of(
            List.of("i", "bigint"),
            List.of("n", "numeric"),
            List.of("b", "boolean"),
            List.of("s", "text"),
            List.of("d", "date"),
            List.of("tz", "timestamp with time zone"),
            List.of("ts", "timestamp without time zone"),
            List.of("t", "time without time zone"),
            List.of("o", "jsonb"),
            List.of("a", "jsonb"),
            List.of("any", "jsonb")),
        pg.rows(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '"
                + pg.schema()
                + "' AND table_name = 'typed_true' AND column_name NOT LIKE '\\_airbyte%'"
                + " ORDER BY ordinal_position"));
    String select =
        "SELECT i, n, b, s, d, tz AT TIME ZONE 'UTC', ts, t, o::text, a::text, \"any\"::text"
            + " FROM %s ORDER BY i DESC";
    List<List<String>> withCopy = pg.rows(String.format(select, "typed_true"));
    assertEquals(
        List.of(
            "9223372036854775807",
            "12345678901234567890.123456789",
            "t",
            "x",
            "2024-02-29",
            "2024-01-15 08:20:30.123456",
            "2024-01-15 10:20:30",
            "13:45:00",
            "{\"k\": [1, {\"z\": null}]}",
            "[1, 2, 3]",
            "\"scalar\""),
        withCopy.get(0));
    assertEquals(
        Arrays.asList("1", null, "f", "", null, null, null, null, null, null, null),
        withCopy.get(1));
    assertEquals(withCopy, pg.rows(String.format(select, "typed_false")));
  }

  @Test
  void specialCharactersInNamesAndValues() throws Exception {
    String ns = pg.schema() + "_Ns \u00c4";
    String stream = "Weird Stream-\u00fc \"q\"";
    String schema =
        "{\"type\":\"object\",\"properties\":{\"Field With Spaces\":{\"type\":\"string\"},"
            + "\"quote\\\"d\":{\"type\":\"string\"},\"UPPER\":{\"type\":\"integer\"},"
            + "\"\u00fcn\u00efc\u00f8de\":{\"type\":\"string\"}}}";
    String value =
        "line1\\nline2\\r\\n\\u2028 tab\\t back\\\\slash comma,\\\"quote\\\" nul\\u0000end";
    for (boolean useCopy : new boolean[] {true, false}) {
      run(
          new Sync()
              .stream(stream, ns, schema, "append", null, null, 0, 0)
                  .record(
                      stream,
                      ns,
                      "{\"Field With Spaces\":\""
                          + value
                          + "\",\"quote\\\"d\":\"\\\"\","
                          + "\"UPPER\":"
                          + (useCopy ? 1 : 2)
                          + ",\"\u00fcn\u00efc\u00f8de\":\"\u65e5\u672c\"}")
                  .state(stream, ns, 1)
                  .complete(stream, ns),
          useCopy);
    }
    List<List<String>> tables =
        pg.rows(
            "SELECT table_schema, table_name FROM information_schema.tables"
                + " WHERE table_schema LIKE '"
                + pg.schema()
                + "\\_%'");
    assertEquals(1, tables.size(), tables.toString());
    String qualified =
        PgJdbc.quote(tables.get(0).get(0)) + "." + PgJdbc.quote(tables.get(0).get(1));
    List<List<String>> columns =
        pg.rows(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = '"
                + tables.get(0).get(0)
                + "' AND table_name = '"
                + tables.get(0).get(1).replace("'", "''")
                + "' AND column_name NOT LIKE '\\_airbyte%'"
                + " ORDER BY ordinal_position");
    assertEquals(4, columns.size(), columns.toString());
    List<List<String>> rows = pg.rows("SELECT * FROM " + qualified + " ORDER BY 8");
    String expected = "line1\nline2\r\n\u2028 tab\t back\\slash comma,\"quote\" nulend";
    for (List<String> row :
        pg.rows(
            "SELECT "
                + PgJdbc.quote(columns.get(0).get(0))
                + ", "
                + PgJdbc.quote(columns.get(1).get(0))
                + ", "
                + PgJdbc.quote(columns.get(3).get(0))
                + " FROM "
                + qualified)) {
      assertEquals(List.of(expected, "\"", "\u65e5\u672c"), row);
    }
    assertEquals(2, rows.size());
    assertTrue(tables.get(0).get(0).startsWith(pg.schema()));
  }
}
