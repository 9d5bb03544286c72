package io.c8kit.jdbc;

import static io.c8kit.jdbc.SqliteHarness.assertIncomplete;
import static io.c8kit.jdbc.SqliteHarness.catalog;
import static io.c8kit.jdbc.SqliteHarness.complete;
import static io.c8kit.jdbc.SqliteHarness.incomplete;
import static io.c8kit.jdbc.SqliteHarness.lines;
import static io.c8kit.jdbc.SqliteHarness.record;
import static io.c8kit.jdbc.SqliteHarness.state;
import static io.c8kit.jdbc.SqliteHarness.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.Protocol;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JdbcSyncWriter} with {@link SqliteDialect} on real SQLite files, driven by the write
 * engine.
 */
class JdbcSyncWriterSqliteTest {
  private static final String ID_V = "\"id\":{\"type\":\"integer\"},\"v\":{\"type\":\"string\"}";

  @TempDir Path dir;
  SqliteHarness db;

  @BeforeEach
  void setUp() {
    db = new SqliteHarness(dir);
  }

  private static String rec(String stream, int id, String v) {
    return record(stream, "{\"id\":" + id + ",\"v\":\"" + v + "\"}", 1_700_000_000_000L);
  }

  private List<Object> ids(String table) throws SQLException {
    return db.column("SELECT id FROM \"" + table + "\" ORDER BY rowid");
  }

  // ------------------------------------------------------------------ append, types, metadata

  @Test
  void appendCreatesATypedTableWithMetadataColumns() throws Exception {
    String props =
        "\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\"score\":{\"type\":\"number\"},"
            + "\"ok\":{\"type\":\"boolean\"},\"born\":{\"type\":\"string\",\"format\":\"date\"},"
            + "\"at\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"local\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"},"
            + "\"t\":{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"},"
            + "\"tags\":{\"type\":\"array\"},\"obj\":{\"type\":\"object\"},\"maybe\":{\"type\":[\"null\",\"integer\"]},"
            + "\"big\":{\"type\":\"number\"}";
    String data =
        "{\"id\":1,\"name\":\"a\",\"score\":1.25,\"ok\":true,\"born\":\"2000-02-29\","
            + "\"at\":\"2024-01-31T23:59:59.5+02:00\",\"local\":\"2024-01-31T10:00:00\",\"t\":\"10:11:12\","
            + "\"tags\":[1,\"x\"],\"obj\":{\"k\":{\"n\":null}},\"maybe\":null,\"big\":12345678901234,\"extra\":\"ignored\"}";
    List<JsonNode> out =
        db.sync(
            catalog(stream("users", "append", props, "")),
            lines(record("users", data, 1_700_000_000_123L), state("users", 1)));

    Map<String, String> cols = db.columns("users");
    assertEquals(
        List.of(
            "_airbyte_raw_id",
            "_airbyte_extracted_at",
            "_airbyte_loaded_at",
            "_airbyte_meta",
            "_airbyte_generation_id",
            "id",
            "name",
            "score",
            "ok",
            "born",
            "at",
            "local",
            "t",
            "tags",
            "obj",
            "maybe",
            "big"),
        new ArrayList<>(cols.keySet()));
    assertEquals("INTEGER", cols.get("id"));
    assertEquals("NUMERIC", cols.get("score"));
    assertEquals("BOOLEAN", cols.get("ok"));
    assertEquals("TIMESTAMPTZ", cols.get("at"));
    assertEquals("TIMESTAMP", cols.get("local"));
    assertEquals("TIME", cols.get("t"));
    assertEquals("DATE", cols.get("born"));
    assertEquals("JSON", cols.get("tags"));
    assertEquals("TEXT", cols.get("name"));
    assertEquals("TEXT", cols.get("_airbyte_raw_id"));
    assertEquals("TIMESTAMPTZ", cols.get("_airbyte_extracted_at"));
    assertEquals("JSON", cols.get("_airbyte_meta"));
    assertEquals("INTEGER", cols.get("_airbyte_generation_id"));

    Map<String, Object> row = db.query("SELECT * FROM users").get(0);
    assertEquals(1, ((Number) row.get("id")).intValue());
    assertEquals("a", row.get("name"));
    assertEquals(1.25, ((Number) row.get("score")).doubleValue());
    assertEquals(12345678901234L, ((Number) row.get("big")).longValue());
    assertEquals(1, ((Number) row.get("ok")).intValue());
    assertEquals("2000-02-29", row.get("born"));
    assertEquals("2024-01-31T21:59:59.500000Z", row.get("at"));
    assertEquals("2024-01-31T10:00:00.000000", row.get("local"));
    assertEquals("10:11:12.000000", row.get("t"));
    assertEquals("[1,\"x\"]", row.get("tags"));
    assertEquals("{\"k\":{\"n\":null}}", row.get("obj"));
    assertNull(row.get("maybe"));
    assertTrue(
        ((String) row.get("_airbyte_raw_id"))
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    assertEquals("2023-11-14T22:13:20.123000Z", row.get("_airbyte_extracted_at"));
    assertNotNull(row.get("_airbyte_loaded_at"));
    assertEquals("{\"sync_id\":0,\"changes\":[]}", row.get("_airbyte_meta"));
    assertEquals(0, ((Number) row.get("_airbyte_generation_id")).intValue());

    JsonNode echoed =
        out.stream().filter(m -> m.path("type").asText().equals("STATE")).findFirst().orElseThrow();
    assertEquals(1001, echoed.path("state").path("id").asInt());
    assertEquals(1.0, echoed.path("state").path("destinationStats").path("recordCount").asDouble());
  }

