package io.c8kit.processor.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.EnumModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code @DefaultValue} and {@code @Property(examples)} text to JSON literals at compile
 * time, so that a default that would fail at run time (a typo in a number, an unknown enum name) is
 * a compile error instead.
 */
final class DefaultValues {
  /**
   * Created on first use: only list defaults need it, and building an ObjectMapper costs ~200 ms of
   * every compilation that loads the processor (benchmarks/FINDINGS.md).
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** Digits a default may have on either side of the decimal point. */
  private static final int MAX_DIGITS = 1000;

  private DefaultValues() {}

  /** Thrown with a short reason when text does not parse to the type. */
  static final class Unparseable extends Exception {
    private static final long serialVersionUID = 1L;

    Unparseable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The JSON literal for {@code text}: String, Long, BigDecimal, Boolean, or a List of those. */
  static Object parse(TypeModel type, String text) throws Unparseable {
    if (type instanceof OptionalModel o) {
      return parse(o.element(), text);
    }
    if (type instanceof EnumModel e) {
      return enumValue(e, text);
    }
    if (type instanceof ScalarModel s) {
      return scalar(s.scalar(), text);
    }
    if (type instanceof CollectionModel c) {
      JsonNode array;
      try {
        array = Json.MAPPER.readTree(text);
      } catch (JsonProcessingException ex) {
        throw new Unparseable("not a JSON array");
      }
      if (array == null || !array.isArray()) {
        throw new Unparseable("not a JSON array");
      }
      List<Object> out = new ArrayList<>();
      for (JsonNode item : array) {
        out.add(element(c.element(), item));
      }
      return List.copyOf(out);
    }
    throw new Unparseable("defaults are supported on scalar, enum and list properties only");
  }

  private static Object element(TypeModel type, JsonNode item) throws Unparseable {
    boolean stringy =
        type instanceof EnumModel
            || (type instanceof ScalarModel s && s.scalar().jsonType().equals("string"));
    boolean bool = type instanceof ScalarModel s && s.scalar() == Scalar.BOOLEAN;
    if (stringy && !item.isTextual()) {
      throw new Unparseable("array element " + item + " is not a JSON string");
    }
    if (bool && !item.isBoolean()) {
      throw new Unparseable("array element " + item + " is not a JSON boolean");
    }
    if (!stringy && !bool && !item.isNumber()) {
      throw new Unparseable("array element " + item + " is not a JSON number");
    }
    return parse(type, item.asText());
  }

  private static Object enumValue(EnumModel e, String text) throws Unparseable {
    int index = e.jsonNames().indexOf(text);
    if (index < 0) {
      index = e.constants().indexOf(text);
    }
    if (index < 0) {
      throw new Unparseable("expected one of " + e.jsonNames());
    }
    return e.jsonNames().get(index);
  }

  private static Object scalar(Scalar scalar, String raw) throws Unparseable {
    String text = raw.trim();
    try {
      switch (scalar) {
        case BOOLEAN:
          if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
          }
          throw new Unparseable("expected true or false");
        case INT:
          return (long) Integer.parseInt(text);
        case LONG:
          return Long.parseLong(text);
        case SHORT:
          return (long) Short.parseShort(text);
        case BYTE:
          return (long) Byte.parseByte(text);
        case BIG_INTEGER:
          return new BigDecimal(new BigInteger(text));
        case DOUBLE:
        case FLOAT:
          double d = Double.parseDouble(text);
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Unparseable("JSON has no NaN or infinity");
          }
          return normalize(bounded(new BigDecimal(text)));
        case BIG_DECIMAL:
          return normalize(bounded(new BigDecimal(text)));
        case STRING:
          return raw;
        case INSTANT:
          try {
            Instant.parse(text);
          } catch (DateTimeParseException e) {
            OffsetDateTime.parse(text);
          }
          return text;
        case OFFSET_DATE_TIME:
          OffsetDateTime.parse(text);
          return text;
        case LOCAL_DATE:
          LocalDate.parse(text);
          return text;
        default:
          throw new Unparseable("defaults are not supported for " + scalar);
      }
    } catch (NumberFormatException e) {
      throw new Unparseable("not a number in range");
    } catch (DateTimeParseException e) {
      throw new Unparseable(
          "not an ISO-8601 " + (scalar == Scalar.LOCAL_DATE ? "date" : "timestamp"));
    }
  }

  /**
   * Rejects exponents no JSON reader would accept, such as {@code 1e999999999}: writing them in
   * plain notation would take gigabytes (and {@link #normalize} would build the number digit by
   * digit).
   */
  private static BigDecimal bounded(BigDecimal d) throws Unparseable {
    if (Math.abs((long) d.precision() - d.scale()) > MAX_DIGITS
        || Math.abs((long) d.scale()) > MAX_DIGITS) {
      throw new Unparseable(
          "more than " + MAX_DIGITS + " digits before or after the decimal point");
    }
    return d;
  }

  /** Numbers print without trailing zeros so that {@code 1.0} and {@code 1} give the same spec. */
  static BigDecimal normalize(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** The literal as the C8 {@code default_value} string. */
  static String c8Text(Object literal) {
    if (literal instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (literal instanceof List<?>) {
      try {
        return Json.MAPPER.writeValueAsString(literal);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.valueOf(literal);
  }

  /** What the type expects, for messages. */
  static String describe(TypeModel type) {
    if (type instanceof OptionalModel o) {
      return describe(o.element());
    }
    if (type instanceof EnumModel e) {
      return "value of " + e.type().simpleName() + " " + e.jsonNames();
    }
    if (type instanceof CollectionModel) {
      return "JSON array";
    }
    if (type instanceof ScalarModel s) {
      return s.scalar().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    return "value";
  }

  /** A valid example for the type, for messages. */
  static String sample(TypeModel type) {
    if (type instanceof OptionalModel o) {
      return sample(o.element());
    }
    if (type instanceof EnumModel e) {
      return e.jsonNames().isEmpty() ? "\"\"" : "\"" + e.jsonNames().get(0) + "\"";
    }
    if (type instanceof CollectionModel) {
      return "\"[\\\"a\\\", \\\"b\\\"]\"";
    }
    if (type instanceof ScalarModel s) {
      switch (s.scalar()) {
        case BOOLEAN:
          return "\"true\"";
        case DOUBLE:
        case FLOAT:
        case BIG_DECIMAL:
          return "\"1.5\"";
        case INSTANT:
        case OFFSET_DATE_TIME:
          return "\"2024-01-01T00:00:00Z\"";
        case LOCAL_DATE:
          return "\"2024-01-01\"";
        case STRING:
          return "\"text\"";
        default:
          return "\"1000\"";
      }
    }
    return "\"\"";
  }
}
