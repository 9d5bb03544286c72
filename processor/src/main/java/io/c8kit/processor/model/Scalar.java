package io.c8kit.processor.model;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;

/**
 * The Java scalar types the DSL maps to JSON, with their JSON-schema facts, so that config specs,
 * stream schemas, binders and serializers agree on one mapping.
 */
public enum Scalar {
  BOOLEAN("boolean", "", "", TypeName.BOOLEAN, ClassName.get(Boolean.class)),
  INT("integer", "", "", TypeName.INT, ClassName.get(Integer.class)),
  LONG("integer", "", "", TypeName.LONG, ClassName.get(Long.class)),
  SHORT("integer", "", "", TypeName.SHORT, ClassName.get(Short.class)),
  BYTE("integer", "", "", TypeName.BYTE, ClassName.get(Byte.class)),
  DOUBLE("number", "", "", TypeName.DOUBLE, ClassName.get(Double.class)),
  FLOAT("number", "", "", TypeName.FLOAT, ClassName.get(Float.class)),
  BIG_DECIMAL("number", "", "", null, ClassName.get("java.math", "BigDecimal")),
  BIG_INTEGER("integer", "", "", null, ClassName.get("java.math", "BigInteger")),
  STRING("string", "", "", null, ClassName.get(String.class)),
  INSTANT(
      "string",
      "date-time",
      "timestamp_with_timezone",
      null,
      ClassName.get("java.time", "Instant")),
  OFFSET_DATE_TIME(
      "string",
      "date-time",
      "timestamp_with_timezone",
      null,
      ClassName.get("java.time", "OffsetDateTime")),
  ZONED_DATE_TIME(
      "string",
      "date-time",
      "timestamp_with_timezone",
      null,
      ClassName.get("java.time", "ZonedDateTime")),
  LOCAL_DATE_TIME(
      "string",
      "date-time",
      "timestamp_without_timezone",
      null,
      ClassName.get("java.time", "LocalDateTime")),
  LOCAL_DATE("string", "date", "", null, ClassName.get("java.time", "LocalDate")),
  LOCAL_TIME(
      "string", "time", "time_without_timezone", null, ClassName.get("java.time", "LocalTime"));

  private final String jsonType;
  private final String format;
  private final String airbyteType;
  private final TypeName primitive;
  private final ClassName boxed;

  Scalar(String jsonType, String format, String airbyteType, TypeName primitive, ClassName boxed) {
    this.jsonType = jsonType;
    this.format = format;
    this.airbyteType = airbyteType;
    this.primitive = primitive;
    this.boxed = boxed;
  }

  /** {@code integer}, {@code number}, {@code boolean} or {@code string}. */
  public String jsonType() {
    return jsonType;
  }

  /** JSON-schema {@code format}, empty when none. */
  public String format() {
    return format;
  }

  /** Airbyte {@code airbyte_type}, empty when none. */
  public String airbyteType() {
    return airbyteType;
  }

  /** The primitive type, or {@code null} for reference-only scalars. */
  public TypeName primitive() {
    return primitive;
  }

  /** The boxed (or only) class. */
  public ClassName boxed() {
    return boxed;
  }

  public boolean isNumeric() {
    return jsonType.equals("integer") || jsonType.equals("number");
  }
}
