package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads paginator values (tokens, URLs, totals) out of a JSON body by JSON pointer. */
final class BodyValues {
  private BodyValues() {}

  /** The text at {@code pointer}, or null when it is missing, null or empty. */
  static String text(JsonNode body, String pointer) {
    JsonNode node = body == null ? null : body.at(pointer);
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String text = node.asText();
    return text.isEmpty() ? null : text;
  }
}
