package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the configured catalogs CAT reads with, and reads streams out of catalogs. */
public final class Catalogs {
  /** The stream name of CAT's deliberately invalid catalog. */
  public static final String INVALID_STREAM = "__AIRBYTE__stream_that_does_not_exist";

  private Catalogs() {}

  /**
   * The {@code AirbyteStream}s of a catalog, keyed by (namespace, name). Accepts a CATALOG payload
   * {@code {"streams":[…]}}, a whole CATALOG message, or a configured catalog (streams wrapped in
   * {@code {"stream": …}}).
   */
  public static Map<StreamKey, JsonNode> streamsByKey(JsonNode catalog) {
    Map<StreamKey, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode s : streams(catalog)) {
      out.put(StreamKey.from(s), s);
    }
    return out;
  }

  /** The {@code AirbyteStream} objects of any catalog shape (see {@link #streamsByKey}). */
  public static List<JsonNode> streams(JsonNode catalog) {
    List<JsonNode> out = new ArrayList<>();
    if (catalog == null) {
      return out;
    }
    JsonNode c =
        catalog.path("type").asText().equals("CATALOG") ? catalog.path("catalog") : catalog;
    for (JsonNode s : c.path("streams")) {
      out.add(s.has("stream") && s.get("stream").isObject() ? s.get("stream") : s);
    }
    return out;
  }

  /** The configured streams of a configured catalog. */
  public static List<JsonNode> configuredStreams(JsonNode configuredCatalog) {
    List<JsonNode> out = new ArrayList<>();
    configuredCatalog.path("streams").forEach(out::add);
    return out;
  }

  public static StreamKey keyOfConfigured(JsonNode configuredStream) {
    return StreamKey.from(configuredStream.path("stream"));
  }

  /** Stream keys of a configured catalog, in order. */
  public static List<StreamKey> configuredKeys(JsonNode configuredCatalog) {
    List<StreamKey> out = new ArrayList<>();
    configuredStreams(configuredCatalog).forEach(s -> out.add(keyOfConfigured(s)));
    return out;
  }

  /**
   * CAT's basic-read catalog: every discovered stream except the declared empty ones, with {@code
   * sync_mode = supported_sync_modes[0]}, {@code destination_sync_mode = append}, {@code
   * cursor_field = default_cursor_field}, {@code primary_key = source_defined_primary_key}.
   */
  public static ObjectNode basicRead(JsonNode discovered, Collection<String> emptyStreams) {
    ObjectNode out = Json.object();
    ArrayNode streams = out.putArray("streams");
    Set<String> empty = Set.copyOf(emptyStreams);
    for (JsonNode s : streams(discovered)) {
      if (empty.contains(s.path("name").asText()) || empty.contains(StreamKey.from(s).toString())) {
        continue;
      }
      ObjectNode cs = streams.addObject();
      cs.set("stream", s.deepCopy());
      JsonNode modes = s.path("supported_sync_modes");
      cs.put("sync_mode", modes.size() > 0 ? modes.get(0).asText() : "full_refresh");
      cs.put("destination_sync_mode", "append");
      if (s.has("default_cursor_field")) {
        cs.set("cursor_field", s.get("default_cursor_field").deepCopy());
      }
      if (s.has("source_defined_primary_key")) {
        cs.set("primary_key", s.get("source_defined_primary_key").deepCopy());
      }
    }
    return out;
  }

  /**
   * Streams that support full refresh, set to full refresh (from a discovered or configured
   * catalog).
   */
  public static ObjectNode fullRefresh(JsonNode catalog) {
    ObjectNode out = Json.object();
    ArrayNode streams = out.putArray("streams");
    for (JsonNode cs : asConfigured(catalog)) {
      if (supports(cs.path("stream"), "full_refresh")) {
        ObjectNode copy = cs.deepCopy();
        copy.put("sync_mode", "full_refresh");
        streams.add(copy);
      }
    }
    return out;
  }

  /**
   * Streams that support incremental, set to incremental, with {@code cursor_field} defaulting to
   * {@code default_cursor_field} (left absent when there is neither; see {@link
   * IncrementalChecks#cursorFieldDefined}).
   */
  public static ObjectNode incremental(JsonNode catalog) {
    ObjectNode out = Json.object();
    ArrayNode streams = out.putArray("streams");
    for (JsonNode cs : asConfigured(catalog)) {
      if (supports(cs.path("stream"), "incremental")) {
        ObjectNode copy = cs.deepCopy();
        copy.put("sync_mode", "incremental");
        if (!copy.path("cursor_field").isArray() || copy.path("cursor_field").size() == 0) {
          JsonNode def = cs.path("stream").get("default_cursor_field");
          if (def != null && def.isArray() && def.size() > 0) {
            copy.set("cursor_field", def.deepCopy());
          } else {
            copy.remove("cursor_field");
          }
        }
        streams.add(copy);
      }
    }
    return out;
  }

  /** A configured catalog with only one of its streams. */
  public static ObjectNode only(JsonNode configuredCatalog, StreamKey key) {
    ObjectNode out = Json.object();
    ArrayNode streams = out.putArray("streams");
    for (JsonNode cs : configuredStreams(configuredCatalog)) {
      if (keyOfConfigured(cs).equals(key)) {
        streams.add(cs.deepCopy());
      }
    }
    return out;
  }

  /**
   * CAT's invalid catalog: an unknown stream with {@code sync_mode} and {@code
   * destination_sync_mode} "INVALID".
   */
  public static ObjectNode invalid() {
    return (ObjectNode)
        Json.parse(
            "{\"streams\":[{\"stream\":{\"name\":\""
                + INVALID_STREAM
                + "\","
                + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"f1\":{\"type\":\"string\"}}},"
                + "\"supported_sync_modes\":[\"full_refresh\"]},"
                + "\"sync_mode\":\"INVALID\",\"destination_sync_mode\":\"INVALID\"}]}");
  }

  /**
   * Wraps a discovered catalog's streams as configured streams (append, default cursor and key);
   * configured catalogs pass through.
   */
  private static List<JsonNode> asConfigured(JsonNode catalog) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode c =
        catalog.path("type").asText().equals("CATALOG") ? catalog.path("catalog") : catalog;
    for (JsonNode s : c.path("streams")) {
      if (s.has("stream") && s.get("stream").isObject()) {
        out.add(s);
        continue;
      }
      ObjectNode cs = Json.object();
      cs.set("stream", s.deepCopy());
      cs.put("sync_mode", "full_refresh");
      cs.put("destination_sync_mode", "append");
      if (s.has("default_cursor_field")) {
        cs.set("cursor_field", s.get("default_cursor_field").deepCopy());
      }
      if (s.has("source_defined_primary_key")) {
        cs.set("primary_key", s.get("source_defined_primary_key").deepCopy());
      }
      out.add(cs);
    }
    return out;
  }

  static boolean supports(JsonNode stream, String mode) {
    for (JsonNode m : stream.path("supported_sync_modes")) {
      if (m.asText().equals(mode)) {
        return true;
      }
    }
    return false;
  }

  /** A list of string paths ({@code [["id"], ["a","b"]]}) as Java lists. */
  public static List<List<String>> paths(JsonNode pathsNode) {
    List<List<String>> out = new ArrayList<>();
    if (pathsNode != null && pathsNode.isArray()) {
      for (JsonNode p : pathsNode) {
        List<String> path = new ArrayList<>();
        if (p.isArray()) {
          p.forEach(x -> path.add(x.asText()));
        } else {
          path.add(p.asText());
        }
        out.add(path);
      }
    }
    return out;
  }

  /** A string path ({@code ["a","b"]}) as a Java list. */
  public static List<String> path(JsonNode pathNode) {
    List<String> out = new ArrayList<>();
    if (pathNode != null && pathNode.isArray()) {
      pathNode.forEach(x -> out.add(x.asText()));
    }
    return out;
  }
}
