package io.c8kit.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.runtime.TimestampText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Casts JSON values to a column's {@link ColumnType} (Java representation listed there), the way a
 * SQL {@code SAFE_CAST} would: numbers and numeric strings for numeric columns, {@code true}/{@code
 * false} (also as strings) for booleans, RFC 3339 / ISO 8601 text for temporal columns, any scalar
 * as text for strings (objects and arrays as their JSON). A value that does not fit returns {@link
 * #INVALID}; the writer stores NULL and records a {@code DESTINATION_TYPECAST_ERROR} change.
 */
public final class TypedValues {
  /** Returned by {@link #convert} for a value that cannot be cast to the column type. */
  public static final Object INVALID =
      new Object() {
        @Override
        public String toString() {
          return "INVALID";
        }
      };

  private static final DateTimeFormatter LENIENT_DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter LENIENT_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private TypedValues() {}

  /** Casts {@code node} (not null, not JSON null) to {@code type}, or returns {@link #INVALID}. */
  public static Object convert(JsonNode node, ColumnType type) {
    switch (type) {
      case INTEGER:
        return toLong(node);
      case NUMBER:
        return toDecimal(node);
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (node.isTextual()) {
          String s = node.textValue().trim();
          if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
          }
          if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
          }
        }
        return INVALID;
      case STRING:
        if (node.isTextual()) {
          return node.textValue();
        }
        return node.isContainerNode() ? node.toString() : node.asText();
      case JSON:
        return node.toString();
      default:
        if (!node.isTextual()) {
          return INVALID;
        }
        return temporal(node.textValue(), type);
    }
  }

  private static Object toLong(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : INVALID;
    }
    if (node.isNumber()) {
      return exactLong(node.decimalValue());
    }
    if (node.isTextual()) {
      String s = node.textValue().trim();
      if (s.isEmpty() || s.length() > 400) {
        return INVALID;
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        try {
          return exactLong(new BigDecimal(s));
        } catch (NumberFormatException e2) {
          return INVALID;
        }
      }
    }
    return INVALID;
  }

  private static Object exactLong(BigDecimal d) {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      return INVALID;
    }
  }

  private static Object toDecimal(JsonNode node) {
    if (node.isNumber()) {
      try {
        return node.decimalValue();
      } catch (NumberFormatException e) {
        return INVALID; // NaN or infinity
      }
    }
    if (node.isTextual()) {
      String s = node.textValue().trim();
      if (s.isEmpty() || s.length() > 1000) {
        return INVALID;
      }
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return INVALID;
      }
    }
    return INVALID;
  }

  // ------------------------------------------------------------------ temporal parsing

  /** Casts RFC 3339 / ISO 8601 text to a temporal {@code type}, or returns {@link #INVALID}. */
  static Object temporal(String text, ColumnType type) {
    String s = text.trim();
    boolean bc = false;
    if (s.length() > 3 && s.regionMatches(true, s.length() - 3, " BC", 0, 3)) {
      bc = true;
      s = s.substring(0, s.length() - 3).trim();
    }
    try {
      return switch (type) {
        case DATE -> {
          LocalDate d = LocalDate.parse(s);
          yield bc ? d.withYear(1 - d.getYear()) : d;
        }
        case TIMESTAMP_WITH_TIMEZONE -> {
          OffsetDateTime t = parseOffsetDateTime(s);
          yield bc ? t.withYear(1 - t.getYear()) : t;
        }
        case TIMESTAMP_WITHOUT_TIMEZONE -> {
          LocalDateTime t = parseLocalDateTime(s);
          yield bc ? t.withYear(1 - t.getYear()) : t;
        }
        case TIME_WITH_TIMEZONE -> bc ? INVALID : parseOffsetTime(s);
        case TIME_WITHOUT_TIMEZONE -> bc ? INVALID : parseLocalTime(s);
        default -> throw new IllegalArgumentException("not temporal: " + type);
      };
    } catch (DateTimeException | ArithmeticException e) {
      return INVALID;
    }
  }

  /** RFC 3339 / ISO 8601 date-time; no offset means UTC; a bare date means its midnight UTC. */
  public static OffsetDateTime parseOffsetDateTime(String s) {
    OffsetDateTime fast = fastOffsetDateTime(s);
    if (fast != null) {
      return fast;
    }
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    TemporalAccessor t = LENIENT_DATE_TIME.parse(s);
    LocalDateTime local = LocalDateTime.of(LocalDate.from(t), LocalTime.from(t));
    ZoneOffset offset =
        t.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    return local.atOffset(offset);
  }

  /** ISO 8601 date-time without zone; an offset, if present, is dropped (wall-clock time kept). */
  public static LocalDateTime parseLocalDateTime(String s) {
    OffsetDateTime fast = fastOffsetDateTime(s);
    if (fast != null) {
      return fast.toLocalDateTime();
    }
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay();
    }
    TemporalAccessor t = LENIENT_DATE_TIME.parse(s);
    return LocalDateTime.of(LocalDate.from(t), LocalTime.from(t));
  }

  /** ISO 8601 time with offset; no offset means UTC. */
  public static OffsetTime parseOffsetTime(String s) {
    TemporalAccessor t = LENIENT_TIME.parse(s);
    ZoneOffset offset =
        t.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    return LocalTime.from(t).atOffset(offset);
  }

  /** ISO 8601 time; an offset, if present, is dropped. */
  public static LocalTime parseLocalTime(String s) {
    return LocalTime.from(LENIENT_TIME.parse(s));
  }

  /**
   * Parses the common shapes {@code yyyy-MM-dd[T ]HH:mm[:ss[.f{1,9}]][Z|±HH:MM]} without a
   * formatter; returns {@code null} for anything else (the caller falls back to the lenient
   * parser). An absent offset is UTC.
   */
  static OffsetDateTime fastOffsetDateTime(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return null;
    }
    char sep = s.charAt(10);
    if (sep != 'T' && sep != 't' && sep != ' ') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0) {
      return null;
    }
    int i = 16;
    int second = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      if (second < 0) {
        return null;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        int frac = 0;
        while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          frac = frac * 10 + (s.charAt(i) - '0');
          i++;
        }
        int len = i - start;
        if (len == 0 || (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
          return null;
        }
        for (int k = len; k < 9; k++) {
          frac *= 10;
        }
        nano = frac;
      }
    }
    ZoneOffset offset;
    if (i == n) {
      offset = ZoneOffset.UTC;
    } else {
      char c = s.charAt(i);
      if ((c == 'Z' || c == 'z') && i + 1 == n) {
        offset = ZoneOffset.UTC;
      } else if ((c == '+' || c == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
        int oh = digits(s, i + 1, 2);
        int om = digits(s, i + 4, 2);
        if ((oh | om) < 0) {
          return null;
        }
        offset = ZoneOffset.ofHoursMinutes(c == '-' ? -oh : oh, c == '-' ? -om : om);
      } else {
        return null;
      }
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
  }

  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // ------------------------------------------------------------------ text formatting

  /**
   * Fixed-width ISO 8601 UTC text with microseconds, {@code 2024-01-31T23:59:59.123456Z}, which
   * sorts chronologically as text (years 0 to 9999); other years use {@link
   * OffsetDateTime#toString()}.
   */
  public static String utcText(OffsetDateTime t) {
    OffsetDateTime u =
        t.getOffset().equals(ZoneOffset.UTC) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    int year = u.getYear();
    if (year < 0 || year > 9999) {
      return u.toString();
    }
    char[] c = new char[27];
    dateTime(
        c,
        year,
        u.getMonthValue(),
        u.getDayOfMonth(),
        u.getHour(),
        u.getMinute(),
        u.getSecond(),
        u.getNano());
    c[26] = 'Z';
    return new String(c);
  }

  /** Fixed-width {@code 2024-01-31T23:59:59.123456} (microseconds). */
  public static String localText(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return t.toString();
    }
    char[] c = new char[26];
    dateTime(
        c,
        year,
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        t.getNano());
    return new String(c);
  }

  /** UTC text of epoch milliseconds, as {@link #utcText}. */
  public static String utcText(long epochMillis) {
    return utcText(
        OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  /** Fixed-width {@code HH:mm:ss.SSSSSS}. */
  public static String timeText(LocalTime t) {
    char[] c = new char[15];
    time(c, 0, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    return new String(c);
  }

  /** Fixed-width {@code HH:mm:ss.SSSSSS+hh:mm} (or {@code Z}), offset kept. */
  public static String timeText(OffsetTime t) {
    String offset = t.getOffset().getId();
    return timeText(t.toLocalTime()) + offset;
  }

  private static void dateTime(
      char[] c, int year, int month, int day, int h, int m, int s, int nano) {
    TimestampText.dateAndSeconds(c, year, month, day, h, m, s);
    fraction(c, 19, nano);
  }

  private static void time(char[] c, int at, int h, int m, int s, int nano) {
    TimestampText.timeOfDay(c, at, h, m, s);
    fraction(c, at + 8, nano);
  }

  /** {@code .SSSSSS}: microseconds, always six digits. */
  private static void fraction(char[] c, int at, int nano) {
    c[at] = '.';
    TimestampText.digits(c, at + 1, nano / 1000, 6);
  }
}
