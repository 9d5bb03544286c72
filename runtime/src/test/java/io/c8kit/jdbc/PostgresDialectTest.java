package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL text of {@link PostgresDialect} (a real server is exercised by the PostgreSQL destination's
 * tests).
 */
class PostgresDialectTest {
  private final PostgresDialect pg = new PostgresDialect();

  private static DestinationStream stream(
      String namespace,
      String name,
      String properties,
      DestinationSyncMode mode,
      List<List<String>> pk,
      List<String> cursor) {
    try {
      ObjectNode schema =
          (ObjectNode)
              Protocol.mapper()
                  .readTree("{\"type\":\"object\",\"properties\":{" + properties + "}}");
      return new DestinationStream(
          name, namespace, schema, SyncMode.INCREMENTAL, mode, pk, cursor, 0, 0, 0);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void identifiersAreLowerCasedQuotedAndAtMost63Bytes() {
    assertEquals("\"a\"\"b\"", pg.quote("a\"b"));
    assertEquals("my_table", pg.sanitizeIdentifier("My Table"));
    assertEquals("_1st", pg.sanitizeIdentifier("1st"));
    assertEquals("straße", pg.sanitizeIdentifier("Straße"));
    String longName = "ä".repeat(40); // 80 bytes
    String s = pg.sanitizeIdentifier(longName);
    assertEquals(31, s.length()); // 62 bytes: a 2-byte character does not fit in the last byte
    assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= 63);
    assertEquals("\"sch\".\"t\"", pg.qualified(new TableName("sch", "t")));
  }

  @Test
  void namespacesAreSchemasAndTheDefaultSchemaIsConfigurable() {
    DestinationStream noNs = stream(null, "Users", "", DestinationSyncMode.APPEND, null, null);
    DestinationStream ns =
        stream("Sales Data", "Users", "", DestinationSyncMode.APPEND, null, null);
    List<StreamTable> plans = TablePlanner.plan(List.of(noNs, ns), new PostgresDialect("Raw"));
    assertEquals(new TableName("raw", "users"), plans.get(0).table());
    assertEquals(new TableName("sales_data", "users"), plans.get(1).table());
    assertEquals(new TableName("raw", "users_c8kit_tmp"), plans.get(0).staging());
    assertEquals(
        List.of("CREATE SCHEMA IF NOT EXISTS \"sales_data\""), pg.createSchema("sales_data"));
  }

  @Test
  void longTableNamesLeaveRoomForTheStagingSuffixAndStayUnique() {
    String base = "x".repeat(70);
    List<StreamTable> plans =
        TablePlanner.plan(
            List.of(
                stream(null, base + "1", "", DestinationSyncMode.OVERWRITE, null, null),
                stream(null, base + "2", "", DestinationSyncMode.OVERWRITE, null, null)),
            pg);
    for (StreamTable p : plans) {
      assertTrue(
          p.staging().name().getBytes(StandardCharsets.UTF_8).length <= 63, p.staging().name());
      assertTrue(p.staging().name().endsWith("_c8kit_tmp"));
    }
    assertFalse(plans.get(0).table().equals(plans.get(1).table()));
    assertTrue(plans.get(1).table().name().matches("x+_[0-9a-f]{8}"), plans.get(1).table().name());
  }

  @Test
  void systemColumnNamesAndCaseCollisionsGetSuffixes() {
    StreamTable plan =
        TablePlanner.plan(
                List.of(
                    stream(
                        null,
                        "t",
                        "\"xmin\":{\"type\":\"string\"},\"ID\":{\"type\":\"integer\"},\"id\":{\"type\":\"integer\"}",
                        DestinationSyncMode.APPEND,
                        null,
                        null)),
                pg)
            .get(0);
    List<String> names = plan.dataColumns().stream().map(Column::name).toList();
    assertTrue(names.get(0).matches("xmin_[0-9a-f]{8}"), names.toString());
    assertEquals("id", names.get(1));
    assertTrue(names.get(2).matches("id_[0-9a-f]{8}"), names.toString());
  }

  @Test
  void createTableUsesPostgresTypes() {
    StreamTable plan =
        TablePlanner.plan(
                List.of(
                    stream(
                        null,
                        "t",
                        "\"i\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"b\":{\"type\":\"boolean\"},\"s\":{\"type\":\"string\"},"
                            + "\"d\":{\"type\":\"string\",\"format\":\"date\"},\"tz\":{\"type\":\"string\",\"format\":\"date-time\"},"
                            + "\"ntz\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"},"
                            + "\"t\":{\"type\":\"string\",\"format\":\"time\"},"
                            + "\"tn\":{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"},"
                            + "\"o\":{\"type\":\"object\"},\"a\":{\"type\":\"array\"}",
                        DestinationSyncMode.APPEND,
                        null,
                        null)),
                pg)
            .get(0);
    assertEquals(
        "CREATE TABLE IF NOT EXISTS \"public\".\"t\" (\"_airbyte_raw_id\" TEXT, "
            + "\"_airbyte_extracted_at\" TIMESTAMPTZ, \"_airbyte_loaded_at\" TIMESTAMPTZ, \"_airbyte_meta\" JSONB, "
            + "\"_airbyte_generation_id\" BIGINT, \"i\" BIGINT, \"n\" NUMERIC, \"b\" BOOLEAN, \"s\" TEXT, \"d\" DATE, "
            + "\"tz\" TIMESTAMPTZ, \"ntz\" TIMESTAMP, \"t\" TIMETZ, \"tn\" TIME, \"o\" JSONB, \"a\" JSONB)",
        pg.createTable(plan.table(), plan.columns()));
  }

  @Test
  void insertsAreMultiRowWithCastsForTextEncodedTypes() {
    List<Column> cols =
        List.of(
            new Column("id", ColumnType.INTEGER, "id"),
            new Column("j", ColumnType.JSON, "j"),
            new Column("at", ColumnType.TIMESTAMP_WITH_TIMEZONE, "at"));
    assertEquals(
        "INSERT INTO \"s\".\"t\" (\"id\", \"j\", \"at\") VALUES (?, CAST(? AS JSONB), CAST(? AS TIMESTAMPTZ)), "
            + "(?, CAST(? AS JSONB), CAST(? AS TIMESTAMPTZ))",
        pg.insert(new TableName("s", "t"), cols, 2));
    assertEquals(1000, pg.rowsPerInsert(20));
    assertEquals(65_535 / 200, pg.rowsPerInsert(200));
    assertTrue(pg.rowsPerInsert(200) * 200 <= 65_535);
    assertEquals(1, pg.rowsPerInsert(100_000));
  }

  @Test
  void ddlForEvolutionSwapAndGenerations() {
    TableName t = new TableName("s", "users");
    TableName staging = new TableName("s", "users_c8kit_tmp");
    assertEquals(
        "ALTER TABLE \"s\".\"users\" ADD COLUMN \"email\" TEXT",
        pg.addColumn(t, new Column("email", ColumnType.STRING, "email")));
    assertEquals(
        List.of(
            "DROP TABLE IF EXISTS \"s\".\"users\"",
            "ALTER TABLE \"s\".\"users_c8kit_tmp\" RENAME TO \"users\""),
        pg.swapTable(staging, t));
    assertEquals(
        "DELETE FROM \"s\".\"users\" WHERE \"_airbyte_generation_id\" IS NULL OR \"_airbyte_generation_id\" < ?",
        pg.deleteOlderGenerations(t));
    assertEquals(
        "SELECT 1 FROM \"s\".\"users_c8kit_tmp\" WHERE \"_airbyte_generation_id\" IS NULL OR "
            + "\"_airbyte_generation_id\" <> ? LIMIT 1",
        pg.otherGenerationProbe(staging));
  }

  @Test
  void dedupDeletesWithAWindowFunction() {
    StreamTable plan =
        TablePlanner.plan(
                List.of(
                    stream(
                        "s",
                        "users",
                        "\"id\":{\"type\":\"integer\"},\"org\":{\"type\":\"object\"},\"updated_at\":{\"type\":\"string\",\"format\":\"date-time\"}",
                        DestinationSyncMode.APPEND_DEDUP,
                        List.of(List.of("id"), List.of("org", "key")),
                        List.of("updated_at"))),
                pg)
            .get(0);
    assertEquals(List.of("\"id\"", "(\"org\" #>> '{\"key\"}')"), plan.dedupKeys());
    assertEquals("\"updated_at\"", plan.cursor());
    assertEquals(
        "DELETE FROM \"s\".\"users\" AS c8kit_t USING (SELECT \"_airbyte_raw_id\" AS c8kit_rid, "
            + "ROW_NUMBER() OVER (PARTITION BY \"id\", (\"org\" #>> '{\"key\"}') ORDER BY \"updated_at\" DESC NULLS LAST, "
            + "\"_airbyte_extracted_at\" DESC NULLS LAST, \"_airbyte_raw_id\" COLLATE \"C\" DESC) AS c8kit_rn "
            + "FROM \"s\".\"users\") AS c8kit_d WHERE c8kit_t.\"_airbyte_raw_id\" = c8kit_d.c8kit_rid AND c8kit_d.c8kit_rn > 1",
        pg.dedup(plan.table(), plan.dedupKeys(), plan.cursor()));
    String noCursor = pg.dedup(plan.table(), List.of("\"id\""), null);
    assertTrue(
        noCursor.contains(
            "ORDER BY \"_airbyte_extracted_at\" DESC NULLS LAST, \"_airbyte_raw_id\""),
        noCursor);
  }

  @Test
  void jsonPathsEscapeKeys() {
    assertEquals(
        "(\"c\" #>> '{\"a b\",\"it''s\",\"q\\\"x\"}')",
        pg.jsonPath("\"c\"", List.of("a b", "it's", "q\"x")));
  }

  @Test
  void temporalValuesAreIsoTextPostgresAccepts() {
    assertEquals(
        "2024-01-31T21:59:59.500Z",
        PostgresDialect.temporalText(
            ColumnType.TIMESTAMP_WITH_TIMEZONE,
            OffsetDateTime.of(2024, 1, 31, 23, 59, 59, 500_000_000, ZoneOffset.ofHours(2))));
    assertEquals(
        "0044-03-15 BC", PostgresDialect.temporalText(ColumnType.DATE, LocalDate.of(-43, 3, 15)));
    assertEquals(
        "10000-01-01T00:00",
        PostgresDialect.temporalText(
            ColumnType.TIMESTAMP_WITHOUT_TIMEZONE, LocalDateTime.of(10000, 1, 1, 0, 0)));
    assertEquals(
        "10:11:12+05:30",
        PostgresDialect.temporalText(
            ColumnType.TIME_WITH_TIMEZONE,
            OffsetTime.of(10, 11, 12, 0, ZoneOffset.ofHoursMinutes(5, 30))));
    assertEquals(
        "10:11:12.000001",
        PostgresDialect.temporalText(
            ColumnType.TIME_WITHOUT_TIMEZONE, LocalTime.of(10, 11, 12, 1000)));
  }

  @Test
  void nulCharactersAreRemovedFromTextAndJson() {
    assertEquals("ab", PostgresDialect.text("a\u0000b"));
    assertEquals("plain", PostgresDialect.text("plain"));
    assertEquals(
        "{\"k\":\"ab\",\"l\":[\"c\"]}",
        PostgresDialect.json("{\"k\":\"a\\u0000b\",\"l\":[\"\\u0000c\"]}"));
    assertEquals(
        "{\"k\":\"a\\\\u0000b\"}",
        PostgresDialect.json("{\"k\":\"a\\\\u0000b\"}"),
        "an escaped backslash followed by u0000 is text, kept");
  }
}
