package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees read and written with jackson-core alone, node for node and byte for byte what {@link
 * Protocol#mapper()} reads and writes (floats as {@code BigDecimal} with their scale, integers as
 * the smallest of int, long and BigInteger, the last of duplicate keys in the first one's place):
 * the config, catalog, state and schema files and the trees in protocol messages need no mapper,
 * whose creation is most of a short command's start-up.
 */
public final class JsonTrees {
  /** The node factory the mapper uses too. */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * Reads the value at the parser's current token (the next one when there is none) as {@code
   * ObjectMapper.readTree(JsonParser)} does: {@code null} at the end of the input, and the current
   * token cleared afterwards.
   */
  public static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      t = p.nextToken();
      if (t == null) {
        return null;
      }
    }
    JsonNode node =
        t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY ? NODES.nullNode() : readValue(p, t);
    p.clearCurrentToken();
    return node;
  }

  /**
   * Reads the value that starts at the parser's current token, leaving the parser on its last token
   * (for a binder that reads the values around it).
   */
  public static JsonNode readValue(JsonParser p) throws IOException {
    return readValue(p, p.currentToken());
  }

  private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return scalar(p, t);
    }
    // Iterative, so that nesting as deep as the parser allows cannot overflow the stack.
    ArrayDeque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    JsonNode current = root;
    while (true) {
      String name = null;
      if (current instanceof ObjectNode) {
        t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
          if (open.isEmpty()) {
            return root;
          }
          current = open.pop();
          continue;
        }
        name = p.currentName();
        t = p.nextToken();
      } else {
        t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
          if (open.isEmpty()) {
            return root;
          }
          current = open.pop();
          continue;
        }
      }
      JsonNode value;
      boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
      if (t == JsonToken.START_OBJECT) {
        value = NODES.objectNode();
      } else if (t == JsonToken.START_ARRAY) {
        value = NODES.arrayNode();
      } else {
        value = scalar(p, t);
      }
      if (name != null) {
        ((ObjectNode) current).replace(name, value);
      } else {
        ((ArrayNode) current).add(value);
      }
      if (container) {
        open.push(current);
        current = value;
      }
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        // USE_BIG_DECIMAL_FOR_FLOATS, trailing zeroes kept (Protocol's mapper).
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // Not produced by JSON text (embedded objects of other formats).
        return Protocol.mapper().readTree(p);
    }
  }

  /** Writes {@code node} as {@code ObjectMapper.writeTree} does. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    JsonNodeType type = node.getNodeType();
    switch (type) {
      case OBJECT:
        g.writeStartObject(node);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
        return;
      case ARRAY:
        g.writeStartArray(node, node.size());
        for (int i = 0, n = node.size(); i < n; i++) {
          write(g, node.get(i));
        }
        g.writeEndArray();
        return;
      case STRING:
        g.writeString(node.textValue());
        return;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NULL:
        g.writeNull();
        return;
      case NUMBER:
        writeNumber(g, node);
        return;
      default:
        // POJO, BINARY, MISSING: rare in protocol trees; the mapper knows their rules.
        Protocol.mapper().writeTree(g, node);
    }
  }

  private static void writeNumber(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.numberType()) {
      case INT:
        g.writeNumber(node.intValue());
        return;
      case LONG:
        g.writeNumber(node.longValue());
        return;
      case BIG_INTEGER:
        g.writeNumber(node.bigIntegerValue());
        return;
      case BIG_DECIMAL:
        g.writeNumber(node.decimalValue());
        return;
      case FLOAT:
        g.writeNumber(node.floatValue());
        return;
      default:
        g.writeNumber(node.doubleValue());
    }
  }

  /** A token as an error message names it: "an object", "a string", "end of input"… */
  public static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }
}
