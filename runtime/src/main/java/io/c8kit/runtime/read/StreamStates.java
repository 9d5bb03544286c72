package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one stream's {@code stream_state}, as this runtime writes and reads it.
 *
 * <pre>
 * incremental:                       {"cursor_field": ["updated_at"], "cursor": &lt;json value&gt;}
 * resumable full refresh, mid-stream: {"page": &lt;json value&gt;}
 * full refresh complete:              {}
 * </pre>
 *
 * Read back: {@code cursor_field} may be missing (legacy {@code {"cursor": v}}) or a single string;
 * unknown keys are ignored.
 */
final class StreamStates {
  static final String CURSOR_FIELD = "cursor_field";
  static final String CURSOR = "cursor";
  static final String PAGE = "page";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StreamStates() {}

  /** A parsed stream state; any part may be null when absent. */
  record Parsed(List<String> cursorField, JsonNode cursor, JsonNode page) {
    boolean hasCursor() {
      return cursor != null;
    }

    boolean hasPage() {
      return page != null;
    }
  }

  /**
   * Parses a {@code stream_state} object (never null here).
   *
   * @throws ConfigException when {@code cursor_field} is neither an array of strings nor a string
   */
  static Parsed parse(String stream, JsonNode state) {
    List<String> field = null;
    JsonNode f = state.get(CURSOR_FIELD);
    if (f != null && !f.isNull()) {
      if (f.isTextual()) {
        field = List.of(f.asText());
      } else if (f.isArray()) {
        field = new ArrayList<>(f.size());
        for (JsonNode part : f) {
          if (!part.isTextual()) {
            throw new ConfigException(
                "Invalid state for stream '"
                    + stream
                    + "': cursor_field must be an array of strings, got "
                    + f);
          }
          field.add(part.asText());
        }
        field = List.copyOf(field);
      } else {
        throw new ConfigException(
            "Invalid state for stream '"
                + stream
                + "': cursor_field must be an array of strings, got "
                + f);
      }
    }
    return new Parsed(field, nonNull(state.get(CURSOR)), nonNull(state.get(PAGE)));
  }

  private static JsonNode nonNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /** {@code {"cursor_field":[…],"cursor":value}}; the cursor is omitted when null. */
  static ObjectNode cursorState(List<String> cursorField, JsonNode cursor) {
    ObjectNode s = JSON.objectNode();
    ArrayNode field = s.putArray(CURSOR_FIELD);
    for (String part : cursorField) {
      field.add(part);
    }
    if (cursor != null) {
      s.set(CURSOR, cursor);
    }
    return s;
  }

  /** {@code {"page":value}}. */
  static ObjectNode pageState(JsonNode page) {
    ObjectNode s = JSON.objectNode();
    s.set(PAGE, page);
    return s;
  }

  /** {@code {}}: a completed full refresh. */
  static ObjectNode completeState() {
    return JSON.objectNode();
  }
}
