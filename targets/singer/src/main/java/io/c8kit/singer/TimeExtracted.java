package io.c8kit.singer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code time_extracted} text of a RECORD in singer-python's {@code DATETIME_FMT} ({@code
 * %04Y-%m-%dT%H:%M:%S.%fZ}: UTC, always six fraction digits, {@code Z}); the last millisecond's
 * text is kept, since consecutive records mostly share it.
 */
final class TimeExtracted {
  private long lastMillis = Long.MIN_VALUE;
  private String lastText;

  /** {@code 2024-01-02T03:04:05.678000Z} for the given epoch milliseconds. */
  String format(long epochMillis) {
    if (epochMillis != lastMillis) {
      lastText = text(epochMillis);
      lastMillis = epochMillis;
    }
    return lastText;
  }

  static String text(long epochMillis) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMillis, 1000L),
            (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    char[] c = new char[27];
    digits(c, 0, t.getYear(), 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    digits(c, 20, t.getNano() / 1000, 6);
    c[26] = 'Z';
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
