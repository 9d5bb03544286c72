package io.c8kit.singer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Singer catalog: written by {@code --discover} in the shape of singer-python's {@code
 * Catalog.to_dict()} with {@code get_standard_metadata} breadcrumbs, and read back from {@code
 * --catalog}/{@code --properties} into the streams to sync, with singer-python's selection rule
 * ({@code schema.selected} or {@code selected} at breadcrumb {@code []}).
 */
final class SingerCatalog {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SingerCatalog() {}

  /** {@code {"streams": [...]}} for {@code --discover}, streams in discovery order. */
  static ObjectNode discovered(List<TapStream> streams) {
    ObjectNode catalog = JSON.objectNode();
    ArrayNode entries = catalog.putArray("streams");
    for (TapStream s : streams) {
      ObjectNode entry = entries.addObject();
      // singer-python's CatalogEntry.to_dict() key order
      entry.put("tap_stream_id", s.tapStreamId());
      strings(entry.putArray("key_properties"), s.keyProperties());
      entry.set("schema", s.schema());
      entry.put("stream", s.name());
      entry.set("metadata", metadata(s));
    }
    return catalog;
  }

  /** Breadcrumb {@code []} for the stream, then one per top-level property, in schema order. */
  private static ArrayNode metadata(TapStream s) {
    ArrayNode list = JSON.arrayNode();
    ObjectNode root = breadcrumb(list);
    strings(root.putArray("table-key-properties"), s.keyProperties());
    if (s.fullTable() != s.incremental()) {
      root.put(
          "forced-replication-method",
          (s.incremental() ? ReplicationMethod.INCREMENTAL : ReplicationMethod.FULL_TABLE).name());
    }
    if (s.incremental() && !s.defaultCursor().isEmpty()) {
      root.putArray("valid-replication-keys").add(s.replicationKey());
    }
    root.put("inclusion", "available");
    root.put("selected-by-default", true);
    if (s.namespace() != null && !s.namespace().isEmpty()) {
      root.put("schema-name", s.namespace());
    }
    JsonNode properties = s.schema().path("properties");
    properties
        .fieldNames()
        .forEachRemaining(
            field -> {
              ObjectNode md = breadcrumb(list, "properties", field);
              boolean automatic =
                  s.keyProperties().contains(field)
                      || (s.sourceDefinedCursor()
                          && s.defaultCursor().size() == 1
                          && s.defaultCursor().get(0).equals(field));
              md.put("inclusion", automatic ? "automatic" : "available");
            });
    return list;
  }

