package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Airbyte messages a connector printed on stdout. Parsing is strict, as the platform's contract
 * is: every non-blank stdout line must be one JSON object with a {@code type}; anything else fails
 * the test (a library printing to stdout would corrupt a real sync).
 */
final class Messages {
  static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> all;

  private Messages(List<JsonNode> all) {
    this.all = all;
  }

  /** Parses stdout; {@code context} describes the run for failure messages. */
  static Messages parse(String stdout, Supplier<String> context) {
    List<JsonNode> messages = new ArrayList<>();
    int n = 0;
    for (String line : stdout.split("\n", -1)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        fail(
            "stdout line "
                + n
                + " is not JSON (stdout must carry Airbyte messages only): "
                + Text.clip(line, 300)
                + "\n"
                + context.get());
        throw new AssertionError(e);
      }
      if (node == null || !node.isObject() || !node.path("type").isTextual()) {
        fail(
            "stdout line "
                + n
                + " is not an Airbyte message: "
                + Text.clip(line, 300)
                + "\n"
                + context.get());
      }
      messages.add(node);
    }
    return new Messages(messages);
  }

  List<JsonNode> all() {
    return all;
  }

  List<JsonNode> ofType(String type) {
    return all.stream().filter(m -> type.equals(m.path("type").asText())).toList();
  }

  /** The one message of this type (fails when there are none or several). */
  JsonNode only(String type) {
    List<JsonNode> found = ofType(type);
    assertEquals(
        1,
        found.size(),
        () ->
            "expected exactly one "
                + type
                + " message, got "
                + found.size()
                + ": "
                + Text.clip(all.toString(), 2000));
    return found.get(0);
  }

  /** The types of all messages, in order. */
  List<String> types() {
    return all.stream().map(m -> m.path("type").asText()).toList();
  }

  /** The {@code record} objects of RECORD messages of a stream. */
  List<JsonNode> records(String stream) {
    return ofType("RECORD").stream()
        .map(m -> m.get("record"))
        .filter(r -> stream.equals(r.path("stream").asText()))
        .toList();
  }

  /** The {@code data} of every RECORD of a stream. */
  List<JsonNode> data(String stream) {
    return records(stream).stream().map(r -> r.get("data")).toList();
  }

  /** RECORD count per stream, in order of first appearance. */
  Map<String, Integer> recordCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode m : ofType("RECORD")) {
      counts.merge(m.path("record").path("stream").asText(), 1, Integer::sum);
    }
    return counts;
  }

  /** The {@code state} objects of the STREAM states of a stream, in order. */
  List<JsonNode> states(String stream) {
    return ofType("STATE").stream()
        .map(m -> m.get("state"))
        .filter(
            s -> stream.equals(s.path("stream").path("stream_descriptor").path("name").asText()))
        .toList();
  }

  /** The STREAM_STATUS values of a stream, in order. */
  List<String> statuses(String stream) {
    return ofType("TRACE").stream()
        .map(m -> m.get("trace"))
        .filter(t -> "STREAM_STATUS".equals(t.path("type").asText()))
        .map(t -> t.get("stream_status"))
        .filter(s -> stream.equals(s.path("stream_descriptor").path("name").asText()))
        .map(s -> s.path("status").asText())
        .toList();
  }

  /** The {@code error} objects of TRACE ERROR messages. */
  List<JsonNode> traceErrors() {
    return ofType("TRACE").stream()
        .map(m -> m.get("trace"))
        .filter(t -> "ERROR".equals(t.path("type").asText()))
        .map(t -> t.get("error"))
        .toList();
  }

  /**
   * The last STATE of every stream, without the per-hop stats, as the {@code --state} file a
   * platform would pass to the next read (an array of STATE messages).
   */
  ArrayNode lastStatesAsInput() {
    Map<String, JsonNode> last = new LinkedHashMap<>();
    for (JsonNode m : ofType("STATE")) {
      JsonNode state = m.get("state").deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) state)
          .remove(List.of("sourceStats", "destinationStats"));
      last.put(state.path("stream").path("stream_descriptor").toString(), state);
    }
    ArrayNode array = JSON.createArrayNode();
    last.values().forEach(array::add);
    return array;
  }
}
