package io.c8kit.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Writes Java values as Airbyte-typed JSON for generated serializers (RFC 3339 temporals, integers
 * as JSON integers, non-finite doubles as null) and reads schema facts shared by the runtime.
 */
public final class JsonValues {
  private JsonValues() {}

  public static void writeString(JsonGenerator g, String value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  public static void writeInt(JsonGenerator g, Integer value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.intValue());
    }
  }

  public static void writeLong(JsonGenerator g, Long value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.longValue());
    }
  }

  public static void writeShort(JsonGenerator g, Short value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value.shortValue());
    }
  }

  public static void writeDouble(JsonGenerator g, Double value) throws IOException {
    if (value == null || value.isNaN() || value.isInfinite()) {
      g.writeNull();
    } else {
      g.writeNumber(value.doubleValue());
    }
  }

  /**
   * The primitive form, chosen by the compiler for {@code double} components: no box per record.
   */
  public static void writeDouble(JsonGenerator g, double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  /** The primitive form, chosen by the compiler for {@code float} components: no box per record. */
  public static void writeFloat(JsonGenerator g, float value) throws IOException {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  public static void writeFloat(JsonGenerator g, Float value) throws IOException {
    if (value == null || value.isNaN() || value.isInfinite()) {
      g.writeNull();
    } else {
      g.writeNumber(value.floatValue());
    }
  }

  public static void writeBigDecimal(JsonGenerator g, BigDecimal value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  public static void writeBigInteger(JsonGenerator g, BigInteger value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  public static void writeBoolean(JsonGenerator g, Boolean value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeBoolean(value.booleanValue());
    }
  }

  /** As {@link Instant#toString()} (RFC 3339 in UTC), formatted without a String in between. */
  public static void writeInstant(JsonGenerator g, Instant value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    char[] text = new char[IsoInstant.MAX_LENGTH];
    int length = IsoInstant.format(value, text);
    if (length < 0) {
      g.writeString(value.toString());
    } else {
      g.writeString(text, 0, length);
    }
  }

  public static void writeOffsetDateTime(JsonGenerator g, OffsetDateTime value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  public static void writeZonedDateTime(JsonGenerator g, ZonedDateTime value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
  }

  public static void writeLocalDateTime(JsonGenerator g, LocalDateTime value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }
  }

  public static void writeLocalDate(JsonGenerator g, LocalDate value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.toString());
    }
  }

  public static void writeLocalTime(JsonGenerator g, LocalTime value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.format(DateTimeFormatter.ISO_LOCAL_TIME));
    }
  }

  /**
   * Writes an enum constant by its JSON name; {@code names} is indexed by ordinal and generated at
   * compile time, so no reflection is needed, and pre-encoded, so Jackson copies bytes.
   */
  public static void writeEnum(JsonGenerator g, Enum<?> value, SerializableString[] names)
      throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(names[value.ordinal()]);
    }
  }

  public static void writeJson(JsonGenerator g, JsonNode value) throws IOException {
    if (value == null || value.isMissingNode()) {
      g.writeNull();
    } else {
      g.writeTree(value);
    }
  }

  /** Writes a collection as a JSON array, each element with {@code element}. */
  public static <T> void writeList(
      JsonGenerator g, Collection<? extends T> values, RecordSerializer<? super T> element)
      throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    if (values instanceof List<? extends T> list && values instanceof RandomAccess) {
      // by index: no iterator per list (records' lists are mostly ArrayList or List.of)
      for (int i = 0, n = list.size(); i < n; i++) {
        writeElement(g, list.get(i), element);
      }
    } else {
      for (T value : values) {
        writeElement(g, value, element);
      }
    }
    g.writeEndArray();
  }

  private static <T> void writeElement(
      JsonGenerator g, T value, RecordSerializer<? super T> element) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      element.write(value, g);
    }
  }

  /**
   * Writes a collection of strings as a JSON array: the generated form for {@code List<String>},
   * with no per-element call through a {@link RecordSerializer}.
   */
  public static void writeStringList(JsonGenerator g, Collection<? extends String> values)
      throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    if (values instanceof List<? extends String> list && values instanceof RandomAccess) {
      for (int i = 0, n = list.size(); i < n; i++) {
        writeString(g, list.get(i));
      }
    } else {
      for (String value : values) {
        writeString(g, value);
      }
    }
    g.writeEndArray();
  }

  /** Writes an Optional's value with {@code element}, or null when empty. */
  public static <T> void writeOptional(
      JsonGenerator g, Optional<? extends T> value, RecordSerializer<? super T> element)
      throws IOException {
    if (value == null || value.isEmpty()) {
      g.writeNull();
    } else {
      element.write(value.get(), g);
    }
  }

  /** Writes a map with string keys as a JSON object, values by their run-time type. */
  public static void writeMap(JsonGenerator g, Map<String, ?> values) throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      writeAny(g, e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * Writes a value whose type is known only at run time (dynamic records, map values), with the
   * same conventions as the typed writers.
   */
  public static void writeAny(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      writeDouble(g, d);
    } else if (value instanceof Float f) {
      writeFloat(g, f);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof JsonNode n) {
      g.writeTree(n);
    } else if (value instanceof Instant i) {
      writeInstant(g, i);
    } else if (value instanceof OffsetDateTime t) {
      writeOffsetDateTime(g, t);
    } else if (value instanceof ZonedDateTime t) {
      writeZonedDateTime(g, t);
    } else if (value instanceof LocalDateTime t) {
      writeLocalDateTime(g, t);
    } else if (value instanceof LocalDate d) {
      writeLocalDate(g, d);
    } else if (value instanceof LocalTime t) {
      writeLocalTime(g, t);
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeAny(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object o : c) {
        writeAny(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Object[] array) {
      g.writeStartArray();
      for (Object o : array) {
        writeAny(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Optional<?> o) {
      writeAny(g, o.orElse(null));
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      g.writeString(value.toString());
    }
  }

  /**
   * Parses an RFC 3339 timestamp (with offset or {@code Z}; a space instead of {@code T} is
   * accepted) into an Instant.
   */
  public static Instant parseInstant(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.parse(t);
    }
  }

  /**
   * The non-null JSON type of a schema: {@code "string"} for {@code {"type":["string","null"]}};
   * {@code "object"} when the schema has properties but no type; empty string when unknown.
   */
  public static String primaryType(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return type.asText();
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
      return "null";
    }
    if (schema.has("properties")) {
      return "object";
    }
    return "";
  }
}
