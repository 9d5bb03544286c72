package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.runtime.CursorType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Cursor values as found in states in the wild, read back by {@link CursorType#fromJson}. */
class CursorTypeStateTest {
  @Test
  void temporalCursorsRoundTrip() {
    Instant i = Instant.parse("2024-05-06T07:08:09.123456Z");
    assertEquals(i, CursorType.INSTANT.fromJson(CursorType.INSTANT.toJson(i)));
    OffsetDateTime o = OffsetDateTime.parse("2024-05-06T07:08:09+02:00");
    assertEquals(o, CursorType.OFFSET_DATE_TIME.fromJson(CursorType.OFFSET_DATE_TIME.toJson(o)));
    LocalDateTime l = LocalDateTime.parse("2024-05-06T07:08:09");
    assertEquals(l, CursorType.LOCAL_DATE_TIME.fromJson(CursorType.LOCAL_DATE_TIME.toJson(l)));
    LocalDate d = LocalDate.parse("2024-05-06");
    assertEquals(d, CursorType.LOCAL_DATE.fromJson(CursorType.LOCAL_DATE.toJson(d)));
  }

  @Test
  void spaceSeparatedAndOffsetlessTimestamps() {
    assertEquals(
        Instant.parse("2024-05-06T07:08:09Z"),
        CursorType.INSTANT.fromJson(json("\"2024-05-06 07:08:09+00:00\"")));
    assertEquals(
        Instant.parse("2024-05-06T07:08:09Z"),
        CursorType.INSTANT.fromJson(json("\"2024-05-06T07:08:09\"")));
    assertEquals(
        OffsetDateTime.parse("2024-05-06T07:08:09Z"),
        CursorType.OFFSET_DATE_TIME.fromJson(json("\"2024-05-06 07:08:09Z\"")));
    assertEquals(
        LocalDateTime.parse("2024-05-06T07:08:09"),
        CursorType.LOCAL_DATE_TIME.fromJson(json("\"2024-05-06 07:08:09\"")));
  }

  @Test
  void epochNumbersInTemporalCursors() {
    // seconds below 1e11 (stripe's {"updated": 10000000000}), milliseconds above
    assertEquals(
        Instant.ofEpochSecond(10_000_000_000L), CursorType.INSTANT.fromJson(json("10000000000")));
    assertEquals(
        Instant.ofEpochMilli(1_700_000_000_123L),
        CursorType.INSTANT.fromJson(json("1700000000123")));
    assertEquals(Instant.EPOCH, CursorType.INSTANT.fromJson(json("0")));
    // faker's abnormal state: far in the future, and comparable with any real timestamp
    Instant future = CursorType.INSTANT.fromJson(json("99999999999999999"));
    assertEquals(1, future.compareTo(Instant.parse("9999-12-31T23:59:59Z")));
    assertEquals(future, CursorType.INSTANT.fromJson(CursorType.INSTANT.toJson(future)));
    // saturates instead of overflowing
    Instant huge = CursorType.INSTANT.fromJson(json("1e30"));
    assertEquals(huge, CursorType.INSTANT.fromJson(CursorType.INSTANT.toJson(huge)));
    assertEquals(LocalDate.of(1970, 1, 2), CursorType.LOCAL_DATE.fromJson(json("86400")));
    assertEquals(
        OffsetDateTime.parse("1970-01-01T00:00:01Z"),
        CursorType.OFFSET_DATE_TIME.fromJson(json("1")));
    OffsetDateTime far = CursorType.OFFSET_DATE_TIME.fromJson(json("1e30"));
    assertEquals(
        far, CursorType.OFFSET_DATE_TIME.fromJson(CursorType.OFFSET_DATE_TIME.toJson(far)));
  }

  @Test
  void garbageIsRejected() {
    assertThrows(RuntimeException.class, () -> CursorType.INSTANT.fromJson(json("\"yesterday\"")));
    assertThrows(RuntimeException.class, () -> CursorType.LONG.fromJson(json("\"x\"")));
  }
}
