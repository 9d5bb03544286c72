package io.c8kit;

import com.fasterxml.jackson.annotation.JsonValue;

/** The column type of a C8 schema attribute; values are exactly those of the Python enum. */
public enum SchemaAttributeType {
  BOOLEAN("bool"),
  INT("int"),
  LONG("long"),
  FLOAT("float"),
  DOUBLE("double"),
  STRING("string"),
  OBJECT("object");

  private final String value;

  SchemaAttributeType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
