package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamp text made straight from the input equals what parsing to {@code java.time} and
 * formatting gave; every other shape is left to that parse (null), so invalid text stays invalid.
 */
class TimestampColumnTextTest {

  /**
   * The stored text through java.time, as before: utcText of the parsed value, or null when
   * invalid.
   */
  private static String viaJavaTime(String s, ColumnType type) {
    Object v = TypedValues.temporal(s, type);
    if (v == TypedValues.INVALID) {
      return null;
    }
    return v instanceof OffsetDateTime t
        ? TypedValues.utcText(t)
        : TypedValues.localText((LocalDateTime) v);
  }

  private static void sameAsJavaTime(String s) {
    String utc = TimestampColumnText.utc(s);
    if (utc != null) {
      assertEquals(viaJavaTime(s, ColumnType.TIMESTAMP_WITH_TIMEZONE), utc, s);
    }
    String local = TimestampColumnText.local(s);
    if (local != null) {
      assertEquals(viaJavaTime(s, ColumnType.TIMESTAMP_WITHOUT_TIMEZONE), local, s);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-11-14T22:13:57Z",
        "2023-11-14T22:13:57z",
        "2023-11-14t22:13:57Z",
        "2023-11-14 22:13:57Z",
        "2023-11-14T22:13:57",
        "2023-11-14T22:13:57.1Z",
        "2023-11-14T22:13:57.12Z",
        "2023-11-14T22:13:57.123Z",
        "2023-11-14T22:13:57.1234Z",
        "2023-11-14T22:13:57.12345Z",
        "2023-11-14T22:13:57.123456Z",
        "2023-11-14T22:13:57.1234567Z",
        "2023-11-14T22:13:57.12345678Z",
        "2023-11-14T22:13:57.123456789Z",
        "2023-11-14T22:13:57,5Z",
        "2023-11-14T22:13:57.000000000",
        "2024-02-29T00:00:00Z",
        "2000-02-29T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1970-01-01T00:00:00Z"
      })
  void commonShapesAreMadeDirectlyAndEqualTheJavaTimeText(String s) {
    String utc = TimestampColumnText.utc(s);
    assertNotNull(utc, s);
    assertEquals(viaJavaTime(s, ColumnType.TIMESTAMP_WITH_TIMEZONE), utc);
    assertEquals(27, utc.length());
    String local = TimestampColumnText.local(s);
    assertNotNull(local, s);
    assertEquals(viaJavaTime(s, ColumnType.TIMESTAMP_WITHOUT_TIMEZONE), local);
  }

  @Test
  void fractionsAreTruncatedToMicroseconds() {
    assertEquals("2023-11-14T22:13:57.000000Z", TimestampColumnText.utc("2023-11-14T22:13:57Z"));
    assertEquals("2023-11-14T22:13:57.100000Z", TimestampColumnText.utc("2023-11-14T22:13:57.1Z"));
    assertEquals(
        "2023-11-14T22:13:57.123456Z", TimestampColumnText.utc("2023-11-14T22:13:57.123456789Z"));
    assertEquals(
        "2023-11-14T22:13:57.123456", TimestampColumnText.local("2023-11-14 22:13:57.1234567"));
  }

  /** Offsets, missing seconds, " BC", padding and invalid text: left to the full parse. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-11-14T22:13:57+01:00",
        "2023-11-14T22:13:57-00:30",
        "2023-11-14T22:13:57+00:00",
        "2023-11-14T22:13:57.5+0530",
        "2023-11-14T22:13:57-03",
        "2023-11-14T22:13Z",
        "2023-11-14T22:13",
        "2023-11-14",
        "0044-03-15T00:00:00 BC",
        " 2023-11-14T22:13:57Z",
        "2023-11-14T22:13:57Z ",
        "2023-11-14T22:13:57.Z",
        "2023-11-14T22:13:57.1234567890Z",
        "2023-11-14T24:00:00Z",
        "2023-11-14T23:60:00Z",
        "2023-11-14T23:59:60Z",
        "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2023-04-31T00:00:00Z",
        "2023-00-10T00:00:00Z",
        "2023-13-10T00:00:00Z",
        "2023-11-00T00:00:00Z",
        "2023-11-14X22:13:57Z",
        "2023-11-14T22:13:57ZZ",
        "2023-11-14T22:13:57.1a",
        "2023-1a-14T22:13:57Z",
        "+12023-11-14T22:13:57Z",
        "yesterday",
        "2023/11/14T22:13:57Z",
        "２０２３-11-14T22:13:57Z",
        ""
      })
  void otherShapesAreLeftToTheFullParse(String s) {
    assertNull(TimestampColumnText.utc(s), s);
    assertNull(TimestampColumnText.local(s), s);
  }

  @Test
  void everyDayOfLeapAndCommonYearsAgreesWithJavaTime() {
    for (int year : new int[] {0, 4, 100, 1900, 1970, 2000, 2023, 2024, 2100, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          String s = String.format("%04d-%02d-%02dT12:34:56.789Z", year, month, day);
          String expected = viaJavaTime(s, ColumnType.TIMESTAMP_WITH_TIMEZONE);
          assertEquals(expected, TimestampColumnText.utc(s), s);
        }
      }
    }
  }

  @Test
  void mutatedTextIsNeverAcceptedDifferently() {
    Random random = new Random(15);
    String alphabet = "0123456789-:T tZz.,+eX";
    String[] bases = {
      "2024-02-29T23:59:59.123456789Z", "2023-12-31 00:00:00", "1999-09-09T09:09:09,9z"
    };
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder(bases[random.nextInt(bases.length)]);
      for (int m = random.nextInt(3) + 1; m > 0; m--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> b.deleteCharAt(at);
          default -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String s = b.toString();
      sameAsJavaTime(s);
      accepted += TimestampColumnText.utc(s) != null ? 1 : 0;
    }
    assertTrue(accepted > 1000, "the mutations also produce valid shapes: " + accepted);
  }
}
