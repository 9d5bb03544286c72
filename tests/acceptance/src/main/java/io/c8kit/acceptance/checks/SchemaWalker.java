package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Visits every subschema of a JSON schema, structurally: keys under {@code properties} are property
 * names, never keywords, so a property called {@code not} or {@code type} is not mistaken for one.
 */
final class SchemaWalker {
  private static final Set<String> MAP_KEYWORDS =
      Set.of(
          "properties",
          "patternProperties",
          "definitions",
          "$defs",
          "dependencies",
          "dependentSchemas");
  private static final Set<String> SINGLE_KEYWORDS =
      Set.of(
          "additionalProperties",
          "additionalItems",
          "contains",
          "propertyNames",
          "if",
          "then",
          "else",
          "not",
          "unevaluatedItems",
          "unevaluatedProperties",
          "items");
  private static final Set<String> ARRAY_KEYWORDS =
      Set.of("allOf", "anyOf", "oneOf", "items", "prefixItems");

  /**
   * Keywords that do not change which property a subschema describes (CAT's secret-name lookup).
   */
  private static final Set<String> TRANSPARENT =
      Set.of("anyOf", "oneOf", "allOf", "not", "items", "prefixItems");

  /**
   * One visited subschema.
   *
   * @param schema the subschema (an object node)
   * @param pointer its JSON pointer from the walked root, {@code ""} for the root
   * @param propertyName the property name when reached directly as {@code properties/<name>}, else
   *     null
   * @param nearestPropertyName the closest enclosing property name, looking through
   *     oneOf/anyOf/allOf/not/items; null when another keyword intervenes
   * @param topLevelProperty true for direct children of the root's {@code properties}
   * @param depth number of {@code properties} levels above this node
   */
  record Node(
      JsonNode schema,
      String pointer,
      String propertyName,
      String nearestPropertyName,
      boolean topLevelProperty,
      int depth) {
    boolean isRoot() {
      return pointer.isEmpty();
    }
  }

  interface Visitor {
    void visit(Node node);
  }

  private SchemaWalker() {}

  static void walk(JsonNode root, Visitor visitor) {
    if (root != null && root.isObject()) {
      walk(new Node(root, "", null, null, false, 0), visitor);
    }
  }

  private static void walk(Node node, Visitor visitor) {
    visitor.visit(node);
    JsonNode schema = node.schema();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      String base = node.pointer() + "/" + Json.escape(key);
      if (MAP_KEYWORDS.contains(key) && value.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> props = value.fields(); props.hasNext(); ) {
          Map.Entry<String, JsonNode> p = props.next();
          if (!p.getValue().isObject()) {
            continue;
          }
          boolean isProperty = key.equals("properties");
          walk(
              new Node(
                  p.getValue(),
                  base + "/" + Json.escape(p.getKey()),
                  isProperty ? p.getKey() : null,
                  isProperty ? p.getKey() : null,
                  isProperty && node.isRoot(),
                  node.depth() + (isProperty ? 1 : 0)),
              visitor);
        }
      } else if (SINGLE_KEYWORDS.contains(key) && value.isObject()) {
        walk(
            new Node(
                value,
                base,
                null,
                TRANSPARENT.contains(key) ? node.nearestPropertyName() : null,
                false,
                node.depth()),
            visitor);
      } else if (ARRAY_KEYWORDS.contains(key) && value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i).isObject()) {
            walk(
                new Node(
                    value.get(i),
                    base + "/" + i,
                    null,
                    TRANSPARENT.contains(key) ? node.nearestPropertyName() : null,
                    false,
                    node.depth()),
                visitor);
          }
        }
      }
    }
  }

  /**
   * Collects the JSON pointers of every object key equal to {@code key} anywhere under {@code
   * root}.
   */
  static void findKeys(JsonNode root, String key, String pointer, java.util.List<String> found) {
    if (root == null) {
      return;
    }
    if (root.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = pointer + "/" + Json.escape(e.getKey());
        if (e.getKey().equals(key)) {
          found.add(p);
        }
        findKeys(e.getValue(), key, p, found);
      }
    } else if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        findKeys(root.get(i), key, pointer + "/" + i, found);
      }
    }
  }
}
