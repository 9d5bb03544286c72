package io.c8kit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Up to ten records of one C8 stream with their schema. JSON: {@code
 * {"schema":{...},"data":[...]}}.
 */
@JsonPropertyOrder({"schema", "data"})
public record Sample(Schema schema, List<Map<String, Object>> data) {
  public Sample {
    Objects.requireNonNull(schema, "schema");
    data = List.copyOf(data);
  }
}
