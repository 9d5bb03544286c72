package io.c8kit.runtime;

/**
 * Writes the fixed-width fields of ISO-8601 date-times into a char array, without formatter objects
 * or intermediate strings; shared by the JSON instant writer ({@code IsoInstant}) and the JDBC
 * timestamp text ({@code io.c8kit.jdbc.TypedValues}). Internal to c8kit.
 */
public final class TimestampText {
  private TimestampText() {}

  /** Writes {@code yyyy-MM-ddTHH:mm:ss} (19 characters) from index 0; the year must be 0–9999. */
  public static void dateAndSeconds(
      char[] out, int year, int month, int day, int hour, int minute, int second) {
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    timeOfDay(out, 11, hour, minute, second);
  }

  /** Writes {@code HH:mm:ss} (8 characters) from index {@code at}. */
  public static void timeOfDay(char[] out, int at, int hour, int minute, int second) {
    digits(out, at, hour, 2);
    out[at + 2] = ':';
    digits(out, at + 3, minute, 2);
    out[at + 5] = ':';
    digits(out, at + 6, second, 2);
  }

  /** Writes {@code value} (not negative) as exactly {@code width} zero-padded decimal digits. */
  public static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
