package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.protocol.SyncMode;
import io.c8kit.source.DiscoveredStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery (JSON schemas of every type, keys, views) and exact JSON values, on a real server. */
class PostgresSourceTypesTest {
  static PostgresTestServer pg;

  @BeforeAll
  static void setUp() throws Exception {
    pg = PostgresTestServer.start("c8k_src_types");
    pg.sql(
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "CREATE DOMAIN posint AS integer CHECK (VALUE > 0)",
        """
        CREATE TABLE all_types (
          id integer PRIMARY KEY,
          c_smallint smallint, c_bigint bigint NOT NULL, c_numeric numeric(30, 9), c_decimal decimal,
          c_real real, c_double double precision, c_text text, c_varchar varchar(20), c_char char(3),
          c_uuid uuid, c_enum mood, c_bool boolean, c_date date, c_ts timestamp(6),
          c_tstz timestamptz, c_time time, c_timetz timetz, c_json json, c_jsonb jsonb,
          c_int_arr int[], c_text_arr text[], c_num_arr numeric[], c_tstz_arr timestamptz[],
          c_int_matrix int[][], c_bytea bytea, c_domain posint, c_interval interval)
        """,
        """
        INSERT INTO all_types VALUES (1, -32768, 9223372036854775807,
          12345678901234567890.123456789, 1.50, 1.1, 0.1, E'h\u00e9llo "q"\\n', 'v', 'ab',
          'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'happy', true, '2024-02-29',
          '2024-01-15 10:20:30.123456', '2024-01-15 10:20:30+02', '13:45:00', '13:45:00+02',
          '{"a": 1.10, "b": [1, 2]}', '[1, "x", null]', '{1,NULL,3}', '{"a","b c"}',
          '{1.50,NaN}', '{"2024-01-15 10:00:00+02"}', '{{1,2},{3,4}}', '\\x010203', 5,
          '1 day 02:00:00')
        """,
        """
        INSERT INTO all_types (id, c_bigint, c_numeric, c_double, c_ts, c_date, c_tstz)
        VALUES (2, 0, 'NaN', 'Infinity', 'infinity', '-infinity', 'infinity')
        """,
        "CREATE TABLE composite_key (a int, b text, v text, PRIMARY KEY (a, b))",
        "CREATE TABLE no_key (v text)",
        "CREATE TABLE text_key (k varchar(10) PRIMARY KEY, v int)",
        "CREATE VIEW all_types_view AS SELECT id, c_text, c_tstz FROM all_types",
        "CREATE MATERIALIZED VIEW all_types_mat AS SELECT id FROM all_types");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static final Map<String, String> EXPECTED_SCHEMAS = new LinkedHashMap<>();

  static {
    EXPECTED_SCHEMAS.put("id", "{\"type\":\"integer\"}");
    EXPECTED_SCHEMAS.put("c_smallint", "{\"type\":[\"integer\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_bigint", "{\"type\":\"integer\"}");
    EXPECTED_SCHEMAS.put("c_numeric", "{\"type\":[\"number\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_decimal", "{\"type\":[\"number\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_real", "{\"type\":[\"number\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_double", "{\"type\":[\"number\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_text", "{\"type\":[\"string\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_varchar", "{\"type\":[\"string\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_char", "{\"type\":[\"string\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_uuid", "{\"type\":[\"string\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_enum", "{\"type\":[\"string\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_bool", "{\"type\":[\"boolean\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_date", "{\"type\":[\"string\",\"null\"],\"format\":\"date\"}");
    EXPECTED_SCHEMAS.put(
        "c_ts",
        "{\"type\":[\"string\",\"null\"],\"format\":\"date-time\","
            + "\"airbyte_type\":\"timestamp_without_timezone\"}");
    EXPECTED_SCHEMAS.put(
        "c_tstz",
        "{\"type\":[\"string\",\"null\"],\"format\":\"date-time\","
            + "\"airbyte_type\":\"timestamp_with_timezone\"}");
    EXPECTED_SCHEMAS.put(
        "c_time",
        "{\"type\":[\"string\",\"null\"],\"format\":\"time\","
            + "\"airbyte_type\":\"time_without_timezone\"}");
    EXPECTED_SCHEMAS.put(
        "c_timetz",
        "{\"type\":[\"string\",\"null\"],\"format\":\"time\","
            + "\"airbyte_type\":\"time_with_timezone\"}");
    EXPECTED_SCHEMAS.put("c_json", "{}");
    EXPECTED_SCHEMAS.put("c_jsonb", "{}");
    EXPECTED_SCHEMAS.put(
        "c_int_arr", "{\"type\":[\"array\",\"null\"],\"items\":{\"type\":[\"integer\",\"null\"]}}");
    EXPECTED_SCHEMAS.put(
        "c_text_arr", "{\"type\":[\"array\",\"null\"],\"items\":{\"type\":[\"string\",\"null\"]}}");
    EXPECTED_SCHEMAS.put(
        "c_num_arr", "{\"type\":[\"array\",\"null\"],\"items\":{\"type\":[\"number\",\"null\"]}}");
    EXPECTED_SCHEMAS.put(
        "c_tstz_arr",
        "{\"type\":[\"array\",\"null\"],\"items\":{\"type\":"
            + "[\"string\",\"null\"],\"format\":\"date-time\",\"airbyte_type\":"
            + "\"timestamp_with_timezone\"}}");
    EXPECTED_SCHEMAS.put(
        "c_int_matrix",
        "{\"type\":[\"array\",\"null\"],\"items\":{\"type\":"
            + "[\"array\",\"null\"],\"items\":{\"type\":[\"integer\",\"null\"]}}}");
    EXPECTED_SCHEMAS.put(
        "c_bytea", "{\"type\":[\"string\",\"null\"],\"contentEncoding\":\"base64\"}");
    EXPECTED_SCHEMAS.put("c_domain", "{\"type\":[\"integer\",\"null\"]}");
    EXPECTED_SCHEMAS.put("c_interval", "{\"type\":[\"string\",\"null\"]}");
  }

  @Test
  void discoversEveryColumnTypeAsItsJsonSchema() throws Exception {
    DiscoveredStream s = Reads.discover(pg, "all_types");
    ObjectNode schema = s.jsonSchema();
    assertEquals("object", schema.get("type").asText());
    JsonNode props = schema.get("properties");
    assertEquals(List.copyOf(EXPECTED_SCHEMAS.keySet()), iterator(props.fieldNames()));
    for (Map.Entry<String, String> e : EXPECTED_SCHEMAS.entrySet()) {
      assertEquals(e.getValue(), props.get(e.getKey()).toString(), "schema of " + e.getKey());
    }
  }

  @Test
  void discoversKeysModesAndNamespaces() throws Exception {
    DiscoveredStream s = Reads.discover(pg, "all_types");
    assertEquals(pg.schema(), s.namespace());
    assertEquals(List.of(List.of("id")), s.primaryKey());
    assertEquals(Set.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL), s.syncModes());
    assertFalse(s.sourceDefinedCursor());
    assertTrue(s.defaultCursorField().isEmpty());
    assertTrue(s.ordered());
    assertEquals("id", s.pageKey());

    DiscoveredStream composite = Reads.discover(pg, "composite_key");
    assertEquals(List.of(List.of("a"), List.of("b")), composite.primaryKey());
    assertNull(composite.pageKey(), "a composite key cannot be a page key");
    assertEquals(List.of(), Reads.discover(pg, "no_key").primaryKey());
    assertNull(Reads.discover(pg, "no_key").pageKey());
    assertEquals("k", Reads.discover(pg, "text_key").pageKey());
  }

