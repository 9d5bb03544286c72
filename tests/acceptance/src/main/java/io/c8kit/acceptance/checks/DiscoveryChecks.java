package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code discovery} suite as pure functions over the CATALOG payload {@code {"streams":[…]}}.
 */
public final class DiscoveryChecks {
  private DiscoveryChecks() {}

  /** The rules that depend on the catalog alone, in report order. */
  public static Map<String, Function<JsonNode, List<Violation>>> staticRules() {
    Map<String, Function<JsonNode, List<Violation>>> rules = new LinkedHashMap<>();
    rules.put(
        Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS,
        DiscoveryChecks::streamsHaveValidJsonSchemas);
    rules.put(
        Rules.DISCOVERY_DEFINED_CURSORS_EXIST_IN_SCHEMA,
        DiscoveryChecks::definedCursorsExistInSchema);
    rules.put(
        Rules.DISCOVERY_DEFINED_REFS_EXIST_IN_SCHEMA, DiscoveryChecks::definedRefsExistInSchema);
    rules.put(
        Rules.DISCOVERY_DEFINED_KEYWORD_EXIST_IN_SCHEMA,
        DiscoveryChecks::definedKeywordExistInSchema);
    rules.put(
        Rules.DISCOVERY_PRIMARY_KEYS_EXIST_IN_SCHEMA, DiscoveryChecks::primaryKeysExistInSchema);
    rules.put(Rules.DISCOVERY_PRIMARY_KEYS_DATA_TYPE, DiscoveryChecks::primaryKeysDataType);
    rules.put(Rules.DISCOVERY_STREAMS_HAS_SYNC_MODES, DiscoveryChecks::streamsHasSyncModes);
    rules.put(
        Rules.DISCOVERY_ADDITIONAL_PROPERTIES_IS_TRUE, DiscoveryChecks::additionalPropertiesIsTrue);
    return Collections.unmodifiableMap(rules);
  }

  public static List<Violation> all(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    staticRules().values().forEach(r -> out.addAll(r.apply(catalog)));
    return out;
  }

  /** The CATALOG payload of a discover run, when there is exactly one CATALOG message. */
  public static Optional<JsonNode> catalogPayload(RunResult run) {
    List<Message> catalogs = run.ofType("CATALOG");
    return catalogs.size() == 1 ? Optional.of(catalogs.get(0).payload()) : Optional.empty();
  }

  /** Exactly one CATALOG, with streams, unique (namespace, name), exit 0. */
  public static List<Violation> discover(RunResult run) {
    String rule = Rules.DISCOVERY_DISCOVER;
    List<Violation> out = new ArrayList<>();
    List<Message> catalogs = run.ofType("CATALOG");
    if (catalogs.size() != 1) {
      out.add(
          Violation.of(
              rule,
              "discover output",
              "CATALOG must be emitted exactly once, got "
                  + catalogs.size()
                  + (catalogs.isEmpty() ? "; " + run.describe() : "")));
    } else {
      Message m = catalogs.get(0);
      JsonNode streams = m.payload().path("streams");
      if (!streams.isArray() || streams.size() == 0) {
        out.add(
            Violation.of(rule, "CATALOG", "the catalog must contain streams")
                .withEvidence(m.evidence()));
      } else {
        Set<StreamKey> seen = new HashSet<>();
        for (JsonNode s : streams) {
          if (!s.path("name").isTextual() || s.path("name").asText().isEmpty()) {
            out.add(
                Violation.of(rule, "CATALOG", "a stream has no name").withEvidence(Json.write(s)));
          } else if (!seen.add(StreamKey.from(s))) {
            out.add(
                Violation.of(
                    rule, StreamKey.from(s), "stream name", "is not unique in the catalog"));
          }
        }
      }
    }
    if (run.exitCode() != 0) {
      out.add(Violation.of(rule, "discover command", "exited " + run.exitCode() + ", expected 0"));
    }
    return out;
  }

