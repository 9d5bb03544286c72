package io.c8kit.acceptance.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Singer message formats as singer-python 1.2.0 writes and parses them ({@code messages.py}):
 * each check returns the violations it found, each naming the stdout line.
 */
public final class SingerFormats {
  static final ObjectMapper JSON = new ObjectMapper();

  /** {@code DATETIME_FMT = "%04Y-%m-%dT%H:%M:%S.%fZ"}. */
  static final Pattern TIME_EXTRACTED =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

  private SingerFormats() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A tap's stdout: Singer messages only, the required keys of each type, SCHEMA before a stream's
   * first RECORD, RECORD {@code version} as ACTIVATE_VERSION names it, STATE values of the {@code
   * {"bookmarks": {...}, "currently_syncing": ...}} shape.
   */
  public static List<String> tapOutput(List<String> lines) {
    List<String> problems = new ArrayList<>();
    Set<String> schemas = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String at = "stdout line " + (i + 1) + ": ";
      JsonNode m;
      try {
        m = parse(lines.get(i));
      } catch (IllegalArgumentException e) {
        problems.add(at + "not JSON");
        continue;
      }
      if (!m.isObject()) {
        problems.add(at + "not a JSON object");
        continue;
      }
      String type = m.path("type").asText("");
      List<String> keys =
          switch (type) {
            case "SCHEMA" -> List.of("type", "stream", "schema", "key_properties");
            case "RECORD" -> List.of("type", "stream", "record");
            case "STATE" -> List.of("type", "value");
            case "ACTIVATE_VERSION" -> List.of("type", "stream", "version");
            default -> null;
          };
      if (keys == null) {
        problems.add(at + "type \"" + type + "\" is not a Singer message a tap writes");
        continue;
      }
      for (String k : keys) {
        if (!m.has(k)) {
          problems.add(at + type + " is missing required key '" + k + "'");
        }
      }
      List<String> order = new ArrayList<>();
      m.fieldNames().forEachRemaining(order::add);
      if (!order.isEmpty() && !order.get(0).equals("type")) {
        problems.add(at + "\"type\" is not the first key (singer-python writes it first)");
      }
      switch (type) {
        case "SCHEMA" -> {
          schemas.add(m.path("stream").asText());
          if (!m.path("schema").isObject()) {
            problems.add(at + "SCHEMA \"schema\" is not an object");
          }
          if (!m.path("key_properties").isArray()) {
            problems.add(at + "SCHEMA \"key_properties\" is not a list");
          }
          if (m.has("bookmark_properties")
              && (!m.get("bookmark_properties").isArray()
                  || m.get("bookmark_properties").isEmpty())) {
            problems.add(at + "bookmark_properties must be a non-empty list when present");
          }
        }
        case "RECORD" -> {
          if (!schemas.contains(m.path("stream").asText())) {
            problems.add(at + "RECORD of stream " + m.path("stream") + " before its SCHEMA");
          }
          if (!m.path("record").isObject()) {
            problems.add(at + "RECORD \"record\" is not an object");
          }
          if (m.has("time_extracted")
              && !TIME_EXTRACTED.matcher(m.get("time_extracted").asText()).matches()) {
            problems.add(
                at
                    + "time_extracted "
                    + m.get("time_extracted")
                    + " is not singer-python's"
                    + " %04Y-%m-%dT%H:%M:%S.%fZ");
          }
          if (m.has("version") && !m.get("version").isIntegralNumber()) {
            problems.add(at + "RECORD version is not an integer");
          }
        }
        case "STATE" -> {
          JsonNode v = m.path("value");
          if (!v.isObject() || !v.path("bookmarks").isObject() || !v.has("currently_syncing")) {
            problems.add(
                at + "STATE value is not {\"bookmarks\": {...}, \"currently_syncing\": ...}");
          }
        }
        case "ACTIVATE_VERSION" -> {
          if (!m.path("version").isIntegralNumber()) {
            problems.add(at + "ACTIVATE_VERSION version is not an integer");
          }
        }
        default -> {}
      }
    }
    return problems;
  }

  /**
   * A discovered catalog: {@code streams[]} with {@code tap_stream_id}, {@code stream}, {@code
   * schema}, {@code key_properties} and metadata breadcrumbs ({@code []} with the discoverable
   * keywords, one per property with {@code inclusion}).
   */
  public static List<String> catalog(JsonNode catalog) {
    List<String> problems = new ArrayList<>();
    if (!catalog.path("streams").isArray()) {
      return List.of("the catalog has no \"streams\" list");
    }
    for (JsonNode s : catalog.get("streams")) {
      String id = s.path("tap_stream_id").asText("?");
      for (String k : List.of("tap_stream_id", "stream", "schema", "key_properties", "metadata")) {
        if (!s.has(k)) {
          problems.add("stream " + id + ": missing \"" + k + "\"");
        }
      }
      JsonNode root = null;
      Set<String> properties = new HashSet<>();
      for (JsonNode md : s.path("metadata")) {
        JsonNode crumb = md.path("breadcrumb");
        if (crumb.isArray() && crumb.isEmpty()) {
          root = md.path("metadata");
        } else if (crumb.size() == 2 && crumb.get(0).asText().equals("properties")) {
          properties.add(crumb.get(1).asText());
          if (!Set.of("available", "automatic", "unsupported")
              .contains(md.path("metadata").path("inclusion").asText())) {
            problems.add("stream " + id + ": property " + crumb.get(1) + " has no valid inclusion");
          }
        }
      }
      if (root == null) {
        problems.add("stream " + id + ": no metadata at breadcrumb []");
      } else {
        for (String k : List.of("table-key-properties", "inclusion", "selected-by-default")) {
          if (!root.has(k)) {
            problems.add("stream " + id + ": breadcrumb [] lacks \"" + k + "\"");
          }
        }
        if (!s.path("key_properties").equals(root.path("table-key-properties"))) {
          problems.add("stream " + id + ": key_properties and table-key-properties differ");
        }
      }
      s.path("schema")
          .path("properties")
          .fieldNames()
          .forEachRemaining(
              p -> {
                if (!properties.contains(p)) {
                  problems.add(
                      "stream "
                          + id
                          + ": property "
                          + p
                          + " has no breadcrumb [\"properties\", \""
                          + p
                          + "\"]");
                }
              });
    }
    return problems;
  }
}
