package io.c8kit.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The draft-07 {@code format}s a config string is checked against: the date and time formats the
 * processor writes for {@code java.time} properties and the common ones an author may name. Hand
 * written on {@code java.util.regex} (already loaded by every JVM) instead of {@code java.time}
 * parsers, which would cost start-up; unknown formats are annotations, as draft-07 allows.
 */
final class StringFormats {
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME =
      Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern HOSTNAME =
      Pattern.compile("(?=.{1,253}$)" + LABEL + "(?:\\." + LABEL + ")*");

  private StringFormats() {}

  /**
   * What is wrong with {@code value} for {@code format} ("is not a valid RFC 3339 date-time"), or
   * {@code null} when it conforms or the format is not one this class checks. Never quotes the
   * value.
   */
  static String problem(String format, String value) {
    return switch (format) {
      case "date-time" -> isDateTime(value) ? null : "is not a valid RFC 3339 date-time";
      case "date" -> isDate(value) ? null : "is not a valid RFC 3339 full-date";
      case "time" -> isTime(value) ? null : "is not a valid RFC 3339 time";
      case "email" -> isEmail(value) ? null : "is not a valid e-mail address";
      case "uuid" -> UUID.matcher(value).matches() ? null : "is not a valid UUID";
      case "ipv4" -> IPV4.matcher(value).matches() ? null : "is not a valid IPv4 address";
      case "hostname" -> HOSTNAME.matcher(value).matches() ? null : "is not a valid host name";
      case "uri" -> isUri(value, true) ? null : "is not a valid absolute URI";
      case "uri-reference" -> isUri(value, false) ? null : "is not a valid URI reference";
      default -> null;
    };
  }

  static boolean isDateTime(String value) {
    int t = Math.max(value.indexOf('T'), value.indexOf('t'));
    return t > 0 && isDate(value.substring(0, t)) && isTime(value.substring(t + 1));
  }

  static boolean isDate(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  }

  static boolean isTime(String value) {
    Matcher m = TIME.matcher(value);
    if (!m.matches()) {
      return false;
    }
    boolean clock =
        Integer.parseInt(m.group(1)) < 24
            && Integer.parseInt(m.group(2)) < 60
            && Integer.parseInt(m.group(3)) <= 60; // 60: a leap second
    boolean offset =
        m.group(4) == null
            || (Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60);
    return clock && offset;
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isEmail(String value) {
    int at = value.lastIndexOf('@');
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return false;
      }
    }
    return at > 0 && at < value.length() - 1;
  }

  private static boolean isUri(String value, boolean absolute) {
    try {
      URI uri = new URI(value);
      return !absolute || uri.isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