  /** Each json_schema is a valid draft-07 schema with top-level type object and properties. */
  public static List<Violation> streamsHaveValidJsonSchemas(JsonNode catalog) {
    String rule = Rules.DISCOVERY_STREAMS_HAVE_VALID_JSON_SCHEMAS;
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      StreamKey key = StreamKey.from(s);
      JsonNode schema = s.get("json_schema");
      if (schema == null || !schema.isObject()) {
        out.add(Violation.of(rule, key, "json_schema", "missing or not an object"));
        continue;
      }
      for (String e : SchemaValidation.metaValidate(schema)) {
        out.add(
            Violation.of(rule, key, "json_schema", "not a valid draft-07 schema: " + e)
                .withEvidence(Json.write(schema)));
      }
      if (!Json.types(schema).contains("object")) {
        out.add(
            Violation.of(
                    rule,
                    key,
                    "json_schema",
                    "top-level type must be object, is " + schema.get("type"))
                .withEvidence(Json.write(schema)));
      }
      if (!schema.path("properties").isObject()) {
        out.add(
            Violation.of(rule, key, "json_schema", "must declare top-level properties")
                .withEvidence(Json.write(schema)));
      }
    }
    return out;
  }

  /** {@code default_cursor_field} exists under {@code properties}. */
  public static List<Violation> definedCursorsExistInSchema(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      List<String> cursor = Catalogs.path(s.get("default_cursor_field"));
      if (cursor.isEmpty()) {
        continue;
      }
      if (Json.schemaAt(s.path("json_schema"), cursor).isMissingNode()) {
        out.add(
            Violation.of(
                    Rules.DISCOVERY_DEFINED_CURSORS_EXIST_IN_SCHEMA,
                    StreamKey.from(s),
                    "default_cursor_field " + cursor,
                    "is not declared in the schema properties")
                .withEvidence(Json.write(s.path("json_schema"))));
      }
    }
    return out;
  }

  /** No {@code $ref} in stream schemas. */
  public static List<Violation> definedRefsExistInSchema(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      List<String> found = new ArrayList<>();
      SchemaWalker.findKeys(s.path("json_schema"), "$ref", "", found);
      for (String p : found) {
        out.add(
            Violation.of(
                Rules.DISCOVERY_DEFINED_REFS_EXIST_IN_SCHEMA,
                StreamKey.from(s),
                "json_schema " + p,
                "unresolved $ref; inline the referenced schema"));
      }
    }
    return out;
  }

  /** No {@code allOf} or {@code not} keyword in stream schemas. */
  public static List<Violation> definedKeywordExistInSchema(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      StreamKey key = StreamKey.from(s);
      SchemaWalker.walk(
          s.path("json_schema"),
          node -> {
            for (String kw : List.of("allOf", "not")) {
              if (node.schema().has(kw)) {
                out.add(
                    Violation.of(
                            Rules.DISCOVERY_DEFINED_KEYWORD_EXIST_IN_SCHEMA,
                            key,
                            "json_schema " + node.pointer() + "/" + kw,
                            "the keyword '" + kw + "' is not allowed")
                        .withEvidence(Json.write(node.schema())));
              }
            }
          });
    }
    return out;
  }

  /** {@code source_defined_primary_key} paths exist under {@code properties}. */
  public static List<Violation> primaryKeysExistInSchema(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      for (List<String> pk : Catalogs.paths(s.get("source_defined_primary_key"))) {
        if (pk.isEmpty() || Json.schemaAt(s.path("json_schema"), pk).isMissingNode()) {
          out.add(
              Violation.of(
                      Rules.DISCOVERY_PRIMARY_KEYS_EXIST_IN_SCHEMA,
                      StreamKey.from(s),
                      "primary key " + pk,
                      "is not declared in the schema properties")
                  .withEvidence(Json.write(s.path("json_schema"))));
        }
      }
    }
    return out;
  }

  /** Primary-key fields are not objects or arrays. */
  public static List<Violation> primaryKeysDataType(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      for (List<String> pk : Catalogs.paths(s.get("source_defined_primary_key"))) {
        JsonNode field = Json.schemaAt(s.path("json_schema"), pk);
        if (field.isMissingNode()) {
          continue;
        }
        List<String> types = Json.types(field);
        if (types.contains("object") || types.contains("array")) {
          out.add(
              Violation.of(
                      Rules.DISCOVERY_PRIMARY_KEYS_DATA_TYPE,
                      StreamKey.from(s),
                      "primary key " + pk,
                      "must not be an object or array, has type " + field.get("type"))
                  .withEvidence(Json.write(field)));
        }
      }
    }
    return out;
  }

  /** {@code supported_sync_modes} is present and non-empty. */
  public static List<Violation> streamsHasSyncModes(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      JsonNode modes = s.get("supported_sync_modes");
      if (modes == null || !modes.isArray() || modes.size() == 0) {
        out.add(
            Violation.of(
                    Rules.DISCOVERY_STREAMS_HAS_SYNC_MODES,
                    StreamKey.from(s),
                    "supported_sync_modes",
                    "must be a non-empty list")
                .withEvidence(Json.write(s)));
      }
    }
    return out;
  }

  /** Every {@code additionalProperties} in stream schemas is true. */
  public static List<Violation> additionalPropertiesIsTrue(JsonNode catalog) {
    List<Violation> out = new ArrayList<>();
    for (JsonNode s : Catalogs.streams(catalog)) {
      out.addAll(
          SpecChecks.additionalPropertiesIsTrue(
              s.path("json_schema"),
              Rules.DISCOVERY_ADDITIONAL_PROPERTIES_IS_TRUE,
              StreamKey.from(s)));
    }
    return out;
  }
}
