package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one line of Singer input with singer-python 1.2.0's rules ({@code parse_message}): a JSON
 * object with a {@code type}; the required keys of each type; {@code key_properties} and {@code
 * bookmark_properties} as a string or a list of strings. The type is matched case-insensitively, as
 * the Singer spec says. Every problem is a {@link SingerInputException} naming the line and the
 * key; the offending value is never quoted (it may be a secret or a whole record).
 */
final class SingerParser {
  private static final ObjectReader READER = PythonJson.MAPPER.reader();

  private SingerParser() {}

  static SingerMessage parse(String line, long lineNumber) {
    JsonNode node;
    try {
      node = READER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new SingerInputException(
          lineNumber,
          "not valid JSON ("
              + e.getOriginalMessage().replaceAll("'[^']*'", "").trim()
              + " at column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new SingerInputException(lineNumber, "cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new SingerInputException(
          lineNumber,
          "expected a JSON object (a Singer message), found "
              + (node == null
                  ? "nothing"
                  : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
    }
    JsonNode type = required(node, "type", lineNumber);
    if (!type.isTextual()) {
      throw new SingerInputException(lineNumber, "\"type\" must be a string");
    }
    String kind = type.asText().toUpperCase(Locale.ROOT);
    return switch (kind) {
      case "RECORD" ->
          new SingerMessage.Record(
              text(node, "stream", lineNumber),
              object(node, "record", lineNumber),
              version(node, lineNumber));
      case "SCHEMA" ->
          new SingerMessage.Schema(
              text(node, "stream", lineNumber),
              object(node, "schema", lineNumber),
              names(required(node, "key_properties", lineNumber), "key_properties", lineNumber),
              node.hasNonNull("bookmark_properties")
                  ? names(node.get("bookmark_properties"), "bookmark_properties", lineNumber)
                  : List.of());
      case "STATE" -> new SingerMessage.State(required(node, "value", lineNumber));
      case "ACTIVATE_VERSION" -> {
        JsonNode v = required(node, "version", lineNumber);
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
          throw new SingerInputException(
              lineNumber, "ACTIVATE_VERSION \"version\" must be an integer");
        }
        yield new SingerMessage.ActivateVersion(text(node, "stream", lineNumber), v.longValue());
      }
      default -> new SingerMessage.Other(type.asText());
    };
  }

  private static JsonNode required(JsonNode node, String key, long line) {
    JsonNode value = node.get(key);
    if (value == null) {
      String type = node.path("type").isTextual() ? node.get("type").asText() + " " : "";
      throw new SingerInputException(line, type + "message is missing required key '" + key + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String key, long line) {
    JsonNode value = required(node, key, line);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new SingerInputException(line, "\"" + key + "\" must be a non-empty string");
    }
    return value.asText();
  }

  private static ObjectNode object(JsonNode node, String key, long line) {
    JsonNode value = required(node, key, line);
    if (!value.isObject()) {
      throw new SingerInputException(line, "\"" + key + "\" must be a JSON object");
    }
    return (ObjectNode) value;
  }

  private static Long version(JsonNode node, long line) {
    JsonNode v = node.get("version");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new SingerInputException(line, "RECORD \"version\" must be an integer");
    }
    return v.longValue();
  }

  /** A string or a list of strings, as singer-python accepts for key and bookmark properties. */
  private static List<String> names(JsonNode value, String key, long line) {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (!value.isArray()) {
      throw new SingerInputException(line, "\"" + key + "\" must be a string or a list of strings");
    }
    List<String> names = new ArrayList<>(value.size());
    for (JsonNode n : value) {
      if (!n.isTextual()) {
        throw new SingerInputException(
            line, "\"" + key + "\" must be a string or a list of strings");
      }
      names.add(n.asText());
    }
    return List.copyOf(names);
  }
}
