package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.config.InputFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code --state} input, parsed into one {@code stream_state} per stream descriptor. Accepted
 * forms: absent/null, {@code {}}, {@code []}; STATE messages as a read prints them ({@code
 * {"type":"STATE","state":…}}, an array of them or a file with one per line, which arrives here as
 * an array); an array of state objects (STREAM, a GLOBAL whose {@code stream_states} are used and
 * whose {@code shared_state} is ignored, LEGACY with {@code data}; entries without {@code type} are
 * classified by their fields); a single STATE message object; a LEGACY blob keyed by stream name
 * ({@code {"users":{"cursor":…}}}, also Singer's {@code {"bookmarks":{…}}}). For each stream the
 * last entry wins; a null {@code stream_state} is a reset.
 */
final class InputState {
  /** A stream descriptor; a missing namespace is null. */
  record Key(String name, String namespace) {
    // Hand-written: a record's generated equals/hashCode bootstrap method handles on first use,
    // which costs every connector start-up (benchmarks/FINDINGS.md, finding 7).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.name, name)
          && Objects.equals(k.namespace, namespace);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(name) + Objects.hashCode(namespace);
    }
  }

  /** Marks "this stream was reset" in {@link #streams} (null values are not stored). */
  private static final JsonNode RESET = com.fasterxml.jackson.databind.node.NullNode.getInstance();

  private final Map<Key, JsonNode> streams = new HashMap<>();
  private Map<String, JsonNode> legacy;
  private final List<String> warnings = new ArrayList<>();

  private InputState() {}

  /**
   * Parses the state input.
   *
   * @throws ConfigException when the shape is not one of the accepted forms
   */
  static InputState parse(JsonNode state) {
    InputState parsed = new InputState();
    if (state == null || state.isNull() || state.isMissingNode()) {
      return parsed;
    }
    if (state.isArray()) {
      int index = 0;
      for (JsonNode entry : state) {
        if (!entry.isObject()) {
          throw new InputFileException(
              "Invalid state: entry #" + index + " of the state array is not a JSON object");
        }
        parsed.message(entry, "entry #" + index);
        index++;
      }
      return parsed;
    }
    if (!state.isObject()) {
      throw new InputFileException(
          "Invalid state: expected a JSON array of state messages or a JSON object, got "
              + state.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    if (state.isEmpty()) {
      return parsed;
    }
    if (looksLikeMessage(state)) {
      parsed.message(state, "the state object");
    } else {
      parsed.legacy(state);
    }
    return parsed;
  }

  private static boolean looksLikeMessage(JsonNode obj) {
    return obj.path("type").isTextual()
        || (obj.path("stream").isObject() && obj.path("stream").has("stream_descriptor"))
        || (obj.path("global").isObject() && obj.path("global").has("stream_states"));
  }

  private void message(JsonNode msg, String where) {
    JsonNode typeNode = msg.get("type");
    String type;
    if (typeNode == null || typeNode.isNull()) {
      if (msg.hasNonNull("stream")) {
        type = "STREAM";
      } else if (msg.hasNonNull("global")) {
        type = "GLOBAL";
      } else if (msg.has("data")) {
        type = "LEGACY";
      } else {
        return; // an empty or unknown entry carries no state (as the Bulk CDK does)
      }
    } else if (typeNode.isTextual()) {
      type = typeNode.asText();
    } else {
      throw new InputFileException("Invalid state: " + where + " has a non-text \"type\"");
    }
    switch (type) {
      case "STATE" -> {
        // A STATE message as a read printed it: {"type":"STATE","state":{...}}
        JsonNode inner = msg.get("state");
        if (inner == null || !inner.isObject()) {
          throw new InputFileException(
              "Invalid state: " + where + " is a STATE message without a \"state\" object");
        }
        message(inner, where);
      }
      case "STREAM" -> streamState(msg.get("stream"), where);
      case "GLOBAL" -> global(msg.get("global"), where);
      case "LEGACY" -> {
        JsonNode data = msg.get("data");
        if (data == null || data.isNull()) {
          legacy = new HashMap<>(); // LEGACY with null data resets every stream
        } else if (data.isObject()) {
          legacy(data);
        } else {
          throw new InputFileException(
              "Invalid state: " + where + " has LEGACY data that is not an object");
        }
      }
      case "RECORD", "LOG", "TRACE", "SPEC", "CATALOG", "CONNECTION_STATUS", "CONTROL" ->
          throw new InputFileException(
              "Invalid state: "
                  + where
                  + " is a "
                  + type
                  + " message; keep only the STATE lines of a read's"
                  + " output, e.g. grep '\"type\":\"STATE\"' output.jsonl > state.json");
      default ->
          throw new InputFileException(
              "Invalid state: "
                  + where
                  + " has unknown type \""
                  + type
                  + "\"; expected STATE, STREAM, GLOBAL or LEGACY");
    }
  }

  private void global(JsonNode global, String where) {
    if (global == null || !global.isObject()) {
      throw new InputFileException(
          "Invalid state: " + where + " is GLOBAL but has no \"global\" object");
    }
    JsonNode shared = global.get("shared_state");
    if (shared != null && !shared.isNull() && !(shared.isObject() && shared.isEmpty())) {
      warnings.add(
          "The input state is GLOBAL: its shared_state is ignored, only its per-stream"
              + " states are used");
    }
    JsonNode states = global.get("stream_states");
    if (states == null || states.isNull()) {
      return;
    }
    if (!states.isArray()) {
      throw new InputFileException(
          "Invalid state: " + where + " has \"stream_states\" that is not an array");
    }
    for (JsonNode s : states) {
      streamState(s, where);
    }
  }

  private void streamState(JsonNode stream, String where) {
    if (stream == null || !stream.isObject()) {
      throw new InputFileException(
          "Invalid state: " + where + " is a STREAM state without a \"stream\" object");
    }
    JsonNode descriptor = stream.get("stream_descriptor");
    if (descriptor == null || !descriptor.isObject() || !descriptor.path("name").isTextual()) {
      throw new InputFileException(
          "Invalid state: " + where + " has no stream_descriptor with a text \"name\"");
    }
    String name = descriptor.get("name").asText();
    JsonNode ns = descriptor.get("namespace");
    if (ns != null && !ns.isNull() && !ns.isTextual()) {
      throw new InputFileException("Invalid state: stream '" + name + "' has a non-text namespace");
    }
    String namespace = ns == null || ns.isNull() ? null : ns.asText();
    JsonNode value = stream.get("stream_state");
    if (value != null && !value.isNull() && !value.isObject()) {
      throw new InputFileException(
          "Invalid state: the stream_state of stream '"
              + (namespace == null ? name : namespace + "." + name)
              + "' is not a JSON object");
    }
    streams.put(new Key(name, namespace), value == null || value.isNull() ? RESET : value);
  }

  private void legacy(JsonNode blob) {
    if (legacy == null) {
      legacy = new HashMap<>();
    }
    JsonNode bookmarks = blob.get("bookmarks");
    boolean singer =
        bookmarks != null
            && bookmarks.isObject()
            && (blob.size() == 1 || blob.has("currently_syncing"));
    JsonNode source = singer ? bookmarks : blob;
    Iterator<Map.Entry<String, JsonNode>> it = source.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      legacy.put(e.getKey(), e.getValue());
    }
  }

  /** Warnings found while parsing, to be logged by the caller. */
  List<String> warnings() {
    return warnings;
  }

  /**
   * The {@code stream_state} object for a configured stream, or null when it has none (or was
   * reset). A state entry without a namespace also matches a namespaced stream when no other
   * configured stream has the same name (CAT drops namespaces when it builds a state).
   *
   * @param nameUnique whether no other configured stream has this name
   * @param warn receives a warning when a LEGACY entry is used
   * @throws ConfigException when a LEGACY entry for this stream is not an object
   */
  JsonNode forStream(
      String name, String namespace, boolean nameUnique, java.util.function.Consumer<String> warn) {
    JsonNode s = streams.get(new Key(name, namespace));
    if (s == null && namespace != null && nameUnique) {
      s = streams.get(new Key(name, null));
    }
    if (s != null) {
      return s.isNull() ? null : s;
    }
    if (legacy != null && (namespace == null || nameUnique) && legacy.containsKey(name)) {
      JsonNode v = legacy.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isObject()) {
        throw new InputFileException(
            "Invalid state: the LEGACY state of stream '" + name + "' is not a JSON object");
      }
      warn.accept(
          "The input state of stream '"
              + name
              + "' is a LEGACY state; it is read once,"
              + " and this connector emits per-stream (STREAM) states from now on");
      return v;
    }
    return null;
  }

  /** Whether any stream state (or legacy entry) was given. */
  boolean isEmpty() {
    return streams.isEmpty() && (legacy == null || legacy.isEmpty());
  }

  @Override
  public String toString() {
    return "InputState"
        + Objects.toString(streams)
        + (legacy == null ? "" : " legacy" + legacy.keySet());
  }
}
