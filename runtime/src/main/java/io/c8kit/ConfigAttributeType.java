package io.c8kit;

import com.fasterxml.jackson.annotation.JsonValue;

/** The UI kind of a C8 config property; values are exactly those of the Python enum. */
public enum ConfigAttributeType {
  STRING("string"),
  INT("integer"),
  BOOLEAN("boolean"),
  DATE("date_iso8601"),
  EMAIL("email"),
  PASSWORD("password"),
  OAUTH("oauth"),
  OPTIONS("options"),
  FILE("file"),
  ARRAY("array"),
  OBJECT("object"),
  HIDDEN("hidden");

  private final String value;

  ConfigAttributeType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }
}
