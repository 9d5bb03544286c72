package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code spec} suite as pure functions over the SPEC payload (the {@code
 * ConnectorSpecification} object: {@code {"documentationUrl":…, "connectionSpecification":{…},
 * …}}).
 */
public final class SpecChecks {
  /** CAT's list of secret-looking property names. */
  public static final Set<String> SECRET_NAMES =
      Set.of(
          "client_token",
          "access_token",
          "api_token",
          "token",
          "secret",
          "client_secret",
          "password",
          "key",
          "service_account_info",
          "service_account",
          "tenant_id",
          "certificate",
          "jwt",
          "credentials",
          "app_id",
          "appid",
          "refresh_token");

  /** Keywords CAT forbids in a spec. */
  public static final List<String> FORBIDDEN_KEYWORDS =
      List.of(
          "not",
          "anyOf",
          "patternProperties",
          "prefixItems",
          "allOf",
          "if",
          "then",
          "else",
          "dependentSchemas",
          "dependentRequired");

  private static final Set<String> SECRET_CAPABLE_TYPES = Set.of("string", "integer", "number");

  private SpecChecks() {}

  /** The rules that depend on the SPEC payload alone, in report order. */
  public static Map<String, Function<JsonNode, List<Violation>>> staticRules() {
    Map<String, Function<JsonNode, List<Violation>>> rules = new LinkedHashMap<>();
    rules.put(Rules.SPEC_VALID_JSON_SCHEMA, SpecChecks::validJsonSchema);
    rules.put(Rules.SPEC_ENUM_USAGE, SpecChecks::enumUsage);
    rules.put(Rules.SPEC_ONEOF_USAGE, SpecChecks::oneOfUsage);
    rules.put(Rules.SPEC_SECRET_IS_PROPERLY_MARKED, SpecChecks::secretIsProperlyMarked);
    rules.put(Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY, SpecChecks::propertyTypeIsNotArray);
    rules.put(Rules.SPEC_OBJECT_NOT_EMPTY, SpecChecks::objectNotEmpty);
    rules.put(Rules.SPEC_ARRAY_TYPE, SpecChecks::arrayType);
    rules.put(Rules.SPEC_FORBIDDEN_COMPLEX_TYPES, SpecChecks::forbiddenComplexTypes);
    rules.put(Rules.SPEC_DUPLICATE_ORDER, SpecChecks::duplicateOrder);
    rules.put(Rules.SPEC_NESTED_GROUP, SpecChecks::nestedGroup);
    rules.put(Rules.SPEC_GROUPS_DEFINED, SpecChecks::groupsDefined);
    rules.put(Rules.SPEC_DISPLAY_TYPE, SpecChecks::displayType);
    rules.put(Rules.SPEC_DEFINED_REFS_EXIST_IN_JSON_SPEC_FILE, SpecChecks::noRefs);
    rules.put(Rules.SPEC_ADDITIONAL_PROPERTIES_IS_TRUE, SpecChecks::additionalPropertiesIsTrue);
    return Collections.unmodifiableMap(rules);
  }

  /** Every static rule's violations. */
  public static List<Violation> all(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    staticRules().values().forEach(r -> out.addAll(r.apply(spec)));
    return out;
  }

  /** The SPEC payload of a {@code spec} run, when there is exactly one SPEC message. */
  public static Optional<JsonNode> specPayload(RunResult run) {
    List<Message> specs = run.ofType("SPEC");
    return specs.size() == 1 ? Optional.of(specs.get(0).payload()) : Optional.empty();
  }

  /**
   * {@code spec}: exactly one SPEC message with an object {@code connectionSpecification}, exit 0.
   */
  public static List<Violation> exactlyOneSpec(RunResult run) {
    String rule = Rules.SPEC_EXACTLY_ONE_SPEC;
    List<Violation> out = new ArrayList<>();
    List<Message> specs = run.ofType("SPEC");
    if (specs.size() != 1) {
      out.add(
          Violation.of(
              rule,
              "spec output",
              "expected exactly one SPEC message, got "
                  + specs.size()
                  + (specs.size() > 1 ? "" : "; " + run.describe())));
    } else if (!specs.get(0).payload().path("connectionSpecification").isObject()) {
      out.add(
          Violation.of(rule, "SPEC message", "has no connectionSpecification object")
              .withEvidence(specs.get(0).evidence()));
    }
    if (run.exitCode() != 0) {
      out.add(Violation.of(rule, "spec command", "exited " + run.exitCode() + ", expected 0"));
    }
    return out;
  }