  @Test
  void appendAddsRowsOnEverySync() throws Exception {
    String catalog = catalog(stream("t", "append", ID_V, ""));
    db.sync(catalog, lines(rec("t", 1, "a"), rec("t", 2, "b")));
    db.sync(catalog, lines(rec("t", 3, "c")));
    assertEquals(List.of(1, 2, 3), ids("t"));
    assertEquals(List.of("t"), db.tables());
  }

  @Test
  void aLargeBatchIsLoaded() throws Exception {
    List<String> input = new ArrayList<>();
    for (int i = 0; i < 25_000; i++) {
      input.add(rec("t", i, "v" + i));
    }
    db.sync(catalog(stream("t", "append", ID_V, "")), lines(input.toArray(String[]::new)));
    assertEquals(25_000, ((Number) db.column("SELECT COUNT(*) FROM t").get(0)).intValue());
    assertEquals(24_999, ((Number) db.column("SELECT MAX(id) FROM t").get(0)).intValue());
  }

  // ------------------------------------------------------------------ overwrite

  /**
   * Wraps the JDBC writer to look at the database from a second connection just before complete.
   */
  private final class Probing implements SyncWriter {
    final JdbcSyncWriter inner;
    final Map<String, List<Object>> beforeComplete = new HashMap<>();
    final String probeSql;

    Probing(JdbcSyncWriter inner, String probeSql) {
      this.inner = inner;
      this.probeSql = probeSql;
    }

    @Override
    public void open(DestinationStream stream) throws Exception {
      inner.open(stream);
    }

    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) throws Exception {
      inner.write(stream, batch);
    }

    @Override
    public void complete(DestinationStream stream) throws Exception {
      beforeComplete.put(
          stream.name(), db.column(probeSql.replace("$T", inner.table(stream).table().name())));
      inner.complete(stream);
    }

