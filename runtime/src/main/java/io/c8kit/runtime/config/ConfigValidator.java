package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates configs against a connector's {@code connectionSpecification} by walking the spec's
 * JSON tree. The spec is the processor's own draft-07 subset ({@link SchemaKeywords}; values as
 * {@link JsonInstances} sees them), so a small walker replaces a general schema library and its
 * start-up cost (about 220 classes and a schema compilation per process: benchmarks/FINDINGS.md,
 * findings 10 and 14; benchmarks/results/startup.md). Numbers are compared as exact decimals, so
 * {@code 1e19} never slips past a {@code long}'s maximum. Messages name the JSON path and the rule,
 * never the value (callers still mask them).
 */
public final class ConfigValidator {
  /** The most problems listed in one message. */
  static final int MAX_PROBLEMS = 10;

  private final JsonNode specification;

  /** Each {@code pattern} keyword's schema object → its compiled pattern. */
  private final Map<JsonNode, Pattern> patterns = new IdentityHashMap<>();

  /**
   * @throws IllegalStateException when the spec uses a keyword outside {@link SchemaKeywords} or an
   *     invalid pattern: a packaging bug
   */
  ConfigValidator(JsonNode connectionSpecification) {
    this.specification = connectionSpecification;
    // An anonymous class, not a lambda: this runs in every config-reading process's start-up.
    SchemaKeywords.forEach(
        connectionSpecification,
        "$",
        new SchemaKeywords.Visitor() {
          @Override
          public void visit(String keyword, JsonNode schema, String at) {
            SchemaKeywords.requireSupported(keyword, at);
            if (keyword.equals("pattern") && schema.get("pattern").isTextual()) {
              try {
                patterns.put(schema, Pattern.compile(schema.get("pattern").asText()));
              } catch (PatternSyntaxException e) {
                throw new IllegalStateException(
                    "connector spec has an invalid pattern at " + at + ": " + e.getDescription(),
                    e);
              }
            }
          }
        });
  }

  /** One failed rule: the instance's JSON path and what is wrong there. */
  private static final class Problem {
    final String path;
    final String text;

    Problem(String path, String text) {
      this.path = path;
      this.text = text;
    }

    String line() {
      return path + ": " + text;
    }
  }

  /** By path, then text; a class, not a lambda chain, which would spin classes at start-up. */
  private static final Comparator<Problem> BY_PATH =
      new Comparator<>() {
        @Override
        public int compare(Problem a, Problem b) {
          int byPath = a.path.compareTo(b.path);
          return byPath != 0 ? byPath : a.text.compareTo(b.text);
        }
      };

  /**
   * The problems of {@code config}, one line each ({@code $.port: string found, integer expected}),
   * sorted by path; empty when valid.
   */
  public List<String> validate(JsonNode config) {
    List<Problem> found = new ArrayList<>();
    check(specification, config, "$", found);
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(BY_PATH);
    Set<String> lines = new LinkedHashSet<>();
    for (Problem p : found) {
      lines.add(p.line());
    }
    return List.copyOf(lines);
  }

