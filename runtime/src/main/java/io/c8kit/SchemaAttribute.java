package io.c8kit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** One attribute (column) of a C8 {@link Schema}. JSON: {@code {"name","type"}}. */
@JsonPropertyOrder({"name", "type"})
public record SchemaAttribute(String name, SchemaAttributeType type) {
  public SchemaAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
