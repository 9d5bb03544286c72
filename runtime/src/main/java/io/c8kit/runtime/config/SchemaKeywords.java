package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-schema vocabulary {@link ConfigValidator} understands, in one place: the keywords it
 * checks, the ones it knows to be annotations, and the draft-07 keywords it refuses (a spec using
 * them would otherwise be validated too leniently without anyone noticing). Specs are written by
 * the processor, whose vocabulary is a subset of the first two sets; a test walks every spec it
 * produces.
 */
final class SchemaKeywords {
  /** Keywords the validator enforces. */
  static final Set<String> VALIDATED =
      Set.of(
          "type",
          "enum",
          "const",
          "properties",
          "required",
          "additionalProperties",
          "minProperties",
          "maxProperties",
          "items",
          "uniqueItems",
          "minItems",
          "maxItems",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minLength",
          "maxLength",
          "pattern",
          "format",
          "oneOf",
          "anyOf",
          "allOf");

  /** Keywords that describe but never constrain: draft-07's own and Airbyte's UI hints. */
  static final Set<String> ANNOTATIONS =
      Set.of(
          "$schema",
          "$id",
          "$comment",
          "title",
          "description",
          "default",
          "examples",
          "readOnly",
          "writeOnly",
          "order",
          "group",
          "groups",
          "always_show",
          "airbyte_hidden",
          "multiline",
          "airbyte_secret",
          "pattern_descriptor",
          "display_type",
          "airbyte_type");

  /** Draft-07 constraints the validator does not implement: a spec using one is rejected. */
  static final Set<String> UNSUPPORTED =
      Set.of(
          "$ref",
          "not",
          "if",
          "then",
          "else",
          "dependencies",
          "patternProperties",
          "propertyNames",
          "contains",
          "additionalItems",
          "contentMediaType",
          "contentEncoding");

  private SchemaKeywords() {}

  /** Receives each keyword of a schema tree. */
  interface Visitor {
    /**
     * {@code keyword} of the (sub)schema {@code schema}, found at JSON path {@code at} of the spec.
     */
    void visit(String keyword, JsonNode schema, String at);
  }

  /**
   * Calls {@code visitor} for every keyword of {@code schema} and of each subschema the validator
   * descends into ({@code properties}, {@code additionalProperties}, {@code items}, {@code oneOf},
   * {@code anyOf}, {@code allOf}); values of data keywords ({@code default}, {@code enum}, …) are
   * not schemas and are not visited.
   */
  static void forEach(JsonNode schema, String at, Visitor visitor) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      visitor.visit(keyword, schema, at);
      switch (keyword) {
        case "properties" -> {
          Iterator<Map.Entry<String, JsonNode>> properties = value.fields();
          while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            forEach(p.getValue(), ConfigValidator.child(at + ".properties", p.getKey()), visitor);
          }
        }
        case "additionalProperties" -> forEach(value, at + ".additionalProperties", visitor);
        case "items" -> {
          if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
              forEach(value.get(i), at + ".items[" + i + "]", visitor);
            }
          } else {
            forEach(value, at + ".items", visitor);
          }
        }
        case "oneOf", "anyOf", "allOf" -> {
          for (int i = 0; i < value.size(); i++) {
            forEach(value.get(i), at + "." + keyword + "[" + i + "]", visitor);
          }
        }
        default -> {
          // a data or annotation value, or a keyword without subschemas
        }
      }
    }
  }

  /**
   * Rejects a keyword the validator cannot enforce faithfully.
   *
   * @throws IllegalStateException naming the keyword and where it is: a packaging bug (a
   *     hand-edited spec), not a user error
   */
  static void requireSupported(String keyword, String at) {
    if (UNSUPPORTED.contains(keyword)) {
      throw new IllegalStateException(
          "connector spec uses the JSON-schema keyword '"
              + keyword
              + "' at "
              + at
              + ", which c8kit's config validator does not support");
    }
  }
}