  private void check(JsonNode schema, JsonNode node, String path, List<Problem> out) {
    if (schema == null || !schema.isObject() || node == null || node.isMissingNode()) {
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && !JsonInstances.hasType(type, node)) {
      out.add(
          new Problem(
              path,
              JsonInstances.typeOf(node)
                  + " found, "
                  + JsonInstances.expected(type)
                  + " expected"));
      return; // the other rules are about a value of the expected type
    }
    if (node.isNumber()) {
      checkNumber(schema, node, path, out);
    } else if (node.isTextual()) {
      checkString(schema, node.asText(), path, out);
    } else if (node.isArray()) {
      checkArray(schema, node, path, out);
    } else if (node.isObject()) {
      checkObject(schema, (ObjectNode) node, path, out);
    }
    JsonNode values = schema.get("enum");
    if (values != null && values.isArray() && !JsonInstances.contains(values, node)) {
      out.add(
          new Problem(
              path, "does not have a value in the enumeration " + JsonInstances.listed(values)));
    }
    JsonNode constant = schema.get("const");
    if (constant != null && !JsonInstances.sameValue(constant, node)) {
      out.add(new Problem(path, "must be the constant value '" + constant.asText() + "'"));
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode part : allOf) {
        check(part, node, path, out);
      }
    }
    checkOptions(schema, "anyOf", node, path, out);
    checkOptions(schema, "oneOf", node, path, out);
  }

  /**
   * {@code oneOf} (exactly one option valid) and {@code anyOf} (at least one). When the config's
   * {@code const} discriminator selects an option, only that option's problems are reported (not
   * "must be the constant value" from every other option); otherwise the summary and every option's
   * problems are.
   */
  private void checkOptions(
      JsonNode schema, String combinator, JsonNode node, String path, List<Problem> out) {
    JsonNode options = schema.get(combinator);
    if (options == null || !options.isArray()) {
      return;
    }
    List<List<Problem>> results = new ArrayList<>();
    int valid = 0;
    for (JsonNode option : options) {
      List<Problem> problems = new ArrayList<>();
      check(option, node, path, problems);
      results.add(problems);
      valid += problems.isEmpty() ? 1 : 0;
    }
    boolean ok = "oneOf".equals(combinator) ? valid == 1 : valid >= 1;
    if (ok) {
      return;
    }
    int selected =
        node instanceof ObjectNode object ? ConfigWalker.selectedIndex(options, object) : -1;
    if (selected >= 0 && !results.get(selected).isEmpty()) {
      out.addAll(results.get(selected));
      return;
    }
    out.add(
        new Problem(
            path,
            "oneOf".equals(combinator)
                ? "must be valid to one and only one schema, but " + valid + " are valid"
                : "must be valid to at least one of the schemas, but none is"));
    if (selected < 0) {
      for (List<Problem> problems : results) {
        out.addAll(problems);
      }
    }
  }

  private static void checkNumber(JsonNode schema, JsonNode node, String path, List<Problem> out) {
    BigDecimal value = JsonInstances.decimal(node);
    if (value == null) {
      return;
    }
    BigDecimal limit = JsonInstances.decimal(schema.get("minimum"));
    if (limit != null && value.compareTo(limit) < 0) {
      out.add(new Problem(path, "must have a minimum value of " + schema.get("minimum").asText()));
    }
    limit = JsonInstances.decimal(schema.get("maximum"));
    if (limit != null && value.compareTo(limit) > 0) {
      out.add(new Problem(path, "must have a maximum value of " + schema.get("maximum").asText()));
    }
    limit = JsonInstances.decimal(schema.get("exclusiveMinimum"));
    if (limit != null && value.compareTo(limit) <= 0) {
      out.add(
          new Problem(
              path,
              "must have an exclusive minimum value of "
                  + schema.get("exclusiveMinimum").asText()));
    }
    limit = JsonInstances.decimal(schema.get("exclusiveMaximum"));
    if (limit != null && value.compareTo(limit) >= 0) {
      out.add(
          new Problem(
              path,
              "must have an exclusive maximum value of "
                  + schema.get("exclusiveMaximum").asText()));
    }
    BigDecimal multipleOf = JsonInstances.decimal(schema.get("multipleOf"));
    if (multipleOf != null
        && multipleOf.signum() > 0
        && value.remainder(multipleOf).signum() != 0) {
      out.add(new Problem(path, "must be multiple of " + schema.get("multipleOf").asText()));
    }
  }

  private void checkString(JsonNode schema, String value, String path, List<Problem> out) {
    int length = value.codePointCount(0, value.length());
    JsonNode min = schema.get("minLength");
    if (min != null && min.canConvertToInt() && length < min.intValue()) {
      out.add(new Problem(path, "must be at least " + min.intValue() + " characters long"));
    }
    JsonNode max = schema.get("maxLength");
    if (max != null && max.canConvertToInt() && length > max.intValue()) {
      out.add(new Problem(path, "must be at most " + max.intValue() + " characters long"));
    }
    Pattern pattern = patterns.get(schema);
    if (pattern != null && !pattern.matcher(value).find()) {
      out.add(new Problem(path, "does not match the regex pattern " + pattern.pattern()));
    }
    JsonNode format = schema.get("format");
    String problem = format == null ? null : StringFormats.problem(format.asText(), value);
    if (problem != null) {
      out.add(new Problem(path, problem));
    }
  }

  private void checkArray(JsonNode schema, JsonNode array, String path, List<Problem> out) {
    JsonNode items = schema.get("items");
    for (int i = 0; items != null && i < array.size(); i++) {
      JsonNode itemSchema = items.isArray() ? items.get(i) : items;
      check(itemSchema, array.get(i), path + "[" + i + "]", out);
    }
    JsonNode min = schema.get("minItems");
    if (min != null && min.canConvertToInt() && array.size() < min.intValue()) {
      out.add(
          new Problem(
              path, "must have at least " + min.intValue() + " items but found " + array.size()));
    }
    JsonNode max = schema.get("maxItems");
    if (max != null && max.canConvertToInt() && array.size() > max.intValue()) {
      out.add(
          new Problem(
              path, "must have at most " + max.intValue() + " items but found " + array.size()));
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      for (int i = 1; i < array.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (JsonInstances.sameValue(array.get(i), array.get(j))) {
            out.add(new Problem(path, "must have only unique items in the array"));
            return;
          }
        }
      }
    }
  }

  private void checkObject(JsonNode schema, ObjectNode object, String path, List<Problem> out) {
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode name : required) {
        if (!object.has(name.asText())) {
          out.add(new Problem(child(path, name.asText()), "is required"));
        }
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode propertySchema = properties == null ? null : properties.get(field.getKey());
      String at = child(path, field.getKey());
      if (propertySchema != null) {
        check(propertySchema, field.getValue(), at, out);
      } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
        out.add(new Problem(at, "is not allowed (the spec allows no additional properties)"));
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), at, out);
      }
    }
    JsonNode min = schema.get("minProperties");
    if (min != null && min.canConvertToInt() && object.size() < min.intValue()) {
      out.add(new Problem(path, "must have at least " + min.intValue() + " properties"));
    }
    JsonNode max = schema.get("maxProperties");
    if (max != null && max.canConvertToInt() && object.size() > max.intValue()) {
      out.add(new Problem(path, "must have at most " + max.intValue() + " properties"));
    }
  }

  static String child(String path, String property) {
    boolean simple = !property.isEmpty();
    for (int i = 0; i < property.length() && simple; i++) {
      char c = property.charAt(i);
      simple = Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
    return simple ? path + "." + property : path + "['" + property.replace("'", "\\'") + "']";
  }
}
