package io.c8kit.runtime;

import java.time.Instant;

/**
 * Formats an {@link Instant} exactly as {@link Instant#toString()} does, without the
 * DateTimeFormatter machinery behind it: timestamps are in nearly every record, and {@code
 * Instant.toString()} was a fifth of the CPU of a read (benchmarks/FINDINGS.md, finding 8). Years
 * outside 0000–9999, which {@code toString()} writes with a sign, are left to {@code toString()}.
 */
final class IsoInstant {
  /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
  private static final long MIN_SECOND = -62_167_219_200L;

  private static final long END_SECOND = 253_402_300_800L;

  /** Longest output: {@code 9999-12-31T23:59:59.999999999Z}. */
  static final int MAX_LENGTH = 30;

  private IsoInstant() {}

  /**
   * Writes {@code value} into {@code out} from index 0 and returns the length, or -1 (nothing
   * written) when the year needs {@code toString()}'s signed form.
   */
  static int format(Instant value, char[] out) {
    long second = value.getEpochSecond();
    if (second < MIN_SECOND || second >= END_SECOND) {
      return -1;
    }
    long day = Math.floorDiv(second, 86_400L);
    int secondOfDay = (int) (second - day * 86_400L);
    // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted): eras of
    // 400 years starting on 0000-03-01, so that the leap day is the last day of a year.
    long z = day + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    int dayOfEra = (int) (z - era * 146_097L);
    int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int dayOfMonth = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

    TimestampText.dateAndSeconds(
        out, year, month, dayOfMonth, secondOfDay / 3_600, secondOfDay / 60 % 60, secondOfDay % 60);
    int at = 19;
    int nano = value.getNano();
    if (nano != 0) {
      out[at++] = '.';
      // as DateTimeFormatter.ISO_INSTANT: 3, 6 or 9 digits, as few as show the value exactly
      if (nano % 1_000_000 == 0) {
        TimestampText.digits(out, at, nano / 1_000_000, 3);
        at += 3;
      } else if (nano % 1_000 == 0) {
        TimestampText.digits(out, at, nano / 1_000, 6);
        at += 6;
      } else {
        TimestampText.digits(out, at, nano, 9);
        at += 9;
      }
    }
    out[at++] = 'Z';
    return at;
  }
}
