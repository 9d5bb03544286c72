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
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * A cursor (or page key) type: how values compare, and how they are written to and read back from
 * a stream state. One constant per supported Java type; discovered streams pick one from their JSON
 * schema with {@link #forJsonSchema(JsonNode)}.
 *
 * @param <K> the Java type of cursor values
 */
public final class CursorType<K> {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public static final CursorType<Instant> INSTANT = new CursorType<Instant>(
      "Instant", Comparator.<Instant>naturalOrder(), v -> JSON.textNode(v.toString()),
      CursorType::instantValue);
  public static final CursorType<OffsetDateTime> OFFSET_DATE_TIME = new CursorType<OffsetDateTime>(
      "OffsetDateTime", Comparator.comparing(OffsetDateTime::toInstant),
      v -> JSON.textNode(v.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)),
      CursorType::offsetDateTimeValue);
  public static final CursorType<LocalDateTime> LOCAL_DATE_TIME = new CursorType<LocalDateTime>(
      "LocalDateTime", Comparator.<LocalDateTime>naturalOrder(),
      v -> JSON.textNode(v.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)),
      CursorType::localDateTimeValue);
  public static final CursorType<LocalDate> LOCAL_DATE = new CursorType<LocalDate>(
      "LocalDate", Comparator.<LocalDate>naturalOrder(), v -> JSON.textNode(v.toString()),
      CursorType::localDateValue);
  public static final CursorType<Long> LONG = new CursorType<Long>(
      "long", Comparator.<Long>naturalOrder(), v -> JSON.numberNode(v.longValue()), CursorType::longValue);
  public static final CursorType<Integer> INTEGER = new CursorType<Integer>(
      "int", Comparator.<Integer>naturalOrder(), v -> JSON.numberNode(v.intValue()), n -> Math.toIntExact(longValue(n)));
  public static final CursorType<BigDecimal> BIG_DECIMAL = new CursorType<BigDecimal>(
      "BigDecimal", Comparator.<BigDecimal>naturalOrder(), v -> JSON.numberNode(v),
      n -> n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText()));
  public static final CursorType<Double> DOUBLE = new CursorType<Double>(
      "double", Comparator.<Double>naturalOrder(), v -> JSON.numberNode(v.doubleValue()),
      n -> n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText()));
  public static final CursorType<String> STRING = new CursorType<String>(
      "String", CursorType::compareCodePoints, v -> JSON.textNode(v), JsonNode::asText);

  private final String name;
  private final Comparator<K> order;
  private final Function<K, JsonNode> toJson;
  private final Function<JsonNode, K> fromJson;

  private CursorType(
      String name, Comparator<K> order, Function<K, JsonNode> toJson, Function<JsonNode, K> fromJson) {
    this.name = name;
    this.order = order;
    this.toJson = toJson;
    this.fromJson = fromJson;
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
    long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValue();
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
   * Orders strings by Unicode code point, as databases do with a binary ("C") collation;
   * {@code String.compareTo} compares UTF-16 units and disagrees above U+FFFF.
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
          return "timestamp_without_timezone".equals(airbyteType) ? LOCAL_DATE_TIME : OFFSET_DATE_TIME;
        }
        return "date".equals(format) ? LOCAL_DATE : STRING;
      default:
        throw new IllegalArgumentException("a field of JSON type " + type + " cannot be a cursor");
    }
  }

  public int compare(K a, K b) {
    return order.compare(a, b);
  }

  /** Compares two values of this type given as plain objects (used where generics are erased). */
  @SuppressWarnings("unchecked")
  public int compareObjects(Object a, Object b) {
    return order.compare((K) a, (K) b);
  }

  public JsonNode toJson(K value) {
    return toJson.apply(Objects.requireNonNull(value, "cursor value"));
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
    return fromJson.apply(json);
  }

  /** Reads a cursor value out of a JSON record field (discovered streams). */
  public K fromRecordValue(JsonNode value) {
    return fromJson.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
