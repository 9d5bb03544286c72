package io.c8kit.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values out of a validated config object for generated binders. The config was
 * validated against the spec and defaults were applied, so a value missing here is one the spec
 * allows to be absent, and it binds to {@code null}/empty.
 */
public final class ConfigValues {
  private ConfigValues() {}

  private static JsonNode value(JsonNode object, String name) {
    JsonNode v = object == null ? null : object.get(name);
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }

  public static int intValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0 : (int) integral(v, name, INT);
  }

  public static long longValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0L : integral(v, name, LONG);
  }

  public static short shortValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0 : (short) integral(v, name, SHORT);
  }

  public static byte byteValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0 : (byte) integral(v, name, BYTE);
  }

  public static double doubleValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0.0 : asDouble(v);
  }

  public static boolean booleanValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v != null && asBoolean(v);
  }

  public static Integer boxedInt(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : (int) integral(v, name, INT);
  }

  public static Long boxedLong(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : integral(v, name, LONG);
  }

  public static Short boxedShort(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : (short) integral(v, name, SHORT);
  }

  public static Byte boxedByte(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : (byte) integral(v, name, BYTE);
  }

  public static Double boxedDouble(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : asDouble(v);
  }

  public static Boolean boxedBoolean(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : asBoolean(v);
  }

  public static String string(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : asString(v);
  }

  public static BigDecimal decimal(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : asDecimal(v);
  }

  public static JsonNode json(JsonNode object, String name) {
    return value(object, name);
  }

  /** The nested object {@code name}, or {@code null} when absent. */
  public static JsonNode object(JsonNode object, String name) {
    return value(object, name);
  }

  /** Binds a value with {@code element}, or returns {@code null} when absent. */
  public static <T> T nullable(JsonNode object, String name, Function<JsonNode, T> element) {
    JsonNode v = value(object, name);
    return v == null ? null : element.apply(v);
  }

  public static <T> Optional<T> optional(
      JsonNode object, String name, Function<JsonNode, T> element) {
    JsonNode v = value(object, name);
    return v == null ? Optional.empty() : Optional.ofNullable(element.apply(v));
  }

  /** Binds a JSON array with {@code element}; an absent array binds to an empty list. */
  public static <T> List<T> list(JsonNode object, String name, Function<JsonNode, T> element) {
    JsonNode v = value(object, name);
    if (v == null) {
      return List.of();
    }
    List<T> out = new ArrayList<>(v.size());
    for (JsonNode item : v) {
      out.add(element.apply(item));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The enum constant whose JSON name is the value; {@code names} is indexed like {@code
   * constants}, both generated at compile time.
   */
  public static <E extends Enum<E>> E enumValue(
      JsonNode object, String name, E[] constants, String[] names) {
    JsonNode v = value(object, name);
    return v == null ? null : asEnum(v, constants, names);
  }

  public static <E extends Enum<E>> E asEnum(JsonNode v, E[] constants, String[] names) {
    String text = v.asText();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(text)) {
        return constants[i];
      }
    }
    throw new IllegalArgumentException("unexpected value \"" + text + "\"");
  }

  public static int asInt(JsonNode v) {
    return (int) integral(v, null, INT);
  }

  public static long asLong(JsonNode v) {
    return integral(v, null, LONG);
  }

  public static short asShort(JsonNode v) {
    return (short) integral(v, null, SHORT);
  }

  public static byte asByte(JsonNode v) {
    return (byte) integral(v, null, BYTE);
  }

  /** A Java integer type's name and range, for {@link #integral}. */
  private record IntegerType(String name, long min, long max) {}

  private static final IntegerType INT =
      new IntegerType("int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  private static final IntegerType LONG = new IntegerType("long", Long.MIN_VALUE, Long.MAX_VALUE);
  private static final IntegerType SHORT =
      new IntegerType("short", Short.MIN_VALUE, Short.MAX_VALUE);
  private static final IntegerType BYTE = new IntegerType("byte", Byte.MIN_VALUE, Byte.MAX_VALUE);

  /**
   * The whole number {@code v} holds, checked against {@code type}'s range: a value out of range or
   * with a fraction is a bind error naming the property, never a wrapped or truncated number (the
   * spec carries the same range, so the validator normally reports it first, with the JSON path).
   */
  private static long integral(JsonNode v, String name, IntegerType type) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      long n = v.longValue();
      if (n >= type.min() && n <= type.max()) {
        return n;
      }
    }
    BigDecimal d;
    try {
      d = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
    } catch (NumberFormatException e) {
      throw integerProblem(v, name, type, "is not a number");
    }
    // Range first: a huge exponent (1e999999999) must not be expanded into digits.
    if (d.compareTo(BigDecimal.valueOf(type.min())) < 0
        || d.compareTo(BigDecimal.valueOf(type.max())) > 0) {
      throw integerProblem(v, name, type, "is out of range");
    }
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw integerProblem(v, name, type, "is not a whole number");
    }
    return d.longValue();
  }

  private static IllegalArgumentException integerProblem(
      JsonNode v, String name, IntegerType type, String problem) {
    String text = v.isTextual() ? "\"" + v.textValue() + "\"" : v.toString();
    return new IllegalArgumentException(
        (name == null ? "" : name + ": ")
            + text
            + " "
            + problem
            + " for "
            + type.name()
            + " (a whole number from "
            + type.min()
            + " to "
            + type.max()
            + ")");
  }

  public static double asDouble(JsonNode v) {
    return v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText().trim());
  }

  public static boolean asBoolean(JsonNode v) {
    return v.isBoolean() ? v.booleanValue() : Boolean.parseBoolean(v.asText().trim());
  }

  public static String asString(JsonNode v) {
    return v.isTextual() ? v.textValue() : v.toString();
  }

  public static BigDecimal asDecimal(JsonNode v) {
    return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
  }

  public static Instant asInstant(JsonNode v) {
    return JsonValues.parseInstant(v.asText());
  }

  public static OffsetDateTime asOffsetDateTime(JsonNode v) {
    return OffsetDateTime.parse(v.asText().trim());
  }

  public static LocalDateTime asLocalDateTime(JsonNode v) {
    return LocalDateTime.parse(v.asText().trim());
  }

  public static LocalDate asLocalDate(JsonNode v) {
    return LocalDate.parse(v.asText().trim());
  }
}
