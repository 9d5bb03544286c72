package io.c8kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.config.ConfigWalker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The connector's spec ({@code connectionSpecification}) as flat Kafka Connect properties, and
 * back.
 *
 * <p>Mapping (documented in docs/KAFKA-CONNECT.md): a top-level property keeps its name; a property
 * of a nested object, and of every option of a {@code oneOf}, is named by its dotted path ({@code
 * ssl_mode.mode}, {@code ssl_mode.ca_certificate}); an array of scalars is a {@code LIST}
 * (comma-separated); an object without declared properties, an array of objects and any other shape
 * is one JSON-valued string. Secrets are {@code PASSWORD}. Values go back into the JSON config as
 * text and are then coerced to the schema's types by the same walker the C8 mode uses, so
 * validation, defaults and binding are exactly the Airbyte mode's.
 */
final class SpecConfig {
  /** How a key's text becomes JSON. */
  enum Kind {
    TEXT,
    LIST,
    JSON
  }

  /** One Connect property: its dotted name, its path in the JSON config, how to read its text. */
  record Key(String name, List<String> path, Kind kind, boolean secret) {}

  /** Connect's own connector-level keys; a spec property must not take one of these names. */
  static final Set<String> RESERVED =
      Set.of(
          "name",
          "connector.class",
          "tasks.max",
          "topics",
          "topics.regex",
          "key.converter",
          "value.converter",
          "header.converter",
          "transforms",
          "predicates",
          "config.action.reload",
          "connector.plugin.version",
          "exactly.once.support",
          "transaction.boundary",
          "offsets.storage.topic");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectNode schema;
  private final LinkedHashMap<String, Key> keys = new LinkedHashMap<>();
  private final ConfigDef definition = new ConfigDef();
  private final Map<String, Integer> groupCounters = new HashMap<>();

  private SpecConfig(ObjectNode schema) {
    this.schema = schema;
    walk(schema, List.of(), "Connector", "");
  }

  /**
   * Maps a {@code connectionSpecification}.
   *
   * @throws IllegalStateException when a property would be named like one of Connect's own keys
   */
  static SpecConfig of(ObjectNode connectionSpecification) {
    return new SpecConfig(connectionSpecification);
  }

  /** The spec's keys as a ConfigDef (a fresh copy the caller may extend). */
  ConfigDef configDef() {
    return new ConfigDef(definition);
  }

  /** Every spec key by name, in spec order. */
  Map<String, Key> keys() {
    return keys;
  }

  ObjectNode schema() {
    return schema;
  }

  // ------------------------------------------------------------------ spec -> ConfigDef

  private void walk(
      JsonNode objectSchema, List<String> parent, String group, String parentRequired) {
    for (Map.Entry<String, JsonNode> property : properties(objectSchema)) {
      List<String> path = new ArrayList<>(parent);
      path.add(property.getKey());
      JsonNode s = property.getValue();
      String childGroup = parent.isEmpty() ? s.path("title").asText(property.getKey()) : group;
      if (s.path("oneOf").isArray() && s.path("oneOf").size() > 0) {
        walk(mergedOptions(s.get("oneOf")), path, childGroup, "");
        continue;
      }
      String type = JsonValues.primaryType(s);
      if ("object".equals(type)
          && properties(s).size() > 0
          && !s.path("airbyte_secret").asBoolean()) {
        walk(s, path, childGroup, "");
        continue;
      }
      Kind kind =
          "array".equals(type) && isScalar(JsonValues.primaryType(s.path("items")))
              ? Kind.LIST
              : isScalar(type) ? Kind.TEXT : Kind.JSON;
      define(
          path,
          s,
          kind,
          parent.isEmpty() ? group : group,
          required(objectSchema, property.getKey()));
    }
  }

