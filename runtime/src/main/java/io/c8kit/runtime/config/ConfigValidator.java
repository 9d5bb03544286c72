package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates configs against a connector's {@code connectionSpecification} with networknt's draft-07
 * validator. Airbyte's UI keywords ({@code airbyte_secret}, {@code order}, {@code group}, …) are
 * accepted silently as annotations. Messages are networknt's English texts, which name the JSON path
 * and the rule but never quote the instance value (callers still mask them).
 */
public final class ConfigValidator {
  private static final String V7 = JsonMetaSchema.getV7().getIri();

  /** The most problems listed in one message. */
  static final int MAX_PROBLEMS = 10;

  private final JsonSchema schema;
  private final JsonNode specification;

  ConfigValidator(JsonNode connectionSpecification) {
    this.specification = connectionSpecification;
    JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV7())
        .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
        .build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
        SpecVersion.VersionFlag.V7,
        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(V7));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .locale(Locale.ENGLISH)
        .pathType(PathType.LEGACY)
        .build();
    this.schema = factory.getSchema(connectionSpecification, config);
  }

  /**
   * The problems of {@code config}, one line each ({@code $.port: string found, integer expected}),
   * sorted by path; empty when valid.
   */
  public List<String> validate(JsonNode config) {
    Set<ValidationMessage> messages = schema.validate(config);
    List<String[]> found = new ArrayList<>();
    for (ValidationMessage m : withoutUnselectedOptions(messages)) {
      if ("minimum".equals(m.getType()) || "maximum".equals(m.getType())) {
        continue; // networknt wraps 1e19 through long; NumberBounds checks bounds exactly
      }
      found.add(new String[] {m.getInstanceLocation().toString(), m.getMessage(), describe(m)});
    }
    NumberBounds.check(specification, config, "$",
        (path, text) -> found.add(new String[] {path, text, path + ": " + text}));
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(Comparator.comparing((String[] f) -> f[0]).thenComparing(f -> String.valueOf(f[1])));
    Set<String> lines = new LinkedHashSet<>();
    for (String[] f : found) {
      lines.add(f[2]);
    }
    return List.copyOf(lines);
  }

  /**
   * When a {@code oneOf}/{@code anyOf} fails but the config's {@code const} discriminator selects an
   * option, only that option's problems matter: "must be the constant value 'key'" from the other
   * options, and the summary "must be valid to one and only one schema", are dropped.
   */
  static List<ValidationMessage> withoutUnselectedOptions(Set<ValidationMessage> messages) {
    List<ValidationMessage> kept = new ArrayList<>(messages);
    for (ValidationMessage combinator : messages) {
      String type = combinator.getType();
      if (!"oneOf".equals(type) && !"anyOf".equals(type)) {
        continue;
      }
      JsonNode options = combinator.getSchemaNode();
      if (options != null && options.isObject()) {
        options = options.get(type);
      }
      JsonNode instance = combinator.getInstanceNode();
      int selected = instance instanceof ObjectNode object
          ? ConfigWalker.selectedIndex(options, object) : -1;
      if (selected < 0) {
        continue;
      }
      String prefix = combinator.getEvaluationPath().toString() + "[";
      String mine = prefix + selected + "]";
      boolean selectedHasProblems = false;
      for (ValidationMessage m : messages) {
        String path = m.getEvaluationPath().toString();
        if (path.startsWith(prefix)) {
          if (path.startsWith(mine) && (path.length() == mine.length()
              || path.charAt(mine.length()) == '.' || path.charAt(mine.length()) == '[')) {
            selectedHasProblems = true;
          } else {
            kept.remove(m);
          }
        }
      }
      if (selectedHasProblems) {
        kept.remove(combinator);
      }
    }
    return kept;
  }

  private static String describe(ValidationMessage m) {
    String text = m.getMessage();
    String path = m.getInstanceLocation().toString();
    String property = m.getProperty();
    if ("required".equals(m.getType()) && property != null) {
      return child(path, property) + ": is required";
    }
    if ("additionalProperties".equals(m.getType()) && property != null) {
      return child(path, property) + ": is not allowed (the spec allows no additional properties)";
    }
    if (text == null || text.isBlank()) {
      return path + ": violates \"" + m.getType() + "\"";
    }
    return text.startsWith(path) ? text : path + ": " + text;
  }

  static String child(String path, String property) {
    boolean simple = !property.isEmpty() && property.chars()
        .allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    return simple ? path + "." + property : path + "['" + property.replace("'", "\\'") + "']";
  }
}