  private static JsonNode connSpec(JsonNode spec) {
    return spec == null ? Json.object().path("x") : spec.path("connectionSpecification");
  }

  /** {@code connectionSpecification} is a draft-07 schema object. */
  public static List<Violation> validJsonSchema(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    JsonNode cs = connSpec(spec);
    if (!cs.isObject()) {
      out.add(
          Violation.of(
                  Rules.SPEC_VALID_JSON_SCHEMA,
                  "connectionSpecification",
                  "missing or not an object")
              .withEvidence(spec == null ? "null" : Json.write(spec)));
      return out;
    }
    for (String e : SchemaValidation.metaValidate(cs)) {
      out.add(
          Violation.of(
              Rules.SPEC_VALID_JSON_SCHEMA,
              "connectionSpecification",
              "not a valid draft-07 schema: " + e));
    }
    if (!Json.types(cs).contains("object")) {
      out.add(
          Violation.of(
              Rules.SPEC_VALID_JSON_SCHEMA,
              "connectionSpecification",
              "top-level type must be object, got " + cs.get("type")));
    }
    return out;
  }

  /** The config (keys starting with {@code _} removed) validates against the spec. */
  public static List<Violation> configMatchSpec(JsonNode spec, String configJson) {
    String rule = Rules.SPEC_CONFIG_MATCH_SPEC;
    List<Violation> out = new ArrayList<>();
    JsonNode config;
    try {
      config = Json.parse(configJson);
    } catch (IllegalArgumentException e) {
      out.add(Violation.of(rule, "config", e.getMessage()).withEvidence(configJson));
      return out;
    }
    if (!config.isObject()) {
      out.add(Violation.of(rule, "config", "is not a JSON object").withEvidence(configJson));
      return out;
    }
    ObjectNode cleaned = ((ObjectNode) config).deepCopy();
    List<String> technical = new ArrayList<>();
    cleaned
        .fieldNames()
        .forEachRemaining(
            k -> {
              if (k.startsWith("_")) {
                technical.add(k);
              }
            });
    cleaned.remove(technical);
    JsonNode cs = connSpec(spec);
    if (!cs.isObject() || !SchemaValidation.metaValidate(cs).isEmpty()) {
      out.add(
          Violation.of(
              rule, "connectionSpecification", "spec is invalid, the config cannot be checked"));
      return out;
    }
    for (String e : SchemaValidation.configValidator(cs).validate(cleaned)) {
      out.add(Violation.of(rule, "config", "does not match the spec: " + e));
    }
    return out;
  }

  /** The SPEC equals the expected one. */
  public static List<Violation> matchExpected(JsonNode spec, JsonNode expected) {
    JsonNode exp =
        expected.has("spec") && expected.path("type").asText().equals("SPEC")
            ? expected.get("spec")
            : expected;
    if (Json.canonical(spec).equals(Json.canonical(exp))) {
      return List.of();
    }
    return List.of(
        Violation.of(
                Rules.SPEC_MATCH_EXPECTED,
                "SPEC",
                "differs from the expected spec " + Json.truncate(exp))
            .withEvidence(Json.write(spec)));
  }