  /**
   * The union of the options' properties (first option wins a name), the discriminator listing its
   * values.
   */
  private static ObjectNode mergedOptions(JsonNode options) {
    ObjectNode merged = JSON.objectNode();
    ObjectNode properties = merged.putObject("properties");
    Map<String, List<String>> constants = new LinkedHashMap<>();
    for (JsonNode option : options) {
      for (Map.Entry<String, JsonNode> p : properties(option)) {
        JsonNode constant = p.getValue().get("const");
        if (constant != null && constant.isValueNode()) {
          constants.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(constant.asText());
        }
        JsonNode existing = properties.get(p.getKey());
        if (existing == null) {
          ObjectNode copy = p.getValue().deepCopy();
          copy.remove(List.of("const", "default", "enum"));
          properties.set(p.getKey(), copy);
        } else if (p.getValue().path("airbyte_secret").asBoolean()) {
          ((ObjectNode) existing).put("airbyte_secret", true);
        }
      }
    }
    constants.forEach(
        (name, values) -> {
          ObjectNode p = (ObjectNode) properties.get(name);
          String doc = p.path("description").asText("");
          p.put(
              "description",
              (doc.isEmpty() ? "" : doc + " ")
                  + "Selects the option: one of "
                  + String.join(", ", values)
                  + ".");
          p.put("type", "string");
        });
    return merged;
  }

  private void define(List<String> path, JsonNode s, Kind kind, String group, boolean required) {
    String name = String.join(".", path);
    if (RESERVED.contains(name)) {
      throw new IllegalStateException(
          "The spec property '"
              + name
              + "' has the name of a Kafka Connect"
              + " connector setting; rename the @Property");
    }
    boolean secret = s.path("airbyte_secret").asBoolean(false);
    String type = JsonValues.primaryType(s);
    ConfigDef.Type connectType =
        secret
            ? ConfigDef.Type.PASSWORD
            : switch (kind) {
              case LIST -> ConfigDef.Type.LIST;
              case JSON -> ConfigDef.Type.STRING;
              case TEXT ->
                  switch (type) {
                    case "integer" -> ConfigDef.Type.LONG;
                    case "number" -> ConfigDef.Type.DOUBLE;
                    case "boolean" -> ConfigDef.Type.BOOLEAN;
                    default -> ConfigDef.Type.STRING;
                  };
            };
    JsonNode given = s.get("default");
    Object dflt = given == null || given.isNull() ? null : defaultValue(given, connectType, kind);
    ConfigDef.Importance importance =
        required
            ? ConfigDef.Importance.HIGH
            : dflt == null ? ConfigDef.Importance.MEDIUM : ConfigDef.Importance.LOW;
    String doc = s.path("description").asText("");
    if (kind == Kind.JSON) {
      doc = (doc.isEmpty() ? "" : doc + " ") + "A JSON value.";
    }
    if (required) {
      doc = (doc.isEmpty() ? "" : doc + " ") + "Required.";
    }
    int order = groupCounters.merge(group, 1, Integer::sum);
    String display = s.path("title").asText(path.get(path.size() - 1));
    // Connect's own ConfigDef checks stay off (no validator, never NO_DEFAULT_VALUE): the spec's
    // JSON
    // schema is the one judge, so every problem is reported once, in the Airbyte mode's words.
    definition.define(
        name, connectType, dflt, importance, doc, group, order, ConfigDef.Width.MEDIUM, display);
    keys.put(name, new Key(name, List.copyOf(path), kind, secret));
  }

  private static Object defaultValue(JsonNode given, ConfigDef.Type type, Kind kind) {
    if (kind == Kind.LIST) {
      List<String> items = new ArrayList<>();
      given.forEach(i -> items.add(i.asText()));
      return items;
    }
    if (kind == Kind.JSON) {
      return given.toString();
    }
    return switch (type) {
      case LONG -> given.canConvertToLong() ? (Object) given.asLong() : null;
      case DOUBLE -> given.isNumber() ? (Object) given.asDouble() : null;
      case BOOLEAN -> given.isBoolean() ? (Object) given.asBoolean() : null;
      default -> given.asText();
    };
  }