  private static ObjectNode breadcrumb(ArrayNode list, String... path) {
    ObjectNode item = list.addObject();
    ArrayNode crumb = item.putArray("breadcrumb");
    for (String p : path) {
      crumb.add(p);
    }
    return item.putObject("metadata");
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Every stream, with its default replication: what a tap without a catalog syncs. */
  static List<SyncPlan> all(List<TapStream> streams) {
    List<SyncPlan> plans = new ArrayList<>();
    for (TapStream s : streams) {
      plans.add(new SyncPlan(s, defaultMethod(s), defaultKey(s), Set.of()));
    }
    return plans;
  }

  private static ReplicationMethod defaultMethod(TapStream s) {
    return s.incremental() && !s.defaultCursor().isEmpty()
        ? ReplicationMethod.INCREMENTAL
        : s.fullTable() ? ReplicationMethod.FULL_TABLE : ReplicationMethod.INCREMENTAL;
  }

  private static List<String> defaultKey(TapStream s) {
    return defaultMethod(s) == ReplicationMethod.INCREMENTAL ? s.defaultCursor() : List.of();
  }

  /**
   * The selected streams of a catalog file, in catalog order.
   *
   * @param what {@code Catalog} or {@code Properties}, for messages
   * @throws ConfigException for a malformed catalog, a stream the tap does not have, or a
   *     replication method or key the stream cannot use
   * @param skipped receives the ids of unselected streams (logged as singer-python does)
   */
  static List<SyncPlan> selected(
      JsonNode catalog, String what, String path, List<TapStream> streams, List<String> skipped) {
    String file = what + " file " + path;
    if (catalog == null || !catalog.isObject() || !catalog.path("streams").isArray()) {
      throw new ConfigException(file + " must hold a JSON object with a \"streams\" array");
    }
    Map<String, TapStream> byId = new HashMap<>();
    for (TapStream s : streams) {
      byId.put(s.tapStreamId(), s);
    }
    List<SyncPlan> plans = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int i = 0;
    for (JsonNode entry : catalog.get("streams")) {
      String at = file + ": $.streams[" + i++ + "]";
      if (!entry.isObject()) {
        throw new ConfigException(at + " must be an object");
      }
      String id = entry.path("tap_stream_id").asText(entry.path("stream").asText(""));
      if (id.isEmpty()) {
        throw new ConfigException(at + " has no \"tap_stream_id\"");
      }
      Map<String, JsonNode> root = new HashMap<>();
      Map<String, JsonNode> deselectedFields = new HashMap<>();
      readMetadata(entry.get("metadata"), at, root, deselectedFields);
      boolean selected =
          entry.path("schema").path("selected").asBoolean(false)
              || root.getOrDefault("selected", JSON.booleanNode(false)).asBoolean(false);
      if (!selected) {
        skipped.add(id);
        continue;
      }
      TapStream stream = byId.get(id);
      if (stream == null) {
        throw new ConfigException(
            at
                + " selects stream \""
                + id
                + "\", which this tap does not have;"
                + " known streams: "
                + byId.keySet().stream().sorted().toList()
                + " (run --discover)");
      }
      if (!seen.add(id)) {
        throw new ConfigException(at + " selects stream \"" + id + "\" a second time");
      }
      plans.add(plan(stream, entry, root, deselectedFields, at));
    }
    return plans;
  }

  private static void readMetadata(
      JsonNode metadata, String at, Map<String, JsonNode> root, Map<String, JsonNode> fields) {
    if (metadata == null || metadata.isNull()) {
      return;
    }
    if (!metadata.isArray()) {
      throw new ConfigException(at + ".metadata must be a list of {breadcrumb, metadata}");
    }
    for (JsonNode item : metadata) {
      JsonNode crumb = item.path("breadcrumb");
      JsonNode md = item.path("metadata");
      if (!crumb.isArray() || !md.isObject()) {
        throw new ConfigException(
            at + ".metadata items need a \"breadcrumb\" list and a \"metadata\" object");
      }
      if (crumb.isEmpty()) {
        md.fields().forEachRemaining(e -> root.put(e.getKey(), e.getValue()));
      } else if (crumb.size() == 2
          && "properties".equals(crumb.get(0).asText())
          && md.path("selected").isBoolean()
          && !md.get("selected").asBoolean()
          && !"automatic".equals(md.path("inclusion").asText())) {
        fields.put(crumb.get(1).asText(), md);
      }
    }
  }

  private static SyncPlan plan(
      TapStream stream,
      JsonNode entry,
      Map<String, JsonNode> root,
      Map<String, JsonNode> deselected,
      String at) {
    String methodText =
        text(
            root.get("replication-method"),
            entry.get("replication_method"),
            root.get("forced-replication-method"));
    ReplicationMethod method;
    if (methodText == null) {
      method = defaultMethod(stream);
    } else {
      try {
        method = ReplicationMethod.valueOf(methodText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            at
                + " asks for replication-method "
                + methodText
                + " on stream \""
                + stream.tapStreamId()
                + "\"; this tap supports "
                + supported(stream));
      }
    }
    if ((method == ReplicationMethod.INCREMENTAL && !stream.incremental())
        || (method == ReplicationMethod.FULL_TABLE && !stream.fullTable())) {
      throw new ConfigException(
          at
              + " asks for replication-method "
              + method
              + " on stream \""
              + stream.tapStreamId()
              + "\", which supports only "
              + supported(stream));
    }
    List<String> key = List.of();
    if (method == ReplicationMethod.INCREMENTAL) {
      String keyText = text(root.get("replication-key"), entry.get("replication_key"));
      if (keyText == null) {
        if (stream.defaultCursor().isEmpty()) {
          throw new ConfigException(
              at
                  + ": stream \""
                  + stream.tapStreamId()
                  + "\" has no default"
                  + " replication key; set \"replication-key\" in its metadata at breadcrumb []");
        }
        key = stream.defaultCursor();
      } else if (stream.sourceDefinedCursor() && !keyText.equals(stream.replicationKey())) {
        throw new ConfigException(
            at
                + ": the replication key of stream \""
                + stream.tapStreamId()
                + "\" is defined by the tap as \""
                + stream.replicationKey()
                + "\", not \""
                + keyText
                + "\"");
      } else {
        key = keyText.equals(stream.replicationKey()) ? stream.defaultCursor() : List.of(keyText);
      }
    }
    Set<String> fields = new LinkedHashSet<>(deselected.keySet());
    fields.removeAll(stream.keyProperties());
    fields.removeAll(key);
    return new SyncPlan(stream, method, key, Set.copyOf(fields));
  }

  private static String supported(TapStream s) {
    List<String> methods = new ArrayList<>();
    if (s.fullTable()) {
      methods.add(ReplicationMethod.FULL_TABLE.name());
    }
    if (s.incremental()) {
      methods.add(ReplicationMethod.INCREMENTAL.name());
    }
    return String.join(" and ", methods);
  }

  private static String text(JsonNode... candidates) {
    for (JsonNode n : candidates) {
      if (n != null && n.isTextual() && !n.asText().isEmpty()) {
        return n.asText();
      }
    }
    return null;
  }
}
