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
    return v == null ? 0 : asInt(v);
  }

  public static long longValue(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? 0L : asLong(v);
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
    return v == null ? null : asInt(v);
  }

  public static Long boxedLong(JsonNode object, String name) {
    JsonNode v = value(object, name);
    return v == null ? null : asLong(v);
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

  public static <T> Optional<T> optional(JsonNode object, String name, Function<JsonNode, T> element) {
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
   * The enum constant whose JSON name is the value; {@code names} is indexed like {@code constants},
   * both generated at compile time.
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
    return v.isNumber() ? v.intValue() : Integer.parseInt(v.asText().trim());
  }

  public static long asLong(JsonNode v) {
    return v.isNumber() ? v.longValue() : Long.parseLong(v.asText().trim());
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