    @Override
    public void close() throws Exception {
      inner.close();
    }
  }

  private Probing syncProbing(String catalogJson, String input, String probeSql) throws Exception {
    Probing[] probe = new Probing[1];
    SqliteHarness.Connector connector =
        db.connector(
            ctx ->
                probe[0] =
                    new Probing(
                        new JdbcSyncWriter(
                            () -> DriverManager.getConnection(db.url), db.dialect, ctx),
                        probeSql));
    io.c8kit.runtime.write.EchoOutput out =
        new io.c8kit.runtime.write.EchoOutput(java.io.OutputStream.nullOutputStream());
    io.c8kit.runtime.write.TestLines.write(
        connector,
        null,
        Protocol.mapper().readValue(catalogJson, io.c8kit.protocol.ConfiguredAirbyteCatalog.class),
        new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        out);
    return probe[0];
  }

  @Test
  void overwriteReplacesTheTableAtCompletionAndLeavesOtherStreamsAlone() throws Exception {
    String catalog =
        catalog(stream("users", "overwrite", ID_V, ""), stream("logs", "append", ID_V, ""));
    db.sync(
        catalog,
        lines(
            rec("users", 1, "a"),
            rec("users", 2, "b"),
            rec("logs", 10, "x"),
            complete("users"),
            complete("logs")));
    assertEquals(List.of(1, 2), ids("users"));

    Probing probe =
        syncProbing(
            catalog,
            lines(
                rec("users", 3, "c"),
                rec("logs", 11, "y"),
                state("users", 1),
                complete("users"),
                complete("logs")),
            "SELECT id FROM \"$T\" ORDER BY rowid");
    assertEquals(
        List.of(1, 2), probe.beforeComplete.get("users"), "old data readable until complete");
    assertEquals(List.of(3), ids("users"));
    assertEquals(List.of(10, 11), ids("logs"));
    assertEquals(List.of("logs", "users"), db.tables(), "no staging table left");
  }

  @Test
  void overwriteOfAnEmptyStreamEmptiesTheTable() throws Exception {
    String catalog = catalog(stream("users", "overwrite", ID_V, ""));
    db.sync(catalog, lines(rec("users", 1, "a"), complete("users")));
    db.sync(catalog, lines(complete("users")));
    assertEquals(List.of(), ids("users"));
  }

  @Test
  void anIncompleteOverwriteKeepsTheOldDataAndTheRetryResumesItsGeneration() throws Exception {
    String gen = ",\"generation_id\":6,\"minimum_generation_id\":6,\"sync_id\":60";
    db.sync(
        catalog(
            stream("users", "overwrite", ID_V, ",\"generation_id\":5,\"minimum_generation_id\":5")),
        lines(rec("users", 1, "a"), rec("users", 2, "b"), complete("users")));
    // attempt 1 of generation 6 fails upstream: committed records wait in the staging table
    SqliteHarness.Attempt failed =
        db.attempt(
            catalog(stream("users", "overwrite", ID_V, gen)),
            lines(
                rec("users", 3, "c"),
                rec("users", 4, "d"),
                state("users", 1),
                incomplete("users")));
    assertIncomplete(failed, "users");
    assertEquals(1, failed.states().size());
    assertEquals(List.of(1, 2), ids("users"));
    assertTrue(db.tables().contains("users_c8kit_tmp"));
    // attempt 2 resumes after the echoed state
    db.sync(
        catalog(stream("users", "overwrite", ID_V, gen)),
        lines(rec("users", 5, "e"), complete("users")));
    assertEquals(List.of(3, 4, 5), ids("users"));
    assertEquals(List.of(6), db.column("SELECT DISTINCT _airbyte_generation_id FROM users"));
    assertEquals(
        List.of("{\"sync_id\":60,\"changes\":[]}"),
        db.column("SELECT DISTINCT _airbyte_meta FROM users"));
    assertEquals(List.of("users"), db.tables());
  }

  @Test
  void withoutGenerationsALeftoverStagingTableIsNotResumed() throws Exception {
    String catalog = catalog(stream("users", "overwrite", ID_V, ""));
    assertIncomplete(
        db.attempt(catalog, lines(rec("users", 1, "a"), incomplete("users"))), "users");
    db.sync(catalog, lines(rec("users", 2, "b"), complete("users")));
    assertEquals(List.of(2), ids("users"));
  }

  @Test
  void aStagingTableOfAnotherGenerationIsRecreated() throws Exception {
    assertIncomplete(
        db.attempt(
            catalog(
                stream(
                    "users",
                    "overwrite",
                    ID_V,
                    ",\"generation_id\":1,\"minimum_generation_id\":1")),
            lines(rec("users", 1, "a"), incomplete("users"))),
        "users");
    db.sync(
        catalog(
            stream("users", "overwrite", ID_V, ",\"generation_id\":2,\"minimum_generation_id\":2")),
        lines(rec("users", 2, "b"), complete("users")));
    assertEquals(List.of(2), ids("users"));
  }

  // ------------------------------------------------------------------ append_dedup

  @Test
  void appendDedupKeepsTheLatestRowPerKey() throws Exception {
    String props =
        "\"id\":{\"type\":\"integer\"},\"updated\":{\"type\":[\"null\",\"integer\"]},\"v\":{\"type\":\"string\"}";
    String catalog =
        catalog(
            stream(
                "t",
                "append_dedup",
                props,
                ",\"primary_key\":[[\"id\"]],\"cursor_field\":[\"updated\"]"));
    db.sync(
        catalog,
        lines(
            record("t", "{\"id\":1,\"updated\":5,\"v\":\"a\"}", 1000),
            record(
                "t",
                "{\"id\":1,\"updated\":3,\"v\":\"b\"}",
                1000), // older cursor arrives later: loses
            record("t", "{\"id\":2,\"updated\":1,\"v\":\"c\"}", 1000),
            record(
                "t",
                "{\"id\":2,\"updated\":1,\"v\":\"d\"}",
                1000), // full tie: the later insert wins
            record("t", "{\"id\":3,\"updated\":null,\"v\":\"e\"}", 5000), // a NULL cursor loses
            record("t", "{\"id\":3,\"updated\":0,\"v\":\"f\"}", 1000),
            record(
                "t",
                "{\"id\":4,\"updated\":7,\"v\":\"g\"}",
                2000), // same cursor: later extracted_at wins
            record("t", "{\"id\":4,\"updated\":7,\"v\":\"h\"}", 1000),
            complete("t")));
    assertEquals(
        List.of("1:a", "2:d", "3:f", "4:g"), db.column("SELECT id || ':' || v FROM t ORDER BY id"));
    db.sync(
        catalog,
        lines(
            record("t", "{\"id\":1,\"updated\":6,\"v\":\"z\"}", 3000),
            record("t", "{\"id\":5,\"updated\":1,\"v\":\"n\"}", 3000),
            complete("t")));
    assertEquals(
        List.of("1:z", "2:d", "3:f", "4:g", "5:n"),
        db.column("SELECT id || ':' || v FROM t ORDER BY id"));
  }

  @Test
  void appendDedupWithCompositeAndNestedKeys() throws Exception {
    String props =
        "\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"},\"obj\":{\"type\":\"object\"},"
            + "\"v\":{\"type\":\"string\"}";
    db.sync(
        catalog(
            stream("c", "append_dedup", props, ",\"primary_key\":[[\"a\"],[\"b\"]]"),
            stream("n", "append_dedup", props, ",\"primary_key\":[[\"obj\",\"k\"]]")),
        lines(
            record("c", "{\"a\":1,\"b\":\"x\",\"v\":\"1\"}", 1),
            record("c", "{\"a\":1,\"b\":\"y\",\"v\":\"2\"}", 1),
            record("c", "{\"a\":1,\"b\":\"x\",\"v\":\"3\"}", 1),
            record("n", "{\"obj\":{\"k\":\"p\"},\"v\":\"1\"}", 1),
            record("n", "{\"obj\":{\"k\":\"q\"},\"v\":\"2\"}", 1),
            record("n", "{\"obj\":{\"k\":\"p\",\"other\":1},\"v\":\"3\"}", 1)));
    assertEquals(List.of("1x3", "1y2"), db.column("SELECT a || b || v FROM c ORDER BY b"));
    assertEquals(List.of("2", "3"), db.column("SELECT v FROM n ORDER BY v"));
  }

  @Test
  void appendDedupNeedsItsKeyInTheSchema() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                db.sync(
                    catalog(stream("t", "append_dedup", ID_V, ",\"primary_key\":[[\"missing\"]]")),
                    ""));
    assertTrue(e.getMessage().contains("primary key missing is not a property"), e.getMessage());
  }

  // ------------------------------------------------------------------ generations

  @Test
  void aTruncatingRefreshReplacesOlderGenerationsOnlyAtCompletion() throws Exception {
    db.sync(
        catalog(stream("t", "append", ID_V, ",\"generation_id\":1,\"minimum_generation_id\":0")),
        lines(rec("t", 1, "a"), complete("t")));
    Probing probe =
        syncProbing(
            catalog(
                stream("t", "append", ID_V, ",\"generation_id\":2,\"minimum_generation_id\":2")),
            lines(rec("t", 2, "b"), complete("t")),
            "SELECT _airbyte_generation_id FROM \"$T\"");
    assertEquals(List.of(1), probe.beforeComplete.get("t"));
    assertEquals(List.of(2), db.column("SELECT _airbyte_generation_id FROM t"));
    assertEquals(List.of(2), ids("t"));
  }

  @Test
  void minimumGenerationDeletesOlderRowsInPlaceAtCompletionOnly() throws Exception {
    db.sync(catalog(stream("t", "append", ID_V, ",\"generation_id\":1")), lines(rec("t", 1, "a")));
    db.sync(catalog(stream("t", "append", ID_V, ",\"generation_id\":2")), lines(rec("t", 2, "b")));
    Probing probe =
        syncProbing(
            catalog(
                stream("t", "append", ID_V, ",\"generation_id\":3,\"minimum_generation_id\":2")),
            lines(rec("t", 3, "c"), complete("t")),
            "SELECT id FROM \"$T\" ORDER BY rowid");
    assertEquals(List.of(1, 2, 3), probe.beforeComplete.get("t"));
    assertEquals(List.of(2, 3), ids("t"));
    // a sync that does not complete deletes nothing
    assertIncomplete(
        db.attempt(
            catalog(
                stream("t", "append", ID_V, ",\"generation_id\":4,\"minimum_generation_id\":4")),
            lines(rec("t", 4, "d"), incomplete("t"))),
        "t");
    assertEquals(List.of(2, 3), ids("t"));
  }

  // ------------------------------------------------------------------ values

  @Test
  void lineBreaksAndUnicodeRoundTrip() throws Exception {
    String[] values = {
      "a\u2028b\u2029c",
      "line1\nline2",
      "cr\rhere",
      "crlf\r\nend",
      "emoji 😀👍🏽",
      "quote \" ' \\",
      "tab\tend",
      "中文 العربية",
      "",
      "nul\u0000inside",
      " leading and trailing "
    };
    List<String> input = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      input.add(
          record(
              "t",
              "{\"id\":"
                  + i
                  + ",\"v\":"
                  + SqliteHarness.json(values[i])
                  + ",\"j\":{\"k\":"
                  + SqliteHarness.json(values[i])
                  + "}}",
              1));
    }
    // a raw (unescaped) U+2028 inside a JSON string is valid JSON and must not split the line
    input.add(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"t\",\"data\":{\"id\":99,\"v\":\"raw\u2028sep\"},\"emitted_at\":1}}");
    db.sync(
        catalog(stream("t", "append", ID_V + ",\"j\":{\"type\":\"object\"}", "")),
        lines(input.toArray(String[]::new)));
    List<Object> stored = db.column("SELECT v FROM t ORDER BY id");
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i], stored.get(i), "value " + i);
    }
    assertEquals("raw\u2028sep", stored.get(values.length));
    List<Object> json = db.column("SELECT j FROM t WHERE id < 99 ORDER BY id");
    for (int i = 0; i < values.length; i++) {
      assertEquals(
          values[i],
          Protocol.mapper().readTree((String) json.get(i)).path("k").asText(),
          "json " + i);
    }
  }

  @Test
  void valuesThatDoNotCastBecomeNullWithAMetaChange() throws Exception {
    String props =
        "\"id\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"b\":{\"type\":\"boolean\"},"
            + "\"d\":{\"type\":\"string\",\"format\":\"date\"},\"ts\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"s\":{\"type\":\"string\"}";
    db.sync(
        catalog(stream("t", "append", props, "")),
        lines(
            record(
                "t",
                "{\"id\":\"two\",\"n\":\"1e3\",\"b\":\"TRUE\",\"d\":\"2020-13-45\",\"ts\":\"2020-01-01 10:00:00+0100\",\"s\":42}",
                1),
            record(
                "t",
                "{\"id\":{\"id\":4},\"n\":\"abc\",\"b\":1,\"d\":\"2020-02-02\",\"ts\":\"yesterday\",\"s\":{\"x\":1}}",
                1),
            record(
                "t", "{\"id\":\"42\",\"n\":0.1,\"b\":false,\"ts\":\"2020-01-01\",\"s\":true}", 1),
            record("t", "{\"id\":3.0,\"n\":null}", 1),
            record("t", "{\"id\":3.5}", 1),
            "{\"type\":\"RECORD\",\"record\":{\"stream\":\"t\",\"data\":{\"id\":9},\"emitted_at\":1,\"meta\":{\"changes\":"
                + "[{\"field\":\"s\",\"change\":\"TRUNCATED\",\"reason\":\"SOURCE_FIELD_SIZE_LIMITATION\"}]}}}"));
    List<Map<String, Object>> rows = db.query("SELECT * FROM t ORDER BY rowid");
    assertEquals(6, rows.size(), "no row is lost");

    Map<String, Object> r0 = rows.get(0);
    assertNull(r0.get("id"));
    assertEquals(1000, ((Number) r0.get("n")).intValue());
    assertEquals(1, ((Number) r0.get("b")).intValue());
    assertNull(r0.get("d"));
    assertEquals("2020-01-01T09:00:00.000000Z", r0.get("ts"));
    assertEquals("42", r0.get("s"));
    assertEquals(Set.of("id", "d"), changedFields(r0));

    Map<String, Object> r1 = rows.get(1);
    assertNull(r1.get("id"));
    assertNull(r1.get("n"));
    assertNull(r1.get("b"));
    assertEquals("2020-02-02", r1.get("d"));
    assertNull(r1.get("ts"));
    assertEquals("{\"x\":1}", r1.get("s"));
    assertEquals(Set.of("id", "n", "b", "ts"), changedFields(r1));
    JsonNode change =
        Protocol.mapper().readTree((String) r1.get("_airbyte_meta")).path("changes").get(0);
    assertEquals("NULLED", change.path("change").asText());
    assertEquals("DESTINATION_TYPECAST_ERROR", change.path("reason").asText());

    Map<String, Object> r2 = rows.get(2);
    assertEquals(42, ((Number) r2.get("id")).intValue());
    assertEquals(0.1, ((Number) r2.get("n")).doubleValue());
    assertEquals(0, ((Number) r2.get("b")).intValue());
    assertEquals("2020-01-01T00:00:00.000000Z", r2.get("ts"));
    assertEquals("true", r2.get("s"));
    assertEquals(Set.of(), changedFields(r2));

    assertEquals(3, ((Number) rows.get(3).get("id")).intValue());
    assertNull(rows.get(4).get("id"));
    assertEquals(Set.of("id"), changedFields(rows.get(4)));

    JsonNode sourceChange =
        Protocol.mapper()
            .readTree((String) rows.get(5).get("_airbyte_meta"))
            .path("changes")
            .get(0);
    assertEquals(
        "SOURCE_FIELD_SIZE_LIMITATION",
        sourceChange.path("reason").asText(),
        "source changes are kept");
  }

  private static Set<String> changedFields(Map<String, Object> row) throws Exception {
    Set<String> fields = new java.util.HashSet<>();
    for (JsonNode c :
        Protocol.mapper().readTree((String) row.get("_airbyte_meta")).path("changes")) {
      fields.add(c.path("field").asText());
    }
    return fields;
  }

  /** Our own equivalent of the acceptance-test stream with generation ids and broken values. */
  @Test
  void anOverwriteWithGenerationIdsAndBrokenValuesLoadsEveryRecord() throws Exception {
    String catalog =
        "{\"streams\":[{\"stream\":{\"name\":\"people\",\"json_schema\":{\"properties\":"
            + "{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"}}}},\"sync_mode\":\"full_refresh\","
            + "\"cursor_field\":[],\"destination_sync_mode\":\"overwrite\",\"primary_key\":[],\"generation_id\":42}]}";
    List<JsonNode> out =
        db.sync(
            catalog,
            lines(
                "{\"type\": \"RECORD\", \"record\": {\"stream\": \"people\", \"emitted_at\": 1721428633000, \"data\": { \"id\" : 1, \"name\": \"Ada\" }}}",
                "{\"type\": \"RECORD\", \"record\": {\"stream\": \"people\", \"emitted_at\": 1721428634000, \"data\": { \"id\" : \"one\", \"name\": \"Grace\" }}}",
                "{\"type\": \"RECORD\", \"record\": {\"meta\": {\"changes\": [{\"field\": \"name\", \"change\": \"NULLED\", \"reason\": \"SOURCE_SERIALIZATION_ERROR\"}]}, \"stream\": \"people\", \"emitted_at\": 1721428635000, \"data\": { \"id\": { \"nested\": 3 } }, \"name\": null }}",
                "{\"type\": \"STATE\", \"state\": { \"data\": {\"start\": \"2024-07-19\"}}}",
                "{\"type\": \"TRACE\", \"trace\": { \"type\": \"STREAM_STATUS\", \"stream_status\": {\"stream_descriptor\": {\"name\": \"people\"}, \"status\": \"COMPLETE\"}, \"emitted_at\": 1721428636000}}"));
    assertEquals(3, ((Number) db.column("SELECT COUNT(*) FROM people").get(0)).intValue());
    assertEquals(List.of(42), db.column("SELECT DISTINCT _airbyte_generation_id FROM people"));
    assertEquals(
        List.of("Ada", "Grace"),
        db.column("SELECT name FROM people WHERE name IS NOT NULL ORDER BY name"));
    JsonNode state =
        out.stream().filter(m -> m.path("type").asText().equals("STATE")).findFirst().orElseThrow();
    assertEquals("2024-07-19", state.at("/state/data/start").asText());
    assertEquals(3.0, state.at("/state/destinationStats/recordCount").asDouble());
  }

  /**
   * Records handed over as a plain list (trees) are stored exactly like the engine's byte batches.
   */
  @Test
  void theTreePathAndTheStreamingPathStoreTheSameValues() throws Exception {
    String props =
        "\"i\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"b\":{\"type\":\"boolean\"},"
            + "\"s\":{\"type\":\"string\"},\"ts\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"d\":{\"type\":\"string\",\"format\":\"date\"},\"j\":{\"type\":[\"object\",\"array\"]}";
    String[] data = {
      "{\"i\":1,\"n\":1.50,\"b\":true,\"s\":\"x\",\"ts\":\"2024-01-01T00:00:00+01:00\",\"d\":\"2024-02-29\",\"j\":{\"a\":[1,2.50]}}",
      "{\"i\":\"7\",\"n\":\"2e3\",\"b\":\"false\",\"s\":12.50,\"ts\":\"bad\",\"d\":5,\"j\":[null]}",
      "{\"i\":99999999999999999999,\"n\":123456789012345678901234567890,\"b\":null,\"s\":{\"o\":1},\"j\":\"t\"}",
      "{\"i\":1.5,\"n\":true,\"b\":0,\"s\":false,\"extra\":{\"deep\":[1,{\"x\":2}]},\"i\":2}"
    };
    String catalog = catalog(stream("t", "append", props, ""));
    List<String> lines = new ArrayList<>();
    for (String d : data) {
      lines.add(record("t", d, 1));
    }
    db.sync(catalog, lines(lines.toArray(String[]::new)));
    List<Map<String, Object>> streamed =
        db.query("SELECT i, n, b, s, ts, d, j, _airbyte_meta FROM t ORDER BY rowid");

    SqliteHarness other = new SqliteHarness(dir.resolve("other"));
    java.nio.file.Files.createDirectories(dir.resolve("other"));
    io.c8kit.protocol.ConfiguredAirbyteCatalog parsed =
        Protocol.mapper().readValue(catalog, io.c8kit.protocol.ConfiguredAirbyteCatalog.class);
    DestinationStream stream =
        new DestinationStream(
            "t",
            null,
            (com.fasterxml.jackson.databind.node.ObjectNode)
                parsed.streams.get(0).stream.jsonSchema,
            io.c8kit.protocol.SyncMode.INCREMENTAL,
            io.c8kit.protocol.DestinationSyncMode.APPEND,
            null,
            null,
            0,
            0,
            0);
    com.fasterxml.jackson.databind.ObjectReader trees =
        Protocol.mapper()
            .reader()
            .without(
                com.fasterxml.jackson.databind.cfg.JsonNodeFeature
                    .STRIP_TRAILING_BIGDECIMAL_ZEROES);
    List<DestinationRecord> records = new ArrayList<>();
    for (String d : data) {
      records.add(
          new DestinationRecord(
              (com.fasterxml.jackson.databind.node.ObjectNode) trees.readTree(d),
              1,
              null,
              d.length()));
    }
    try (JdbcSyncWriter w =
        new JdbcSyncWriter(
            () -> DriverManager.getConnection(other.url),
            new SqliteDialect(),
            () -> List.of(stream))) {
      w.open(stream);
      w.write(stream, records);
    }
    assertEquals(
        streamed, other.query("SELECT i, n, b, s, ts, d, j, _airbyte_meta FROM t ORDER BY rowid"));
    assertEquals("{\"a\":[1,2.50]}", streamed.get(0).get("j"));
  }

  /**
   * Timestamps made straight from the text, and JSON columns copied from the tokens, store exactly
   * what the java.time values and the trees stored: every shape, invalid ones NULL with the same
   * change.
   */
  @Test
  void timestampTextAndJsonCopiesStoreWhatJavaTimeAndTreesStored() throws Exception {
    String props =
        "\"id\":{\"type\":\"integer\"},\"ts\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"lt\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"},"
            + "\"j\":{\"type\":[\"object\",\"array\",\"null\"]},\"s\":{\"type\":\"string\"}";
    String[] timestamps = {
      "2023-11-14T22:13:57Z",
      "2023-11-14T22:13:57",
      "2023-11-14 22:13:57.1z",
      "2023-11-14T22:13:57.123456789Z",
      "2023-11-14T22:13:57,12345Z",
      "2023-11-14T22:13:57+05:30",
      "2023-11-14T22:13:57.5-00:30",
      "2023-11-14T22:13Z",
      "2023-11-14",
      "0044-03-15T10:00:00 BC",
      " 2023-11-14T22:13:57Z ",
      "2023-02-29T00:00:00Z",
      "2023-11-14T24:00:00Z",
      "yesterday",
      "9999-12-31T23:59:59.9Z"
    };
    String[] json = {
      "{\"a\":[1,2.50,1e3,-0,null]}",
      "[]",
      "{}",
      "[null,{\"k\":\"\\u00e9\\n\\\"\"}]",
      "{\"a\":1,\"a\":2}",
      "[\"😀\",\"中\\u0000\"]",
      "{ \"x\" : { \"y\" : [ ] } }"
    };
    List<String> input = new ArrayList<>();
    for (int i = 0; i < timestamps.length; i++) {
      String ts = SqliteHarness.json(timestamps[i]);
      String j = json[i % json.length];
      input.add(
          record(
              "t",
              "{\"id\":"
                  + i
                  + ",\"ts\":"
                  + ts
                  + ",\"lt\":"
                  + ts
                  + ",\"j\":"
                  + j
                  + ",\"s\":"
                  + j
                  + "}",
              1_700_000_000_123L + i));
    }
    String catalog = catalog(stream("t", "append", props, ""));
    String columns =
        "SELECT id, ts, lt, j, s, _airbyte_meta, _airbyte_extracted_at FROM t ORDER BY id";
    db.sync(catalog, lines(input.toArray(String[]::new)));
    List<Map<String, Object>> direct = db.query(columns);

    java.nio.file.Files.createDirectories(dir.resolve("java-time"));
    SqliteHarness javaTime = new SqliteHarness(dir.resolve("java-time"));
    javaTime.dialect = sqliteWith(1, null, false);
    javaTime.sync(catalog, lines(input.toArray(String[]::new)));
    assertEquals(javaTime.query(columns), direct);

    assertEquals("2023-11-14T22:13:57.000000Z", direct.get(0).get("ts"));
    assertEquals("2023-11-14T16:43:57.000000Z", direct.get(5).get("ts"));
    assertEquals("2023-11-14T22:13:57.000000", direct.get(5).get("lt"));
    assertNull(direct.get(11).get("ts"));
    assertEquals(Set.of("ts", "lt"), changedFields(direct.get(11)));
    assertEquals("{\"a\":[1,2.50,1E+3,0,null]}", direct.get(0).get("j"));
    assertEquals("{\"a\":2}", direct.get(4).get("j"));
  }

  // ------------------------------------------------------------------ schema evolution and
  // identifiers

  @Test
  void aNewPropertyAddsAColumn() throws Exception {
    db.sync(
        catalog(stream("t", "append", "\"id\":{\"type\":\"integer\"}", "")),
        lines(record("t", "{\"id\":1,\"v\":\"not in schema yet\"}", 1)));
    assertFalse(db.columns("t").containsKey("v"));
    db.sync(
        catalog(stream("t", "append", ID_V + ",\"n\":{\"type\":\"number\"}", "")),
        lines(record("t", "{\"id\":2,\"v\":\"b\",\"n\":2.5}", 1)));
    assertEquals("TEXT", db.columns("t").get("v"));
    assertEquals("NUMERIC", db.columns("t").get("n"));
    assertEquals(java.util.Arrays.asList(null, "b"), db.column("SELECT v FROM t ORDER BY id"));
  }

  @Test
  void identifiersAreSanitizedAndCollisionFree() throws Exception {
    String props =
        "\"first name\":{\"type\":\"string\"},\"First Name\":{\"type\":\"string\"},"
            + "\"select\":{\"type\":\"string\"},\"名前\":{\"type\":\"string\"},\"a\\\"b\":{\"type\":\"string\"},"
            + "\"1abc\":{\"type\":\"string\"},\"_airbyte_meta\":{\"type\":\"string\"},\"rowid\":{\"type\":\"string\"},"
            + "\"\":{\"type\":\"string\"},\"with.dot\":{\"type\":\"string\"}";
    String data =
        "{\"first name\":\"v1\",\"First Name\":\"v2\",\"select\":\"v3\",\"名前\":\"v4\",\"a\\\"b\":\"v5\","
            + "\"1abc\":\"v6\",\"_airbyte_meta\":\"v7\",\"rowid\":\"v8\",\"\":\"v9\",\"with.dot\":\"v10\"}";
    String weird = "my \"stream\" ✓";
    String catalog =
        catalog(
            stream(weird, "append", props, ""),
            stream("a b", "append", ID_V, ""),
            stream("a_b", "append", ID_V, ""),
            stream("order", "append", ID_V, ""));
    db.sync(
        catalog,
        lines(
            record(weird, data, 1), rec("a b", 1, "x"), rec("a_b", 2, "y"), rec("order", 3, "z")));

    List<String> tables = db.tables();
    assertTrue(tables.contains("my__stream___"), tables.toString());
    assertTrue(tables.contains("a_b"), tables.toString());
    assertTrue(
        tables.stream().anyMatch(t -> t.startsWith("a_b_") && t.length() == 12), tables.toString());
    assertTrue(tables.contains("order"), tables.toString());
    assertEquals(List.of(3), ids("order"));

    Map<String, String> cols = db.columns("my__stream___");
    for (String expected : List.of("first_name", "select", "名前", "a_b", "_1abc", "_", "with_dot")) {
      assertTrue(cols.containsKey(expected), expected + " in " + cols.keySet());
    }
    String firstNameUpper =
        cols.keySet().stream().filter(c -> c.startsWith("First_Name_")).findFirst().orElseThrow();
    String meta2 =
        cols.keySet().stream()
            .filter(c -> c.startsWith("_airbyte_meta_"))
            .findFirst()
            .orElseThrow();
    String rowid2 =
        cols.keySet().stream().filter(c -> c.startsWith("rowid_")).findFirst().orElseThrow();
    Map<String, Object> row = db.query("SELECT * FROM my__stream___").get(0);
    assertEquals("v1", row.get("first_name"));
    assertEquals("v2", row.get(firstNameUpper));
    assertEquals("v3", row.get("select"));
    assertEquals("v4", row.get("名前"));
    assertEquals("v5", row.get("a_b"));
    assertEquals("v6", row.get("_1abc"));
    assertEquals("v7", row.get(meta2));
    assertEquals("v8", row.get(rowid2));
    assertEquals("v9", row.get("_"));
    assertEquals("v10", row.get("with_dot"));
    assertEquals("{\"sync_id\":0,\"changes\":[]}", row.get("_airbyte_meta"));
  }

  @Test
  void streamsWithoutPropertiesKeepTheWholeRecord() throws Exception {
    String s =
        "{\"stream\":{\"name\":\"raw\",\"json_schema\":{\"type\":\"object\"}},\"sync_mode\":\"full_refresh\","
            + "\"destination_sync_mode\":\"append_dedup\",\"primary_key\":[[\"k\"]]}";
    db.sync(
        catalog(s),
        lines(
            record("raw", "{\"k\":1,\"x\":[1]}", 1),
            record("raw", "{\"k\":1,\"x\":[2]}", 2),
            record("raw", "{\"k\":2}", 1)));
    assertEquals(
        List.of("{\"k\":1,\"x\":[2]}", "{\"k\":2}"),
        db.column("SELECT _airbyte_data FROM raw ORDER BY _airbyte_data"));
  }

  // ------------------------------------------------------------------ insert shapes

  /**
   * SQLite with another insert shape or a loader, to exercise the writer's other paths on a real
   * database.
   */
  private static SqlDialect sqliteWith(int rowsPerInsert, RowLoader loader) {
    return sqliteWith(rowsPerInsert, loader, true);
  }

  /**
   * SQLite with other insert settings; {@code timestampText}: what {@code bindsTimestampText}
   * answers.
   */
  private static SqlDialect sqliteWith(int rowsPerInsert, RowLoader loader, boolean timestampText) {
    SqliteDialect base = new SqliteDialect();
    return (SqlDialect)
        java.lang.reflect.Proxy.newProxyInstance(
            SqlDialect.class.getClassLoader(),
            new Class<?>[] {SqlDialect.class},
            (proxy, method, args) -> {
              if (method.getName().equals("rowsPerInsert")) {
                return rowsPerInsert;
              }
              if (method.getName().equals("rowLoader")) {
                return loader;
              }
              if (method.getName().equals("bindsTimestampText")) {
                return timestampText;
              }
              try {
                return method.invoke(base, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void multiRowValuesInsertsKeepOrderAndRemainders() throws Exception {
    db.dialect = sqliteWith(7, null);
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 23; i++) {
      input.add(rec("t", i, "v" + i));
    }
    db.sync(catalog(stream("t", "append", ID_V, "")), lines(input.toArray(String[]::new)));
    List<Object> expected = new ArrayList<>();
    for (int i = 1; i <= 23; i++) {
      expected.add(i);
    }
    assertEquals(expected, ids("t"));
  }

  /**
   * The loader gets java.time values, or the stored text where the dialect binds timestamps as
   * text.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aRowLoaderReceivesTypedRowsInsideTheTransaction(boolean timestampText) throws Exception {
    List<List<Class<?>>> seenTypes = new ArrayList<>();
    RowLoader loader =
        (connection, table, columns, rows) -> {
          SqliteDialect d = new SqliteDialect();
          try (PreparedStatement ps = connection.prepareStatement(d.insert(table, columns, 1))) {
            for (Object[] row : rows) {
              List<Class<?>> types = new ArrayList<>();
              for (int i = 0; i < row.length; i++) {
                types.add(row[i] == null ? null : row[i].getClass());
                d.bind(ps, i + 1, columns.get(i).type(), row[i]);
              }
              seenTypes.add(types);
              ps.executeUpdate();
            }
          }
        };
    db.dialect = sqliteWith(1, loader, timestampText);
    String props =
        "\"id\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"ts\":{\"type\":\"string\",\"format\":\"date-time\"}";
    db.sync(
        catalog(stream("t", "append", props, "")),
        lines(record("t", "{\"id\":1,\"n\":1.5,\"ts\":\"2024-01-01T00:00:00Z\"}", 1)));
    Class<?> timestamp = timestampText ? String.class : java.time.OffsetDateTime.class;
    assertEquals(
        List.of(
            String.class,
            timestamp,
            timestamp,
            String.class,
            Long.class,
            Long.class,
            java.math.BigDecimal.class,
            timestamp),
        seenTypes.get(0));
    assertEquals(List.of(1), ids("t"));
    assertEquals(List.of("2024-01-01T00:00:00.000000Z"), db.column("SELECT ts FROM t"));
    assertEquals(
        List.of("1970-01-01T00:00:00.001000Z"), db.column("SELECT _airbyte_extracted_at FROM t"));
  }

  // ------------------------------------------------------------------ connection settings

  @Test
  void connectionsUseWalMode() throws Exception {
    db.sync(catalog(stream("t", "append", ID_V, "")), lines(rec("t", 1, "a")));
    try (Connection c = db.connect()) {
      assertEquals(
          "wal", SqliteHarness.query(c, "PRAGMA journal_mode").get(0).values().iterator().next());
    }
  }

  @Test
  void rawIdsIncreaseInInsertionOrder() {
    RawIds ids = new RawIds();
    String previous = ids.next();
    for (int i = 0; i < 100_000; i++) {
      String next = ids.next();
      assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
      assertNotEquals(previous, next);
      previous = next;
    }
  }
}
