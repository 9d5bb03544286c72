package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Checks {@code minimum}/{@code maximum} with exact decimal arithmetic. networknt compares some
 * number shapes through {@code double} or {@code long} and lets {@code 1e19} pass a {@code long}'s
 * maximum; the spec carries each Java integer type's range, so a value that slips through would be
 * wrapped by the binder. Walks like the validator: properties, {@code additionalProperties}, array
 * items, the selected {@code oneOf}/{@code anyOf} option and every {@code allOf} part.
 */
final class NumberBounds {
  private NumberBounds() {}

  /** Reports each violated bound as ({@code $.path}, message in networknt's words). */
  static void check(JsonNode schema, JsonNode node, String path, BiConsumer<String, String> problems) {
    if (schema == null || !schema.isObject() || node == null) {
      return;
    }
    if (node.isNumber()) {
      BigDecimal value = decimal(node);
      BigDecimal minimum = decimal(schema.get("minimum"));
      BigDecimal maximum = decimal(schema.get("maximum"));
      if (value != null && minimum != null && value.compareTo(minimum) < 0) {
        problems.accept(path, "must have a minimum value of " + schema.get("minimum").asText());
      }
      if (value != null && maximum != null && value.compareTo(maximum) > 0) {
        problems.accept(path, "must have a maximum value of " + schema.get("maximum").asText());
      }
    } else if (node.isObject()) {
      JsonNode properties = schema.get("properties");
      JsonNode additional = schema.get("additionalProperties");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode propertySchema = properties == null ? null : properties.get(field.getKey());
        check(propertySchema != null ? propertySchema : additional, field.getValue(),
            ConfigValidator.child(path, field.getKey()), problems);
      }
      for (String combinator : List.of("oneOf", "anyOf")) {
        JsonNode option = ConfigWalker.selectedOption(schema.get(combinator), (ObjectNode) node);
        if (option != null) {
          check(option, node, path, problems);
        }
      }
    } else if (node.isArray()) {
      JsonNode items = schema.get("items");
      for (int i = 0; i < node.size(); i++) {
        JsonNode itemSchema = items == null ? null : items.isArray() ? items.get(i) : items;
        check(itemSchema, node.get(i), path + "[" + i + "]", problems);
      }
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode part : allOf) {
        check(part, node, path, problems);
      }
    }
  }

  private static BigDecimal decimal(JsonNode n) {
    if (n == null || !n.isNumber()) {
      return null;
    }
    try {
      return n.decimalValue();
    } catch (NumberFormatException e) {
      return null; // NaN or infinity
    }
  }
}
