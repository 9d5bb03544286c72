package io.c8kit.jdbc;

/**
 * The stored text of a timestamp column ({@link TypedValues#utcText} or {@link
 * TypedValues#localText}: fixed width, microseconds) made straight from the input's RFC 3339 text
 * for its common shapes, UTC with 0 to 9 fraction digits, without parsing it to a {@code java.time}
 * value and formatting that (a fifth of a write's time in issue 15's profile). Any other shape
 * returns {@code null}: the caller parses it as before, so offsets, missing seconds, " BC" and
 * invalid text keep today's results.
 */
final class TimestampColumnText {
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private TimestampColumnText() {}

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f…]} then {@code Z} or nothing (UTC) as {@code
   * yyyy-MM-ddTHH:mm:ss.SSSSSSZ}; {@code null} for any other text.
   */
  static String utc(char[] s, int off, int len) {
    return text(s, off, len, true);
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f…]} then {@code Z} or nothing as {@code
   * yyyy-MM-ddTHH:mm:ss.SSSSSS} (the wall-clock time, as {@link TypedValues#parseLocalDateTime}
   * keeps it); {@code null} otherwise.
   */
  static String local(char[] s, int off, int len) {
    return text(s, off, len, false);
  }

  static String utc(String s) {
    return utc(s.toCharArray(), 0, s.length());
  }

  static String local(String s) {
    return local(s.toCharArray(), 0, s.length());
  }

  private static String text(char[] s, int off, int len, boolean zone) {
    if (len < 19
        || s[off + 4] != '-'
        || s[off + 7] != '-'
        || s[off + 13] != ':'
        || s[off + 16] != ':') {
      return null;
    }
    char sep = s[off + 10];
    if (sep != 'T' && sep != 't' && sep != ' ') {
      return null;
    }
    int year = digits(s, off, 4);
    int month = digits(s, off + 5, 2);
    int day = digits(s, off + 8, 2);
    int hour = digits(s, off + 11, 2);
    int minute = digits(s, off + 14, 2);
    int second = digits(s, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysIn(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int end = off + len;
    int i = off + 19;
    int fractionStart = i;
    int fractionDigits = 0;
    if (i < end && (s[i] == '.' || s[i] == ',')) {
      fractionStart = ++i;
      while (i < end && s[i] >= '0' && s[i] <= '9') {
        i++;
      }
      fractionDigits = i - fractionStart;
      if (fractionDigits == 0 || fractionDigits > 9) {
        return null;
      }
    }
    if (i < end) {
      if ((s[i] != 'Z' && s[i] != 'z') || i + 1 != end) {
        return null;
      }
    }
    byte[] out = new byte[zone ? 27 : 26];
    for (int k = 0; k < 19; k++) {
      out[k] = (byte) s[off + k];
    }
    out[10] = 'T';
    out[19] = '.';
    for (int k = 0; k < 6; k++) {
      out[20 + k] = (byte) (k < fractionDigits ? s[fractionStart + k] : '0');
    }
    if (zone) {
      out[26] = 'Z';
    }
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int daysIn(int year, int month) {
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) {
      return 29;
    }
    return DAYS_IN_MONTH[month - 1];
  }

  /** The value of {@code count} decimal digits, or -1 when one is not a digit. */
  private static int digits(char[] s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