  @Test
  void discoversViewsAndOnlyTheConfiguredSchemas() throws Exception {
    List<DiscoveredStream> streams = new PostgresSource().discover(Reads.config(pg));
    Set<String> names = streams.stream().map(DiscoveredStream::name).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "all_types", "composite_key", "no_key", "text_key", "all_types_view", "all_types_mat"),
        names);
    DiscoveredStream view = Reads.discover(pg, "all_types_view");
    assertEquals(List.of(), view.primaryKey());
    // A view column has no NOT NULL constraint, so even id is nullable there.
    assertEquals(
        "{\"type\":[\"integer\",\"null\"]}", view.jsonSchema().at("/properties/id").toString());
    assertTrue(streams.stream().allMatch(st -> pg.schema().equals(st.namespace())));
  }

  @Test
  void readsExactJsonValues() throws Exception {
    List<ObjectNode> rows =
        Reads.read(pg, TestContext.fullRefresh(Reads.discover(pg, "all_types")));
    assertEquals(2, rows.size());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "1");
    expected.put("c_smallint", "-32768");
    expected.put("c_bigint", "9223372036854775807");
    expected.put("c_numeric", "12345678901234567890.123456789");
    expected.put("c_decimal", "1.50");
    expected.put("c_real", "1.1");
    expected.put("c_double", "0.1");
    expected.put("c_text", "\"h\u00e9llo \\\"q\\\"\\n\"");
    expected.put("c_varchar", "\"v\"");
    expected.put("c_char", "\"ab \"");
    expected.put("c_uuid", "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"");
    expected.put("c_enum", "\"happy\"");
    expected.put("c_bool", "true");
    expected.put("c_date", "\"2024-02-29\"");
    expected.put("c_ts", "\"2024-01-15T10:20:30.123456\"");
    expected.put("c_tstz", "\"2024-01-15T08:20:30Z\"");
    expected.put("c_time", "\"13:45:00\"");
    expected.put("c_timetz", "\"13:45:00+02:00\"");
    expected.put("c_json", "{\"a\":1.10,\"b\":[1,2]}");
    expected.put("c_jsonb", "[1,\"x\",null]");
    expected.put("c_int_arr", "[1,null,3]");
    expected.put("c_text_arr", "[\"a\",\"b c\"]");
    expected.put("c_num_arr", "[1.50,null]");
    expected.put("c_tstz_arr", "[\"2024-01-15T08:00:00Z\"]");
    expected.put("c_int_matrix", "[[1,2],[3,4]]");
    expected.put("c_bytea", "\"AQID\"");
    expected.put("c_domain", "5");
    expected.put("c_interval", "\"1 day 02:00:00\"");
    ObjectNode first = rows.get(0);
    assertEquals(List.copyOf(expected.keySet()), iterator(first.fieldNames()));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), first.get(e.getKey()).toString(), "value of " + e.getKey());
    }
    // NULLs, NaN and infinities (no JSON number or RFC 3339 form) are null.
    ObjectNode second = rows.get(1);
    assertEquals("0", second.get("c_bigint").toString());
    for (String f :
        List.of(
            "c_smallint",
            "c_numeric",
            "c_double",
            "c_ts",
            "c_date",
            "c_tstz",
            "c_json",
            "c_jsonb",
            "c_int_arr",
            "c_bytea",
            "c_text")) {
      assertTrue(second.get(f).isNull(), f + " should be null but is " + second.get(f));
    }
  }

  @Test
  void readsOnlyTheConfiguredColumns() throws Exception {
    TestContext ctx = TestContext.fullRefresh(Reads.discover(pg, "all_types"));
    ObjectNode props = PgTypes.NODES.objectNode();
    props.putObject("c_text");
    props.putObject("c_bool");
    props.putObject("dropped_column_no_longer_there");
    ctx.jsonSchema = PgTypes.NODES.objectNode().put("type", "object");
    ctx.jsonSchema.set("properties", props);
    List<ObjectNode> rows = Reads.read(pg, ctx);
    // The page key (id) is always selected: a resumable read needs it in every record.
    assertEquals(List.of("id", "c_text", "c_bool"), iterator(rows.get(0).fieldNames()));
  }

  @Test
  void aStreamWhoseTableIsGoneReadsNothing() throws Exception {
    pg.sql("CREATE TABLE short_lived (id int)", "INSERT INTO short_lived VALUES (1)");
    DiscoveredStream s = Reads.discover(pg, "short_lived");
    pg.sql("DROP TABLE short_lived");
    assertEquals(List.of(), Reads.read(pg, TestContext.fullRefresh(s)));
  }

  @Test
  void quotesOddIdentifiers() throws Exception {
    pg.sql(
        "CREATE TABLE \"Odd \"\"Table\"\"\" (\"Weird col\"\"x\" int PRIMARY KEY, \"UPPER\" text)",
        "INSERT INTO \"Odd \"\"Table\"\"\" VALUES (7, 'seven')");
    DiscoveredStream s = Reads.discover(pg, "Odd \"Table\"");
    assertEquals("Weird col\"x", s.pageKey());
    List<ObjectNode> rows = Reads.read(pg, TestContext.fullRefresh(s));
    assertEquals("[{\"Weird col\\\"x\":7,\"UPPER\":\"seven\"}]", rows.toString());
    List<ObjectNode> resumed =
        Reads.read(pg, TestContext.fullRefresh(s).after(PgTypes.NODES.numberNode(7)));
    assertEquals(List.of(), resumed);
  }

  private static List<String> iterator(java.util.Iterator<String> it) {
    List<String> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
