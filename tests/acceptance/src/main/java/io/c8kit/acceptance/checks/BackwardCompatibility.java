package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backward-compatibility checks against a previous version's SPEC or CATALOG, in the spirit of
 * CAT's {@code SpecDiffChecker} and {@code CatalogDiffChecker}.
 */
public final class BackwardCompatibility {
  private BackwardCompatibility() {}

  /**
   * Spec: no new required property (nor a new {@code required} keyword), no changed {@code type}
   * (widening {@code "x"} to a list containing {@code "x"} is fine), no removed {@code "null"}, no
   * narrowed or newly added {@code enum}.
   */
  public static List<Violation> spec(JsonNode previousSpec, JsonNode currentSpec) {
    String rule = Rules.SPEC_BACKWARD_COMPATIBILITY;
    Map<String, JsonNode> prev = index(unwrapSpec(previousSpec).path("connectionSpecification"));
    Map<String, JsonNode> curr = index(unwrapSpec(currentSpec).path("connectionSpecification"));
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : curr.entrySet()) {
      String path = e.getKey();
      JsonNode now = e.getValue();
      JsonNode before = prev.get(path);
      if (before == null) {
        // a new optional property is fine; a new required one is caught on its parent below
        continue;
      }
      Set<String> reqBefore = strings(before.get("required"));
      Set<String> reqNow = strings(now.get("required"));
      reqNow.removeAll(reqBefore);
      if (!reqNow.isEmpty()) {
        out.add(
            Violation.of(
                rule,
                where(path),
                "new required properties "
                    + reqNow
                    + " (existing configs would no longer validate)"));
      }
      typeChange(rule, null, path, before, now, out);
      JsonNode enumBefore = before.get("enum");
      JsonNode enumNow = now.get("enum");
      if (enumNow != null && enumBefore == null) {
        out.add(
            Violation.of(
                rule, where(path), "a new enum " + enumNow + " restricts previously valid values"));
      } else if (enumNow != null && enumNow.isArray() && enumBefore.isArray()) {
        Set<String> removed = canonicalSet(enumBefore);
        removed.removeAll(canonicalSet(enumNow));
        if (!removed.isEmpty()) {
          out.add(Violation.of(rule, where(path), "enum values removed: " + removed));
        }
      }
    }
    return out;
  }

  /**
   * Catalog: no removed stream, no removed field, no changed {@code type} (except widening to a
   * list that contains the old type), no removed {@code "null"}, no changed {@code format} or
   * {@code airbyte_type}, no changed {@code default_cursor_field}.
   */
  public static List<Violation> catalog(JsonNode previousCatalog, JsonNode currentCatalog) {
    String rule = Rules.DISCOVERY_BACKWARD_COMPATIBILITY;
    Map<StreamKey, JsonNode> prev = Catalogs.streamsByKey(previousCatalog);
    Map<StreamKey, JsonNode> curr = Catalogs.streamsByKey(currentCatalog);
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<StreamKey, JsonNode> e : prev.entrySet()) {
      StreamKey key = e.getKey();
      JsonNode before = e.getValue();
      JsonNode now = curr.get(key);
      if (now == null) {
        out.add(Violation.of(rule, key, "stream", "was removed from the catalog"));
        continue;
      }
      Map<String, JsonNode> fieldsBefore = index(before.path("json_schema"));
      Map<String, JsonNode> fieldsNow = index(now.path("json_schema"));
      for (Map.Entry<String, JsonNode> f : fieldsBefore.entrySet()) {
        JsonNode fNow = fieldsNow.get(f.getKey());
        if (fNow == null) {
          out.add(Violation.of(rule, key, "field " + where(f.getKey()), "was removed"));
          continue;
        }
        typeChange(rule, key, f.getKey(), f.getValue(), fNow, out);
        for (String kw : List.of("format", "airbyte_type")) {
          String a = f.getValue().path(kw).asText(null);
          String b = fNow.path(kw).asText(null);
          if (a != null && !a.equals(b)) {
            out.add(
                Violation.of(
                    rule,
                    key,
                    "field " + where(f.getKey()),
                    kw + " changed from " + a + " to " + b));
          }
        }
      }
      JsonNode cursorBefore = before.get("default_cursor_field");
      JsonNode cursorNow = now.get("default_cursor_field");
      if (cursorBefore != null && !Json.canonical(cursorBefore).equals(Json.canonical(cursorNow))) {
        out.add(
            Violation.of(
                rule,
                key,
                "default_cursor_field",
                "changed from " + cursorBefore + " to " + cursorNow));
      }
    }
    return out;
  }

  private static void typeChange(
      String rule,
      StreamKey stream,
      String path,
      JsonNode before,
      JsonNode now,
      List<Violation> out) {
    JsonNode tb = before.get("type");
    JsonNode tn = now.get("type");
    if (tb == null || Json.canonical(tb).equals(Json.canonical(tn))) {
      return;
    }
    List<String> typesBefore = Json.types(before);
    List<String> typesNow = Json.types(now);
    if (typesBefore.contains("null") && !typesNow.contains("null")) {
      out.add(
          Violation.of(
              rule, stream, where(path), "type " + tb + " lost \"null\" (now " + tn + ")"));
      return;
    }
    boolean widening = tn != null && tn.isArray() && typesNow.containsAll(typesBefore);
    if (!widening) {
      out.add(Violation.of(rule, stream, where(path), "type changed from " + tb + " to " + tn));
    }
  }

  /** Every subschema reachable through {@code properties} (and oneOf options), by property path. */
  private static Map<String, JsonNode> index(JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    index(schema, "", out);
    return out;
  }

  private static void index(JsonNode schema, String path, Map<String, JsonNode> out) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    out.put(path, schema);
    schema
        .path("properties")
        .fields()
        .forEachRemaining(e -> index(e.getValue(), path + "/" + e.getKey(), out));
    JsonNode oneOf = schema.get("oneOf");
    if (oneOf != null && oneOf.isArray()) {
      for (int i = 0; i < oneOf.size(); i++) {
        index(oneOf.get(i), path + "(" + i + ")", out);
      }
    }
    if (schema.path("items").isObject()) {
      index(schema.get("items"), path + "[]", out);
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "(root)" : path;
  }

  private static JsonNode unwrapSpec(JsonNode spec) {
    return spec != null && spec.path("type").asText().equals("SPEC") && spec.has("spec")
        ? spec.get("spec")
        : spec;
  }

  private static Set<String> strings(JsonNode arr) {
    Set<String> out = new HashSet<>();
    if (arr != null && arr.isArray()) {
      arr.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Set<String> canonicalSet(JsonNode arr) {
    Set<String> out = new HashSet<>();
    arr.forEach(n -> out.add(Json.canonical(n)));
    return out;
  }
}
