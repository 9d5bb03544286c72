package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON helpers of the kit. Parsing keeps floats as {@link java.math.BigDecimal} so that {@code 1.0}
 * stays distinguishable from {@code 1} (strict-integer checks), and rejects trailing tokens.
 */
public final class Json {
  private static final ObjectMapper MAPPER = Protocol.mapper();
  private static final ObjectReader STRICT =
      MAPPER
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one JSON document; throws {@link IllegalArgumentException} with the reason when invalid.
   */
  public static JsonNode parse(String text) {
    try {
      return STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON or returns {@code null} when the text is not one JSON document. */
  public static JsonNode tryParse(String text) {
    try {
      JsonNode n = STRICT.readTree(text);
      return n == null || n.isMissingNode() ? null : n;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Shortens text for failure messages, keeping the start. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "null";
    }
    String oneLine = visible(text);
    return oneLine.length() <= max
        ? oneLine
        : oneLine.substring(0, max) + "… (" + oneLine.length() + " chars)";
  }

  /**
   * Escapes line breaks, control and invisible format characters so that a message stays on one
   * line.
   */
  public static String visible(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (type == Character.CONTROL
          || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR
          || (type == Character.FORMAT && c != '\u200d')) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static String truncate(JsonNode node) {
    return truncate(node == null ? "null" : write(node), Violation.EVIDENCE_LIMIT);
  }

  /** Python truthiness of a JSON value: null, false, 0, "", [] and {} are falsy. */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.decimalValue().signum() != 0;
    }
    if (v.isTextual()) {
      return !v.textValue().isEmpty();
    }
    return v.size() > 0;
  }

  /** Escapes a key for a JSON pointer. */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The {@code type} keyword as a list of type names (empty when absent or malformed). */
  public static List<String> types(JsonNode schema) {
    List<String> out = new ArrayList<>();
    JsonNode t = schema == null ? null : schema.get("type");
    if (t == null) {
      return out;
    }
    if (t.isTextual()) {
      out.add(t.textValue());
    } else if (t.isArray()) {
      for (JsonNode e : t) {
        out.add(e.asText());
      }
    }
    return out;
  }

  /** Follows a field path through nested {@code properties}; missing node when absent. */
  public static JsonNode schemaAt(JsonNode schema, List<String> path) {
    JsonNode cur = schema;
    for (String part : path) {
      cur = cur.path("properties").path(part);
      if (cur.isMissingNode()) {
        return cur;
      }
    }
    return cur;
  }

  /** Follows a field path through nested objects of a record; {@code null} when absent. */
  public static JsonNode valueAt(JsonNode data, List<String> path) {
    JsonNode cur = data;
    for (String part : path) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(part);
    }
    return cur;
  }

  /** A canonical text form: object keys sorted, numbers normalized (so 1 and 1.0 are equal). */
  public static String canonical(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    canonical(node, sb);
    return sb.toString();
  }

  private static void canonical(JsonNode node, StringBuilder sb) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        sorted.put(e.getKey(), e.getValue());
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(MAPPER.getNodeFactory().textNode(e.getKey()).toString()).append(':');
        canonical(e.getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        canonical(node.get(i), sb);
      }
      sb.append(']');
    } else if (node.isNumber()) {
      java.math.BigDecimal d = node.decimalValue();
      sb.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else {
      sb.append(node.toString());
    }
  }
}