  /** Enum values are distinct. */
  public static List<Violation> enumUsage(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          JsonNode e = node.schema().get("enum");
          if (e != null && e.isArray()) {
            Set<String> seen = new HashSet<>();
            Set<String> dups = new LinkedHashSet<>();
            for (JsonNode v : e) {
              if (!seen.add(Json.canonical(v))) {
                dups.add(Json.write(v));
              }
            }
            if (!dups.isEmpty()) {
              out.add(
                  Violation.of(
                          Rules.SPEC_ENUM_USAGE,
                          pointer(node, "enum"),
                          "enum lists must not contain duplicate values, duplicated: " + dups)
                      .withEvidence(Json.write(e)));
            }
          }
        });
    return out;
  }

  /** oneOf (and anyOf) follow the connector-specification rules. */
  public static List<Violation> oneOfUsage(JsonNode spec) {
    String rule = Rules.SPEC_ONEOF_USAGE;
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          for (String kw : List.of("oneOf", "anyOf")) {
            JsonNode variants = node.schema().get(kw);
            if (variants == null || !variants.isArray()) {
              continue;
            }
            String where = pointer(node, kw);
            String evidence = Json.write(node.schema());
            JsonNode parentType = node.schema().get("type");
            if (parentType == null
                || !parentType.isTextual()
                || !parentType.textValue().equals("object")) {
              out.add(
                  Violation.of(
                          rule,
                          where,
                          "the schema holding " + kw + " must have type: object, has " + parentType)
                      .withEvidence(evidence));
            }
            if (variants.size() == 0) {
              out.add(Violation.of(rule, where, kw + " has no options").withEvidence(evidence));
              continue;
            }
            boolean allHaveProperties = true;
            for (int i = 0; i < variants.size(); i++) {
              if (!variants.get(i).path("properties").isObject()) {
                allHaveProperties = false;
                out.add(
                    Violation.of(
                            rule, where + "/" + i, "every option must be an object with properties")
                        .withEvidence(Json.write(variants.get(i))));
              }
            }
            if (!allHaveProperties) {
              continue;
            }
            Set<String> common = null;
            for (JsonNode v : variants) {
              Set<String> names = new LinkedHashSet<>();
              v.get("properties").fieldNames().forEachRemaining(names::add);
              if (common == null) {
                common = names;
              } else {
                common.retainAll(names);
              }
            }
            if (common == null || common.isEmpty()) {
              out.add(
                  Violation.of(rule, where, "the options must share at least one property")
                      .withEvidence(evidence));
              continue;
            }
            List<String> constProps = new ArrayList<>();
            for (String p : common) {
              boolean allConst = true;
              for (JsonNode v : variants) {
                if (!v.get("properties").path(p).has("const")) {
                  allConst = false;
                }
              }
              if (allConst) {
                constProps.add(p);
              }
            }
            if (constProps.size() != 1) {
              out.add(
                  Violation.of(
                          rule,
                          where,
                          "exactly one common property must have a const in every option, found "
                              + constProps.size()
                              + (constProps.isEmpty() ? "" : " " + constProps))
                      .withEvidence(evidence));
              continue;
            }
            String disc = constProps.get(0);
            Map<String, Integer> constSeen = new HashMap<>();
            for (int i = 0; i < variants.size(); i++) {
              JsonNode prop = variants.get(i).get("properties").get(disc);
              JsonNode c = prop.get("const");
              String propWhere = where + "/" + i + "/properties/" + Json.escape(disc);
              if (prop.has("default")
                  && !Json.canonical(prop.get("default")).equals(Json.canonical(c))) {
                out.add(
                    Violation.of(
                            rule,
                            propWhere,
                            "default must equal const " + c + ", is " + prop.get("default"))
                        .withEvidence(Json.write(prop)));
              }
              if (prop.has("enum")) {
                JsonNode en = prop.get("enum");
                if (!en.isArray()
                    || en.size() != 1
                    || !Json.canonical(en.get(0)).equals(Json.canonical(c))) {
                  out.add(
                      Violation.of(rule, propWhere, "enum must be [const] = [" + c + "], is " + en)
                          .withEvidence(Json.write(prop)));
                }
              }
              Integer prev = constSeen.put(Json.canonical(c), i);
              if (prev != null) {
                out.add(
                    Violation.of(
                            rule,
                            propWhere,
                            "const "
                                + c
                                + " is also used by option "
                                + prev
                                + "; the discriminator must be unique per option")
                        .withEvidence(Json.write(prop)));
              }
            }
          }
        });
    return out;
  }

  /** Secret-looking properties are marked {@code airbyte_secret}; only secret-capable ones are. */
  public static List<Violation> secretIsProperlyMarked(JsonNode spec) {
    String rule = Rules.SPEC_SECRET_IS_PROPERLY_MARKED;
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          if (node.isRoot()) {
            return;
          }
          JsonNode s = node.schema();
          boolean marked = Json.truthy(s.get("airbyte_secret"));
          boolean capable = canStoreSecret(s);
          String name = node.nearestPropertyName();
          boolean secretName =
              s.has("type")
                  && name != null
                  && SECRET_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
          if (secretName && capable && !marked) {
            out.add(
                Violation.of(
                        rule,
                        "property " + node.pointer(),
                        "'"
                            + name
                            + "' looks like a secret and must be marked airbyte_secret: true")
                    .withEvidence(Json.write(s)));
          }
          if (marked && !capable) {
            out.add(
                Violation.of(
                        rule,
                        "property " + node.pointer(),
                        "airbyte_secret is only allowed on string/integer/number properties without a const, this one has type "
                            + s.get("type")
                            + (Json.truthy(s.get("const")) ? " and const " + s.get("const") : ""))
                    .withEvidence(Json.write(s)));
          }
        });
    return out;
  }

  private static boolean canStoreSecret(JsonNode schema) {
    boolean typed = false;
    for (String t : Json.types(schema)) {
      if (SECRET_CAPABLE_TYPES.contains(t)) {
        typed = true;
      }
    }
    return typed && !Json.truthy(schema.get("const"));
  }

  /**
   * A property's {@code type} is one type, or a list of one type or of one type plus {@code
   * "null"}.
   */
  public static List<Violation> propertyTypeIsNotArray(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          if (node.propertyName() == null) {
            return;
          }
          JsonNode t = node.schema().get("type");
          if (t == null || !t.isArray()) {
            return;
          }
          String where = pointer(node, "type");
          if (t.size() != 1 && t.size() != 2) {
            out.add(
                Violation.of(
                        Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY,
                        where,
                        "type must be a single type or [T, \"null\"], is " + t)
                    .withEvidence(Json.write(node.schema())));
          } else if (t.size() == 2 && !t.get(1).asText().equals("null")) {
            out.add(
                Violation.of(
                        Rules.SPEC_PROPERTY_TYPE_IS_NOT_ARRAY,
                        where,
                        "the second type must be \"null\", is " + t)
                    .withEvidence(Json.write(node.schema())));
          }
        });
    return out;
  }

  /** Nested objects have properties or oneOf. */
  public static List<Violation> objectNotEmpty(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          JsonNode s = node.schema();
          if (node.isRoot() || !"object".equals(s.path("type").textValue())) {
            return;
          }
          if (!s.has("oneOf")
              && (!s.path("properties").isObject() || s.path("properties").size() == 0)) {
            out.add(
                Violation.of(
                        Rules.SPEC_OBJECT_NOT_EMPTY,
                        "property " + node.pointer(),
                        "an object must declare properties or oneOf (the UI cannot show an empty object)")
                    .withEvidence(Json.write(s)));
          }
        });
    return out;
  }

  /** Array items are a single object/string/number/integer schema or have an enum. */
  public static List<Violation> arrayType(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          JsonNode s = node.schema();
          if (!"array".equals(s.path("type").textValue())) {
            return;
          }
          JsonNode items = s.get("items");
          if (items == null) {
            return;
          }
          if (items.isArray()) {
            out.add(
                Violation.of(
                        Rules.SPEC_ARRAY_TYPE,
                        pointer(node, "items"),
                        "items must be one schema, not a list")
                    .withEvidence(Json.write(s)));
            return;
          }
          String type = items.path("type").isTextual() ? items.path("type").textValue() : null;
          if ((type == null || !Set.of("object", "string", "number", "integer").contains(type))
              && !items.has("enum")) {
            out.add(
                Violation.of(
                        Rules.SPEC_ARRAY_TYPE,
                        pointer(node, "items"),
                        "items must have type object, string, number or integer, or an enum; has type "
                            + items.get("type"))
                    .withEvidence(Json.write(s)));
          }
        });
    return out;
  }

  /** None of the keywords the UI cannot render. */
  public static List<Violation> forbiddenComplexTypes(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          for (String kw : FORBIDDEN_KEYWORDS) {
            if (node.schema().has(kw)) {
              out.add(
                  Violation.of(
                          Rules.SPEC_FORBIDDEN_COMPLEX_TYPES,
                          pointer(node, kw),
                          "the keyword '" + kw + "' is not allowed in a spec")
                      .withEvidence(Json.write(node.schema())));
            }
          }
        });
    return out;
  }

  /** {@code order} values are unique among an object's properties, per group. */
  public static List<Violation> duplicateOrder(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          JsonNode props = node.schema().get("properties");
          if (props == null || !props.isObject()) {
            return;
          }
          Map<String, Map<String, String>> used = new HashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.isObject() || !p.has("order")) {
              continue;
            }
            String group = p.path("group").asText("");
            String order = Json.canonical(p.get("order"));
            String other =
                used.computeIfAbsent(group, g -> new HashMap<>()).putIfAbsent(order, e.getKey());
            if (other != null) {
              out.add(
                  Violation.of(
                          Rules.SPEC_DUPLICATE_ORDER,
                          pointer(node, "properties"),
                          "properties '"
                              + other
                              + "' and '"
                              + e.getKey()
                              + "' both have order "
                              + order
                              + (group.isEmpty() ? "" : " in group '" + group + "'"))
                      .withEvidence(Json.write(p)));
            }
          }
        });
    return out;
  }

  /** {@code group} is only set on top-level properties. */
  public static List<Violation> nestedGroup(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          if (node.schema().has("group") && !node.topLevelProperty() && !node.isRoot()) {
            out.add(
                Violation.of(
                        Rules.SPEC_NESTED_GROUP,
                        pointer(node, "group"),
                        "group can only be set on top-level properties")
                    .withEvidence(Json.write(node.schema())));
          }
        });
    return out;
  }

  /**
   * Groups referenced by top-level properties are declared in the root {@code groups} with unique
   * ids.
   */
  public static List<Violation> groupsDefined(JsonNode spec) {
    String rule = Rules.SPEC_GROUPS_DEFINED;
    List<Violation> out = new ArrayList<>();
    JsonNode cs = connSpec(spec);
    JsonNode groups = cs.get("groups");
    Set<String> ids = new HashSet<>();
    if (groups != null) {
      if (!groups.isArray()) {
        out.add(
            Violation.of(rule, "/groups", "groups must be an array of {id, title}")
                .withEvidence(Json.write(groups)));
      } else {
        for (int i = 0; i < groups.size(); i++) {
          JsonNode id = groups.get(i).get("id");
          if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            out.add(
                Violation.of(rule, "/groups/" + i, "every group needs a string id")
                    .withEvidence(Json.write(groups.get(i))));
          } else if (!ids.add(id.textValue())) {
            out.add(
                Violation.of(rule, "/groups/" + i, "duplicate group id '" + id.textValue() + "'")
                    .withEvidence(Json.write(groups.get(i))));
          }
        }
      }
    }
    JsonNode props = cs.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode g = e.getValue().get("group");
      if (g == null) {
        continue;
      }
      if (!g.isTextual() || !ids.contains(g.textValue())) {
        out.add(
            Violation.of(
                    rule,
                    "/properties/" + Json.escape(e.getKey()) + "/group",
                    "group "
                        + g
                        + " is not declared in the root groups "
                        + (groups == null ? "(none declared)" : ids))
                .withEvidence(Json.write(e.getValue())));
      }
    }
    return out;
  }

  /** {@code display_type} (dropdown or radio) only where there is a oneOf. */
  public static List<Violation> displayType(JsonNode spec) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        connSpec(spec),
        node -> {
          JsonNode dt = node.schema().get("display_type");
          if (dt == null) {
            return;
          }
          if (!node.schema().has("oneOf")) {
            out.add(
                Violation.of(
                        Rules.SPEC_DISPLAY_TYPE,
                        pointer(node, "display_type"),
                        "display_type is only allowed on properties with a oneOf")
                    .withEvidence(Json.write(node.schema())));
          }
          if (!dt.isTextual() || !Set.of("dropdown", "radio").contains(dt.textValue())) {
            out.add(
                Violation.of(
                        Rules.SPEC_DISPLAY_TYPE,
                        pointer(node, "display_type"),
                        "display_type must be 'dropdown' or 'radio', is " + dt)
                    .withEvidence(Json.write(node.schema())));
          }
        });
    return out;
  }

  /** No {@code $ref} anywhere in the SPEC. */
  public static List<Violation> noRefs(JsonNode spec) {
    List<String> found = new ArrayList<>();
    SchemaWalker.findKeys(spec, "$ref", "", found);
    List<Violation> out = new ArrayList<>();
    for (String p : found) {
      out.add(
          Violation.of(
              Rules.SPEC_DEFINED_REFS_EXIST_IN_JSON_SPEC_FILE,
              p,
              "unresolved $ref; inline the referenced schema"));
    }
    return out;
  }

  /** Every {@code additionalProperties} is {@code true}. */
  public static List<Violation> additionalPropertiesIsTrue(JsonNode spec) {
    return additionalPropertiesIsTrue(
        connSpec(spec), Rules.SPEC_ADDITIONAL_PROPERTIES_IS_TRUE, null);
  }

  static List<Violation> additionalPropertiesIsTrue(
      JsonNode schema, String rule, StreamKey stream) {
    List<Violation> out = new ArrayList<>();
    SchemaWalker.walk(
        schema,
        node -> {
          JsonNode ap = node.schema().get("additionalProperties");
          if (ap != null && !(ap.isBoolean() && ap.booleanValue())) {
            out.add(
                Violation.of(
                    rule,
                    stream,
                    pointer(node, "additionalProperties"),
                    "additionalProperties must be true when set (false breaks backward compatibility), is "
                        + Json.write(ap)));
          }
        });
    return out;
  }

  private static String pointer(SchemaWalker.Node node, String keyword) {
    return (node.pointer().isEmpty() ? "" : node.pointer()) + "/" + keyword;
  }
}
