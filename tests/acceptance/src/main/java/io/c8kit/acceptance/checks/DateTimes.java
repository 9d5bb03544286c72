package io.c8kit.acceptance.checks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CAT's {@code date-time} format check: the value must match {@code
 * ^\d{4}-\d?\d-\d?\d(\s|T)\d?\d:\d?\d:\d?\d(.\d+)?.*$} and be a parseable date-time (valid calendar
 * date and clock time, followed by nothing or a recognisable zone).
 */
public final class DateTimes {
  /** The exact regular expression CAT uses. */
  public static final Pattern CAT_PATTERN =
      Pattern.compile("^\\d{4}-\\d?\\d-\\d?\\d(\\s|T)\\d?\\d:\\d?\\d:\\d?\\d(.\\d+)?.*$");

  private static final Pattern PARTS =
      Pattern.compile(
          "^(\\d{4})-(\\d?\\d)-(\\d?\\d)[\\sT](\\d?\\d):(\\d?\\d):(\\d?\\d)(?:[.,](\\d+))?\\s*(.*)$");
  private static final Pattern ZONE =
      Pattern.compile(
          "^(?:[zZ]|UTC|GMT|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?)?$");

  private DateTimes() {}

  /** True when {@code value} passes CAT's date-time check. */
  public static boolean isValidDateTime(String value) {
    if (value == null || !CAT_PATTERN.matcher(value).matches()) {
      return false;
    }
    Matcher m = PARTS.matcher(value);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = Integer.parseInt(m.group(6));
    if (hour > 23 || minute > 59 || second > 60) {
      return false;
    }
    return ZONE.matcher(m.group(8)).matches();
  }

  /**
   * The instant a CAT-valid date-time denotes, as {@link java.time.Instant#toString()}, or {@code
   * null} when {@code value} is not one. A value without zone is read as UTC. Used to compare
   * date-times that a destination stored in another, equivalent notation.
   */
  public static String canonicalInstant(String value) {
    if (!isValidDateTime(value)) {
      return null;
    }
    Matcher m = PARTS.matcher(value);
    if (!m.matches()) {
      return null;
    }
    try {
      String frac = m.group(7) == null ? "0" : (m.group(7) + "000000000").substring(0, 9);
      int second = Math.min(59, Integer.parseInt(m.group(6)));
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              second,
              Integer.parseInt(frac));
      return local.toInstant(offset(m.group(8))).toString();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static ZoneOffset offset(String zone) {
    String z = zone.strip();
    if (z.isEmpty() || z.equalsIgnoreCase("z") || z.equals("UTC") || z.equals("GMT")) {
      return ZoneOffset.UTC;
    }
    if (z.startsWith("UTC") || z.startsWith("GMT")) {
      z = z.substring(3);
    }
    String sign = z.substring(0, 1);
    String digits = z.substring(1).replace(":", "");
    if (digits.length() == 1) {
      digits = "0" + digits;
    }
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
    int seconds = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
    int total = hours * 3600 + minutes * 60 + seconds;
    return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
  }
}
