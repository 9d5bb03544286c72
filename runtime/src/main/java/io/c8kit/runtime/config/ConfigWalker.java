package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.secrets.SecretMasker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks a config alongside its JSON schema: registers secrets, applies {@code default}s and coerces
 * C8's string values. Tolerant by design: it runs on configs that may not validate.
 */
public final class ConfigWalker {
  private ConfigWalker() {}

  // ---------------------------------------------------------------- secrets

  /**
   * Registers with {@code masker} every value under a schema marked {@code airbyte_secret: true}:
   * properties of nested objects, every {@code oneOf}/{@code anyOf}/{@code allOf} option (not only
   * the selected one, so a wrong discriminator cannot expose a secret), array items and {@code
   * additionalProperties}. An object or array marked secret registers all its leaves.
   */
  public static void registerSecrets(JsonNode schema, JsonNode node, SecretMasker masker) {
    if (schema == null
        || !schema.isObject()
        || node == null
        || node.isNull()
        || node.isMissingNode()) {
      return;
    }
    if (schema.path("airbyte_secret").asBoolean(false)) {
      registerLeaves(node, masker);
      return;
    }
    if (node.isObject()) {
      JsonNode properties = schema.get("properties");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode propertySchema = properties == null ? null : properties.get(field.getKey());
        if (propertySchema != null) {
          registerSecrets(propertySchema, field.getValue(), masker);
        } else if (schema.path("additionalProperties").isObject()) {
          registerSecrets(schema.get("additionalProperties"), field.getValue(), masker);
        }
      }
    } else if (node.isArray()) {
      JsonNode items = schema.get("items");
      for (int i = 0; i < node.size(); i++) {
        JsonNode itemSchema = items == null ? null : items.isArray() ? items.get(i) : items;
        registerSecrets(itemSchema, node.get(i), masker);
      }
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      JsonNode options = schema.get(combinator);
      if (options != null && options.isArray()) {
        for (JsonNode option : options) {
          registerSecrets(option, node, masker);
        }
      }
    }
  }

  private static void registerLeaves(JsonNode node, SecretMasker masker) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        registerLeaves(child, masker);
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      masker.register(node.asText());
    }
  }

  // ---------------------------------------------------------------- defaults

  /**
   * Sets each missing property that has a {@code default} (a copy of it), recursively: in nested
   * objects, array items, and inside the {@code oneOf}/{@code anyOf} option that the config selects
   * by its {@code const} discriminator. A property present with {@code null} keeps its null.
   */
  public static void applyDefaults(JsonNode schema, JsonNode node) {
    if (schema == null || !schema.isObject() || node == null) {
      return;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> property = it.next();
          JsonNode propertySchema = property.getValue();
          if (!object.has(property.getKey()) && propertySchema.has("default")) {
            object.set(property.getKey(), propertySchema.get("default").deepCopy());
          }
          JsonNode child = object.get(property.getKey());
          if (child != null) {
            applyDefaults(propertySchema, child);
          }
        }
      }
      for (String combinator : List.of("oneOf", "anyOf")) {
        JsonNode option = selectedOption(schema.get(combinator), object);
        if (option != null) {
          applyDefaults(option, object);
        }
      }
      JsonNode allOf = schema.get("allOf");
      if (allOf != null && allOf.isArray()) {
        for (JsonNode part : allOf) {
          applyDefaults(part, object);
        }
      }
    } else if (node.isArray()) {
      JsonNode items = schema.get("items");
      if (items != null && items.isObject()) {
        for (JsonNode element : node) {
          applyDefaults(items, element);
        }
      }
    }
  }

  /**
   * The option whose {@code const} (or single-value {@code enum}) discriminator property matches
   * the value in {@code config}; {@code null} when none or more than one matches.
   */
  static JsonNode selectedOption(JsonNode options, ObjectNode config) {
    int index = selectedIndex(options, config);
    return index < 0 ? null : options.get(index);
  }

  /** The index of {@link #selectedOption}, or -1. */
  static int selectedIndex(JsonNode options, ObjectNode config) {
    if (options == null || !options.isArray() || config == null) {
      return -1;
    }
    int selected = -1;
    for (int i = 0; i < options.size(); i++) {
      JsonNode option = options.get(i);
      JsonNode properties = option.get("properties");
      if (properties == null || !properties.isObject()) {
        continue;
      }
      boolean hasDiscriminator = false;
      boolean matches = true;
      Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode constant = constantOf(property.getValue());
        if (constant == null) {
          continue;
        }
        hasDiscriminator = true;
        JsonNode actual = config.get(property.getKey());
        if (actual == null || !sameValue(actual, constant)) {
          matches = false;
        }
      }
      if (hasDiscriminator && matches) {
        if (selected >= 0) {
          return -1;
        }
        selected = i;
      }
    }
    return selected;
  }

  private static JsonNode constantOf(JsonNode propertySchema) {
    if (propertySchema.has("const")) {
      return propertySchema.get("const");
    }
    JsonNode values = propertySchema.get("enum");
    return values != null && values.isArray() && values.size() == 1 ? values.get(0) : null;
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  // ---------------------------------------------------------------- C8 coercion

  /**
   * Converts C8's string values to the schema's types, recursively: {@code "5432"} for an integer
   * property becomes {@code 5432}, {@code "false"} a boolean, {@code "1.5"} a number; a blank
   * string for such a property is removed (so its default applies). Values that do not parse are
   * left for the validator to report.
   */
  public static void coerceStrings(JsonNode schema, JsonNode node) {
    if (schema == null || !schema.isObject() || node == null) {
      return;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode properties = schema.get("properties");
      if (properties != null && properties.isObject()) {
        List<String> blank = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> property = it.next();
          JsonNode value = object.get(property.getKey());
          if (value == null) {
            continue;
          }
          if (value.isTextual()) {
            String type = JsonValues.primaryType(property.getValue());
            if (!"string".equals(type)
                && !type.isEmpty()
                && value.asText().isBlank()
                && !"null".equals(type)) {
              blank.add(property.getKey());
              continue;
            }
            JsonNode coerced = coerce(type, value.asText().trim());
            if (coerced != null) {
              object.set(property.getKey(), coerced);
            }
          } else {
            coerceStrings(property.getValue(), value);
          }
        }
        blank.forEach(object::remove);
      }
      for (String combinator : List.of("oneOf", "anyOf")) {
        JsonNode option = selectedOption(schema.get(combinator), object);
        if (option != null) {
          coerceStrings(option, object);
        }
      }
    } else if (node.isArray()) {
      JsonNode items = schema.get("items");
      if (items != null && items.isObject()) {
        ArrayNode array = (ArrayNode) node;
        String type = JsonValues.primaryType(items);
        for (int i = 0; i < array.size(); i++) {
          JsonNode element = array.get(i);
          JsonNode coerced = element.isTextual() ? coerce(type, element.asText().trim()) : null;
          if (coerced != null) {
            array.set(i, coerced);
          } else {
            coerceStrings(items, element);
          }
        }
      }
    }
  }

  private static JsonNode coerce(String type, String text) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    try {
      switch (type) {
        case "integer":
          BigDecimal decimal = new BigDecimal(text);
          if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            return null; // a fraction: left for the validator
          }
          if (decimal.precision() - decimal.scale() > 40) {
            return json.numberNode(decimal); // 1e999999999: never expanded, out of every range
          }
          java.math.BigInteger value = decimal.toBigIntegerExact();
          if (value.bitLength() < 32) {
            return json.numberNode(value.intValue());
          }
          return value.bitLength() < 64
              ? json.numberNode(value.longValue())
              : json.numberNode(value);
        case "number":
          return json.numberNode(new BigDecimal(text));
        case "boolean":
          String lower = text.toLowerCase(Locale.ROOT);
          return "true".equals(lower)
              ? json.booleanNode(true)
              : "false".equals(lower) ? json.booleanNode(false) : null;
        default:
          return null;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }
}
