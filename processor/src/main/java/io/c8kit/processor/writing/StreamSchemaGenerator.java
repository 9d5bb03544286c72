package io.c8kit.processor.writing;

import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.EnumModel;
import io.c8kit.processor.model.FieldModel;
import io.c8kit.processor.model.JsonModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.RecordTypeModel;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.StreamModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code META-INF/c8kit/<kind>-<name>/streams/<stream>.json} for each static stream: the
 * record's components as Airbyte-typed JSON schema, nullable wherever Java cannot promise a value.
 */
final class StreamSchemaGenerator extends ResourceGenerator {
  @Override
  Map<String, String> resources(ConnectorModel model) {
    Map<String, String> out = new LinkedHashMap<>();
    for (StreamModel stream : model.streams()) {
      out.put(model.streamSchemaResource(stream.name()), JsonText.pretty(schema(stream.record())));
    }
    return out;
  }

  static Map<String, Object> schema(RecordTypeModel record) {
    Map<String, Object> schema = new TreeMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    schema.put("additionalProperties", true);
    schema.put("properties", properties(record));
    return schema;
  }

  private static Map<String, Object> properties(RecordTypeModel record) {
    Map<String, Object> properties = new TreeMap<>();
    for (FieldModel f : record.fields()) {
      Map<String, Object> field = type(f.type());
      if (!f.description().isEmpty()) {
        field.put("description", f.description());
      }
      properties.put(f.jsonName(), field);
    }
    return properties;
  }

  /** Primitives are non-null; every reference type is {@code [T, "null"]} (non-null type first). */
  private static Map<String, Object> type(TypeModel type) {
    Map<String, Object> schema = new TreeMap<>();
    if (type instanceof OptionalModel o) {
      return type(o.element());
    }
    if (type instanceof ScalarModel s) {
      String json = s.scalar().jsonType();
      schema.put("type", s.primitive() ? json : List.of(json, "null"));
      if (!s.scalar().format().isEmpty()) {
        schema.put("format", s.scalar().format());
      }
      if (!s.scalar().airbyteType().isEmpty()) {
        schema.put("airbyte_type", s.scalar().airbyteType());
      }
    } else if (type instanceof EnumModel e) {
      schema.put("type", List.of("string", "null"));
      List<Object> values = new ArrayList<>(e.jsonNames());
      values.add(null);
      schema.put("enum", values);
    } else if (type instanceof CollectionModel c) {
      schema.put("type", List.of("array", "null"));
      schema.put("items", type(c.element()));
    } else if (type instanceof RecordTypeModel r) {
      schema.put("type", List.of("object", "null"));
      schema.put("properties", properties(r));
    } else if (type instanceof JsonModel) {
      schema.put("type", List.of("object", "null"));
    } else {
      throw new IllegalArgumentException("no stream mapping for " + type);
    }
    return schema;
  }
}