  private static boolean required(JsonNode objectSchema, String name) {
    for (JsonNode r : objectSchema.path("required")) {
      if (name.equals(r.asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isScalar(String type) {
    return "string".equals(type)
        || "integer".equals(type)
        || "number".equals(type)
        || "boolean".equals(type);
  }

  /** Properties by spec {@code order}, then name: the order the Airbyte UI shows them in. */
  private static List<Map.Entry<String, JsonNode>> properties(JsonNode objectSchema) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    JsonNode properties = objectSchema.path("properties");
    properties.fields().forEachRemaining(out::add);
    out.sort(
        Comparator.comparingInt(
                (Map.Entry<String, JsonNode> e) ->
                    e.getValue().path("order").asInt(Integer.MAX_VALUE))
            .thenComparing(Map.Entry::getKey));
    return out;
  }

  // ------------------------------------------------------------------ properties -> JSON config

  /** The JSON config, and the keys whose text could not even be read (a malformed JSON value). */
  record Converted(ObjectNode config, Map<String, String> keyErrors) {}

  /**
   * The c8kit config the user's properties describe: only keys they set (so the spec's defaults
   * apply as in the Airbyte mode), text coerced to the schema's types; other properties are
   * ignored.
   */
  Converted toJson(Map<String, String> props) {
    ObjectNode config = JSON.objectNode();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Key key : keys.values()) {
      String text = props.get(key.name());
      if (text == null) {
        continue;
      }
      JsonNode value;
      switch (key.kind()) {
        case LIST -> {
          ArrayNode array = JSON.arrayNode();
          if (!text.isBlank()) {
            for (String item : text.split(",", -1)) {
              array.add(item.trim());
            }
          }
          value = array;
        }
        case JSON -> {
          if (text.isBlank()) {
            continue;
          }
          try {
            value = Protocol.mapper().readTree(text);
          } catch (JsonProcessingException e) {
            // the text may be secret: say where, never quote it (Jackson's message quotes
            // characters)
            errors.put(
                key.name(),
                key.name()
                    + ": is not valid JSON (at line "
                    + e.getLocation().getLineNr()
                    + ", column "
                    + e.getLocation().getColumnNr()
                    + ")");
            continue;
          }
        }
        default -> value = JSON.textNode(text);
      }
      put(config, key.path(), value);
    }
    ConfigWalker.coerceStrings(schema, config);
    return new Converted(config, errors);
  }

  private static void put(ObjectNode root, List<String> path, JsonNode value) {
    ObjectNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode child = node.get(path.get(i));
      node = child instanceof ObjectNode o ? o : node.putObject(path.get(i));
    }
    node.set(path.get(path.size() - 1), value);
  }

  /**
   * The key a validator problem ({@code $.ssl_mode.mode: is required}) belongs to: the longest key
   * whose path starts the problem's path; a problem above every key goes to the first key under it,
   * or to the first key of the spec.
   */
  String keyOf(String problem) {
    String path = problem.startsWith("$") ? problem.substring(1) : problem;
    int colon = path.indexOf(": ");
    if (colon >= 0) {
      path = path.substring(0, colon);
    }
    String dotted = path.replaceAll("\\[[^\\]]*\\]", "").replaceAll("^\\.", "");
    String best = null;
    for (String name : keys.keySet()) {
      if (dotted.equals(name) || dotted.startsWith(name + ".")) {
        if (best == null || name.length() > best.length()) {
          best = name;
        }
      }
    }
    if (best != null) {
      return best;
    }
    TreeSet<String> under = new TreeSet<>();
    for (String name : keys.keySet()) {
      if (dotted.isEmpty() || name.startsWith(dotted + ".")) {
        under.add(name);
      }
    }
    if (!under.isEmpty() && !dotted.isEmpty()) {
      for (String name : keys.keySet()) {
        if (under.contains(name)) {
          return name; // spec order, not alphabetical
        }
      }
    }
    return keys.isEmpty() ? null : keys.keySet().iterator().next();
  }
}
