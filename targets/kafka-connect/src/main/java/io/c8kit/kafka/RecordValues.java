package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Turns one stream's record data (JSON) into a Kafka key and value, schemaless or as Structs.
 *
 * <p>The Struct schema is derived from the stream's JSON schema when the task starts (streams found
 * by {@code @Discover} exist only at run time, so this cannot be done at compile time): {@code
 * string} → STRING (formats such as date-time stay ISO text), {@code integer} → INT64, {@code
 * number} → FLOAT64, {@code boolean} → BOOLEAN, an object with properties → STRUCT, an array →
 * ARRAY of its items, and anything else (no type, several types, {@code oneOf}, free-form objects)
 * → STRING holding JSON text. Every field is optional. Schemaless values are maps of Long, Double,
 * Boolean, String, List and Map (an integer beyond 64 bits becomes its decimal text), which
 * JsonConverter writes back as the same JSON.
 */
final class RecordValues {
  private final String stream;
  private final List<List<String>> primaryKey;
  private final boolean struct;
  private final Schema valueSchema;
  private final Schema keySchema;

  RecordValues(
      String connector,
      String stream,
      ObjectNode jsonSchema,
      List<List<String>> primaryKey,
      SourceSettings.ValueFormat format) {
    this.stream = stream;
    this.primaryKey = primaryKey == null ? List.of() : primaryKey;
    this.struct = format == SourceSettings.ValueFormat.STRUCT;
    if (struct) {
      String name = "c8kit." + sanitize(connector) + "." + sanitize(stream);
      this.valueSchema = schemaOf(jsonSchema, name);
      SchemaBuilder key = SchemaBuilder.struct().name(name + ".Key").optional();
      for (List<String> path : this.primaryKey) {
        key.field(String.join(".", path), schemaOf(at(jsonSchema, path), null));
      }
      this.keySchema = this.primaryKey.isEmpty() ? null : key.build();
    } else {
      this.valueSchema = null;
      this.keySchema = null;
    }
  }

  Schema valueSchema() {
    return valueSchema;
  }

  Schema keySchema() {
    return keySchema;
  }

  /** The value: a Map, or a Struct of {@link #valueSchema()}. */
  Object value(JsonNode data) {
    return struct ? toConnect(valueSchema, data, "") : plain(data);
  }

  /** The key: the primary key's values by their dotted paths, or null for a stream without one. */
  Object key(JsonNode data) {
    if (primaryKey.isEmpty()) {
      return null;
    }
    if (struct) {
      Struct key = new Struct(keySchema);
      for (List<String> path : primaryKey) {
        String name = String.join(".", path);
        key.put(name, toConnect(keySchema.field(name).schema(), valueAt(data, path), name));
      }
      return key;
    }
    Map<String, Object> key = new LinkedHashMap<>();
    for (List<String> path : primaryKey) {
      key.put(String.join(".", path), plain(valueAt(data, path)));
    }
    return key;
  }

  // ------------------------------------------------------------------ schemas

  static Schema schemaOf(JsonNode jsonSchema, String name) {
    if (jsonSchema == null
        || jsonSchema.has("oneOf")
        || jsonSchema.has("anyOf")
        || multiType(jsonSchema)) {
      return Schema.OPTIONAL_STRING_SCHEMA;
    }
    switch (JsonValues.primaryType(jsonSchema)) {
      case "string":
        return Schema.OPTIONAL_STRING_SCHEMA;
      case "integer":
        return Schema.OPTIONAL_INT64_SCHEMA;
      case "number":
        return Schema.OPTIONAL_FLOAT64_SCHEMA;
      case "boolean":
        return Schema.OPTIONAL_BOOLEAN_SCHEMA;
      case "array":
        return SchemaBuilder.array(schemaOf(jsonSchema.get("items"), null)).optional().build();
      case "object":
        JsonNode properties = jsonSchema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
          return Schema.OPTIONAL_STRING_SCHEMA;
        }
        SchemaBuilder b = SchemaBuilder.struct().optional();
        if (name != null) {
          b.name(name);
        }
        properties
            .fields()
            .forEachRemaining(p -> b.field(p.getKey(), schemaOf(p.getValue(), null)));
        return b.build();
      default:
        return Schema.OPTIONAL_STRING_SCHEMA;
    }
  }

  private static boolean multiType(JsonNode jsonSchema) {
    JsonNode type = jsonSchema.get("type");
    if (type == null || !type.isArray()) {
      return false;
    }
    int nonNull = 0;
    for (JsonNode t : type) {
      if (!"null".equals(t.asText())) {
        nonNull++;
      }
    }
    return nonNull > 1;
  }

  private static JsonNode at(JsonNode jsonSchema, List<String> path) {
    JsonNode s = jsonSchema;
    for (String part : path) {
      s = s == null ? null : s.path("properties").get(part);
    }
    return s;
  }

  private static JsonNode valueAt(JsonNode data, List<String> path) {
    JsonNode v = data;
    for (String part : path) {
      v = v == null ? null : v.get(part);
    }
    return v;
  }

  // ------------------------------------------------------------------ values

  private Object toConnect(Schema schema, JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (schema.type()) {
      case STRING:
        return node.isTextual() ? node.asText() : node.toString();
      case INT64:
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.asLong();
        }
        throw mismatch(path, "an integer", node);
      case FLOAT64:
        if (node.isNumber()) {
          return node.asDouble();
        }
        throw mismatch(path, "a number", node);
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.asBoolean();
        }
        throw mismatch(path, "a boolean", node);
      case ARRAY:
        if (!node.isArray()) {
          throw mismatch(path, "an array", node);
        }
        List<Object> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          items.add(toConnect(schema.valueSchema(), node.get(i), path + "[" + i + "]"));
        }
        return items;
      case STRUCT:
        if (!node.isObject()) {
          throw mismatch(path, "an object", node);
        }
        Struct s = new Struct(schema);
        for (org.apache.kafka.connect.data.Field f : schema.fields()) {
          s.put(
              f,
              toConnect(
                  f.schema(),
                  node.get(f.name()),
                  path.isEmpty() ? f.name() : path + "." + f.name()));
        }
        return s;
      default:
        throw new IllegalStateException("unexpected schema type " + schema.type());
    }
  }

  private DataException mismatch(String path, String expected, JsonNode node) {
    // the type, never the value: record data may be sensitive
    return new DataException(
        "Stream '"
            + stream
            + "': field '"
            + path
            + "' should be "
            + expected
            + " by the stream's JSON schema but is a "
            + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
  }

  /** JSON as the plain Java values JsonConverter accepts without a schema. */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.asLong() : node.asText();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  private static String sanitize(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
