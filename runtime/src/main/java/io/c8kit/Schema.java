package io.c8kit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/** The flattened schema of one C8 stream. JSON: {@code {"name","attributes":[...]}}. */
@JsonPropertyOrder({"name", "attributes"})
public record Schema(String name, List<SchemaAttribute> attributes) {
  public Schema {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
  }
}
