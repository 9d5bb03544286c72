package io.c8kit.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A cursor (or page key) type: how values compare, and how they are written to and read back from a
 * stream state. One constant per supported Java type; discovered streams pick one from their JSON
 * schema with {@link #forJsonSchema(JsonNode)}.
 *
 * @param <K> the Java type of cursor values
 */
public final class CursorType<K> {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  // One kind per constant and a switch per operation, not three lambdas per constant: lambdas are
  // spun into classes when this class initializes, in every config-reading process's start-up
  // (benchmarks/results/startup.md).
  public static final CursorType<Instant> INSTANT = new CursorType<>("Instant", Kind.INSTANT);
  public static final CursorType<OffsetDateTime> OFFSET_DATE_TIME =
      new CursorType<>("OffsetDateTime", Kind.OFFSET_DATE_TIME);
  public static final CursorType<LocalDateTime> LOCAL_DATE_TIME =
      new CursorType<>("LocalDateTime", Kind.LOCAL_DATE_TIME);
  public static final CursorType<LocalDate> LOCAL_DATE =
      new CursorType<>("LocalDate", Kind.LOCAL_DATE);
  public static final CursorType<Long> LONG = new CursorType<>("long", Kind.LONG);
  public static final CursorType<Integer> INTEGER = new CursorType<>("int", Kind.INTEGER);
  public static final CursorType<BigDecimal> BIG_DECIMAL =
      new CursorType<>("BigDecimal", Kind.BIG_DECIMAL);
  public static final CursorType<Double> DOUBLE = new CursorType<>("double", Kind.DOUBLE);
  public static final CursorType<String> STRING = new CursorType<>("String", Kind.STRING);

  private enum Kind {
    INSTANT,
    OFFSET_DATE_TIME,
    LOCAL_DATE_TIME,
    LOCAL_DATE,
    LONG,
    INTEGER,
    BIG_DECIMAL,
    DOUBLE,
    STRING
  }

  private final String name;
  private final Kind kind;

  private CursorType(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int order(K a, K b) {
    switch (kind) {
      case OFFSET_DATE_TIME:
        return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
      case STRING:
        return compareCodePoints((String) a, (String) b);
      default:
        return ((Comparable) a).compareTo(b);
    }
  }

  private JsonNode json(K v) {
    switch (kind) {
      case OFFSET_DATE_TIME:
        return JSON.textNode(((OffsetDateTime) v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      case LOCAL_DATE_TIME:
        return JSON.textNode(((LocalDateTime) v).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
      case LONG:
        return JSON.numberNode(((Long) v).longValue());
      case INTEGER:
        return JSON.numberNode(((Integer) v).intValue());
      case BIG_DECIMAL:
        return JSON.numberNode((BigDecimal) v);
      case DOUBLE:
        return JSON.numberNode(((Double) v).doubleValue());
      case STRING:
        return JSON.textNode((String) v);
      default: // INSTANT, LOCAL_DATE
        return JSON.textNode(v.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private K value(JsonNode n) {
    Object value;
    switch (kind) {
      case INSTANT -> value = instantValue(n);
      case OFFSET_DATE_TIME -> value = offsetDateTimeValue(n);
      case LOCAL_DATE_TIME -> value = localDateTimeValue(n);
      case LOCAL_DATE -> value = localDateValue(n);
      case LONG -> value = longValue(n);
      case INTEGER -> value = Math.toIntExact(longValue(n));
      case BIG_DECIMAL -> value = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
      case DOUBLE -> value = n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
      default -> value = n.asText();
    }
    return (K) value;
  }

  /** Epoch values below this magnitude are seconds, above it milliseconds (1e11 s is year 5138). */
  private static final BigDecimal EPOCH_MILLIS_THRESHOLD = new BigDecimal("1e11");

  private static final BigDecimal MAX_EPOCH_SECOND =
      BigDecimal.valueOf(LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC));
  private static final BigDecimal MIN_EPOCH_SECOND =
      BigDecimal.valueOf(LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC));

  /**
   * A JSON number in a temporal cursor's place is an epoch time, as found in states written by
   * other connectors ({@code {"cursor": 99999999999999999}}): seconds when its magnitude is below
   * 1e11, otherwise milliseconds; values beyond the representable range saturate.
   */
  private static Instant epochInstant(JsonNode n) {
    BigDecimal v = n.decimalValue();
    BigDecimal seconds = v.abs().compareTo(EPOCH_MILLIS_THRESHOLD) < 0 ? v : v.movePointLeft(3);
    if (seconds.compareTo(MAX_EPOCH_SECOND) > 0) {
      seconds = MAX_EPOCH_SECOND;
    } else if (seconds.compareTo(MIN_EPOCH_SECOND) < 0) {
      seconds = MIN_EPOCH_SECOND;
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos =
        seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** ISO text with a space accepted in place of {@code T}. */
  private static String isoText(JsonNode n) {
    String t = n.asText().trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    return t;
  }

  private static Instant instantValue(JsonNode n) {
    if (n.isNumber()) {
      return epochInstant(n);
    }
    String t = isoText(n);
    try {
      return JsonValues.parseInstant(t);
    } catch (DateTimeParseException e) {
      // a timestamp without an offset is taken as UTC
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }

  private static OffsetDateTime offsetDateTimeValue(JsonNode n) {
    if (n.isNumber()) {
      return epochInstant(n).atOffset(ZoneOffset.UTC);
    }
    String t = isoText(n);
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
    }
  }

  private static LocalDateTime localDateTimeValue(JsonNode n) {
    if (n.isNumber()) {
      return LocalDateTime.ofInstant(epochInstant(n), ZoneOffset.UTC);
    }
    return LocalDateTime.parse(isoText(n));
  }

  private static LocalDate localDateValue(JsonNode n) {
    if (n.isNumber()) {
      return LocalDate.ofInstant(epochInstant(n), ZoneOffset.UTC);
    }
    String t = n.asText().trim();
    return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
  }

  /**
   * Orders strings by Unicode code point, as databases do with a binary ("C") collation; {@code
   * String.compareTo} compares UTF-16 units and disagrees above U+FFFF.
   */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static long longValue(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.decimalValue().longValueExact();
    }
    return Long.parseLong(n.asText().trim());
  }

  /**
   * The cursor type matching a property of a JSON schema: integer → LONG, number → BIG_DECIMAL,
   * date-time → OFFSET_DATE_TIME (or LOCAL_DATE_TIME without time zone), date → LOCAL_DATE, other
   * strings → STRING.
   *
   * @throws IllegalArgumentException for objects, arrays and booleans, which cannot be cursors
   */
  public static CursorType<?> forJsonSchema(JsonNode propertySchema) {
    String type = JsonValues.primaryType(propertySchema);
    String format = propertySchema.path("format").asText("");
    String airbyteType = propertySchema.path("airbyte_type").asText("");
    switch (type) {
      case "integer":
        return LONG;
      case "number":
        return "integer".equals(airbyteType) ? LONG : BIG_DECIMAL;
      case "string":
        if ("date-time".equals(format)) {
          return "timestamp_without_timezone".equals(airbyteType)
              ? LOCAL_DATE_TIME
              : OFFSET_DATE_TIME;
        }
        return "date".equals(format) ? LOCAL_DATE : STRING;
      default:
        throw new IllegalArgumentException("a field of JSON type " + type + " cannot be a cursor");
    }
  }

  public int compare(K a, K b) {
    return order(a, b);
  }

  /** Compares two values of this type given as plain objects (used where generics are erased). */
  @SuppressWarnings("unchecked")
  public int compareObjects(Object a, Object b) {
    return order((K) a, (K) b);
  }

  public JsonNode toJson(K value) {
    return json(Objects.requireNonNull(value, "cursor value"));
  }

  @SuppressWarnings("unchecked")
  public JsonNode objectToJson(Object value) {
    return toJson((K) value);
  }

  /**
   * Reads a value back from state JSON.
   *
   * @throws RuntimeException when the JSON does not hold a value of this type
   */
  public K fromJson(JsonNode json) {
    return value(json);
  }

  /** Reads a cursor value out of a JSON record field (discovered streams). */
  public K fromRecordValue(JsonNode value) {
    return value(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
