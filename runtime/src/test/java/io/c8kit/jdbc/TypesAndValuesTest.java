package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON schema → column type, JSON value → typed value, identifier rules. */
class TypesAndValuesTest {
  private static JsonNode json(String s) {
    try {
      return Protocol.mapper().readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"integer\"}|INTEGER",
        "{\"type\":[\"null\",\"integer\"]}|INTEGER",
        "{\"type\":\"number\",\"airbyte_type\":\"integer\"}|INTEGER",
        "{\"type\":\"number\"}|NUMBER",
        "{\"type\":[\"integer\",\"number\",\"null\"]}|NUMBER",
        "{\"type\":\"boolean\"}|BOOLEAN",
        "{\"type\":\"string\"}|STRING",
        "{\"type\":\"string\",\"format\":\"date\"}|DATE",
        "{\"type\":\"string\",\"format\":\"date-time\"}|TIMESTAMP_WITH_TIMEZONE",
        "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}|TIMESTAMP_WITH_TIMEZONE",
        "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"}|TIMESTAMP_WITHOUT_TIMEZONE",
        "{\"type\":\"string\",\"format\":\"time\"}|TIME_WITH_TIMEZONE",
        "{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"}|TIME_WITHOUT_TIMEZONE",
        "{\"type\":\"object\",\"properties\":{}}|JSON",
        "{\"type\":\"array\",\"items\":{}}|JSON",
        "{\"type\":[\"string\",\"integer\"]}|JSON",
        "{}|JSON",
        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}|STRING",
        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"object\"}]}|JSON",
        "{\"$ref\":\"WellKnownTypes.json#/definitions/TimestampWithoutTimezone\"}|TIMESTAMP_WITHOUT_TIMEZONE",
        "{\"$ref\":\"WellKnownTypes.json#/definitions/Integer\"}|INTEGER",
        "{\"$ref\":\"WellKnownTypes.json#/definitions/BinaryData\"}|STRING"
      })
  void jsonSchemaTypesMapToColumnTypes(String schema, ColumnType expected) {
    assertEquals(expected, JsonSchemaTypes.of(json(schema)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INTEGER|7|7",
        "INTEGER|\" -12 \"|-12",
        "INTEGER|4.0|4",
        "INTEGER|1e2|100",
        "INTEGER|4.5|INVALID",
        "INTEGER|9223372036854775808|INVALID",
        "INTEGER|\"two\"|INVALID",
        "INTEGER|true|INVALID",
        "INTEGER|[1]|INVALID",
        "NUMBER|1.25|1.25",
        "NUMBER|\"2.5e1\"|25",
        "NUMBER|\"NaN\"|INVALID",
        "NUMBER|{}|INVALID",
        "BOOLEAN|false|false",
        "BOOLEAN|\"True\"|true",
        "BOOLEAN|0|INVALID",
        "STRING|\"x\"|x",
        "STRING|12|12",
        "STRING|[1,{\"a\":\"b\"}]|[1,{\"a\":\"b\"}]",
        "JSON|\"x\"|\"x\"",
        "JSON|{\"a\":[null]}|{\"a\":[null]}",
        "DATE|\"2024-02-29\"|2024-02-29",
        "DATE|\"2023-02-29\"|INVALID",
        "DATE|\"0044-03-15 BC\"|-0043-03-15",
        "DATE|20240229|INVALID",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01T10:00:00Z\"|2024-01-01T10:00Z",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01 10:00:00.123456789+01:00\"|2024-01-01T10:00:00.123456789+01:00",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01T10:00\"|2024-01-01T10:00Z",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01T10:00:00+0530\"|2024-01-01T10:00+05:30",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01T10:00:00-03\"|2024-01-01T10:00-03:00",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01\"|2024-01-01T00:00Z",
        "TIMESTAMP_WITH_TIMEZONE|\"2024-01-01T25:00:00Z\"|INVALID",
        "TIMESTAMP_WITH_TIMEZONE|\"Jan 1 2024\"|INVALID",
        "TIMESTAMP_WITHOUT_TIMEZONE|\"2024-01-01T10:00:00.5\"|2024-01-01T10:00:00.500",
        "TIMESTAMP_WITHOUT_TIMEZONE|\"2024-01-01T10:00:00+02:00\"|2024-01-01T10:00",
        "TIME_WITH_TIMEZONE|\"10:11:12+02:00\"|10:11:12+02:00",
        "TIME_WITH_TIMEZONE|\"10:11\"|10:11Z",
        "TIME_WITHOUT_TIMEZONE|\"10:11:12.5\"|10:11:12.500",
        "TIME_WITHOUT_TIMEZONE|\"25:00\"|INVALID"
      })
  void valuesCastLikeSafeCast(ColumnType type, String value, String expected) {
    Object v = TypedValues.convert(json(value), type);
    if (expected.equals("INVALID")) {
      assertSame(TypedValues.INVALID, v, () -> "expected INVALID, got " + v);
    } else {
      assertEquals(expected, v.toString());
    }
  }

  @Test
  void convertedValuesHaveTheDocumentedJavaTypes() {
    assertEquals(Long.class, TypedValues.convert(json("1"), ColumnType.INTEGER).getClass());
    assertEquals(BigDecimal.class, TypedValues.convert(json("1"), ColumnType.NUMBER).getClass());
    assertEquals(
        LocalDate.class, TypedValues.convert(json("\"2020-01-01\""), ColumnType.DATE).getClass());
    assertEquals(
        OffsetDateTime.class,
        TypedValues.convert(json("\"2020-01-01T00:00:00Z\""), ColumnType.TIMESTAMP_WITH_TIMEZONE)
            .getClass());
    assertEquals(
        LocalDateTime.class,
        TypedValues.convert(json("\"2020-01-01T00:00:00\""), ColumnType.TIMESTAMP_WITHOUT_TIMEZONE)
            .getClass());
    assertEquals(
        OffsetTime.class,
        TypedValues.convert(json("\"10:00\""), ColumnType.TIME_WITH_TIMEZONE).getClass());
    assertEquals(
        LocalTime.class,
        TypedValues.convert(json("\"10:00\""), ColumnType.TIME_WITHOUT_TIMEZONE).getClass());
  }

  @Test
  void theFastTimestampParserAgreesWithTheLenientOne() {
    String[] samples = {
      "2024-01-31T23:59:59Z",
      "2024-01-31T23:59:59.1Z",
      "2024-01-31 23:59:59.123456+05:30",
      "1970-01-01T00:00:00-00:30",
      "2024-01-31T23:59",
      "2024-12-31t00:00:00.000000001z"
    };
    for (String s : samples) {
      OffsetDateTime fast = TypedValues.fastOffsetDateTime(s);
      OffsetDateTime lenient =
          TypedValues.parseOffsetDateTime(s.replace('t', 'T').replace('z', 'Z') + " ".trim());
      assertEquals(lenient, fast, s);
    }
  }

  @Test
  void textFormsAreFixedWidthAndSortChronologically() {
    OffsetDateTime a = OffsetDateTime.of(2024, 1, 1, 0, 0, 29, 123_000_000, ZoneOffset.UTC);
    OffsetDateTime b = OffsetDateTime.of(2024, 1, 1, 0, 0, 29, 123_456_000, ZoneOffset.UTC);
    assertEquals("2024-01-01T00:00:29.123000Z", TypedValues.utcText(a));
    assertEquals("2024-01-01T00:00:29.123456Z", TypedValues.utcText(b));
    assertEquals(-1, Integer.signum(TypedValues.utcText(a).compareTo(TypedValues.utcText(b))));
    assertEquals(
        "2024-01-01T05:30:00.000000Z",
        TypedValues.utcText(
            OffsetDateTime.of(2024, 1, 1, 11, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))));
    assertEquals("1970-01-01T00:00:00.001000Z", TypedValues.utcText(1L));
    assertEquals("09:05:00.000000", TypedValues.timeText(LocalTime.of(9, 5)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "first name|first_name",
        "select|select",
        "名前|名前",
        "a\"b|a_b",
        "1abc|_1abc",
        "''|_",
        "with.dot-and/slash|with_dot_and_slash",
        "emoji😀|emoji_",
        "Ünïcödé|Ünïcödé"
      })
  void sanitizingKeepsLettersAndDigitsOfAnyScript(String raw, String expected) {
    assertEquals(expected, Identifiers.sanitize(raw, false, 0));
  }

  @Test
  void theAllocatorResolvesCollisionsDeterministically() {
    Identifiers.Allocator a = new Identifiers.Allocator(new SqliteDialect());
    assertEquals("a_b", a.allocate("a b"));
    String second = a.allocate("a_b");
    assertEquals("a_b_" + Identifiers.shortHash("a_b"), second);
    String third = a.allocate("A B");
    assertNotEquals("a_b", third);
    assertEquals("A_B_" + Identifiers.shortHash("A B"), third);
    assertEquals("x", a.allocate("x", "_tmp"));
    assertEquals("x_tmp_" + Identifiers.shortHash("x_tmp"), a.allocate("x_tmp"));
  }
}
