package io.c8kit.acceptance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.ValidatorTypeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draft-07 validation with the networknt validator, in three flavours:
 *
 * <ul>
 *   <li>{@link #metaValidate}: is this a valid draft-07 schema (meta-schema plus compilation)?
 *   <li>{@link #configValidator}: plain draft-07, no format assertions (like CAT's {@code
 *       jsonschema.validate} of the config).
 *   <li>{@link #recordValidator}: draft-07 with <b>strict integers</b> ({@code 1.0} is not an
 *       integer; networknt alone accepts it) and CAT's {@code date-time} check; other formats are
 *       not asserted.
 * </ul>
 */
public final class SchemaValidation {
  private static final String DRAFT7_IRI = "http://json-schema.org/draft-07/schema#";
  private static final JsonSchemaFactory PLAIN_FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V7,
          b ->
              b.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV7())
                      .formats(Map::clear)
                      .unknownKeywordFactory(SchemaValidation::ignored)
                      .build()));
  private static final JsonSchemaFactory META_FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final JsonSchemaFactory RECORD_FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V7,
          b ->
              b.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV7())
                      .formats(
                          formats -> {
                            formats.clear();
                            formats.put("date-time", new CatDateTime());
                          })
                      .keyword(new StrictTypeKeyword())
                      .unknownKeywordFactory(SchemaValidation::ignored)
                      .build()));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
  private static volatile JsonSchema draft7Meta;

  private SchemaValidation() {}

  /** Airbyte's own keywords (order, airbyte_secret, airbyte_type, group, …) carry no validation. */
  private static Keyword ignored(String keyword, ValidationContext context) {
    return new NonValidationKeyword(keyword);
  }

  /** Problems that make {@code schema} an invalid draft-07 schema; empty when valid. */
  public static List<String> metaValidate(JsonNode schema) {
    List<String> errors = new ArrayList<>();
    if (schema == null || !(schema.isObject() || schema.isBoolean())) {
      errors.add(
          "a schema must be a JSON object, got "
              + (schema == null ? "nothing" : schema.getNodeType()));
      return errors;
    }
    try {
      for (ValidationMessage m : meta().validate(schema)) {
        errors.add(m.getMessage());
      }
    } catch (RuntimeException e) {
      errors.add("meta-validation failed: " + e.getMessage());
    }
    if (errors.isEmpty()) {
      try {
        JsonSchema compiled = PLAIN_FACTORY.getSchema(schema, CONFIG);
        compiled.initializeValidators();
      } catch (RuntimeException e) {
        errors.add("the schema does not compile: " + e.getMessage());
      }
    }
    return errors;
  }

  private static JsonSchema meta() {
    JsonSchema m = draft7Meta;
    if (m == null) {
      m = META_FACTORY.getSchema(SchemaLocation.of(DRAFT7_IRI));
      draft7Meta = m;
    }
    return m;
  }

  /** A compiled validator; {@link #validate} returns readable error strings. */
  public interface Validator {
    List<String> validate(JsonNode instance);
  }

  /** Plain draft-07 validation without format assertions (config vs spec). */
  public static Validator configValidator(JsonNode schema) {
    return wrap(PLAIN_FACTORY.getSchema(schema, CONFIG));
  }

  /** Record validation: draft-07, strict integers, CAT date-time; other formats ignored. */
  public static Validator recordValidator(JsonNode schema) {
    return wrap(RECORD_FACTORY.getSchema(schema, CONFIG));
  }

  private static Validator wrap(JsonSchema schema) {
    schema.initializeValidators();
    return instance ->
        schema.validate(instance).stream()
            .map(ValidationMessage::getMessage)
            .sorted()
            .collect(Collectors.toList());
  }

  /** CAT's date-time format. */
  private static final class CatDateTime implements Format {
    @Override
    public String getName() {
      return "date-time";
    }

    @Override
    public String getMessageKey() {
      return "format";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
      return DateTimes.isValidDateTime(value);
    }
  }

  /**
   * {@code type} that also rejects non-integral JSON numbers ({@code 1.0}, {@code 1e2}) where the
   * schema allows {@code integer} but not {@code number}, as CAT's strict type checker does.
   */
  private static final class StrictTypeKeyword implements Keyword {
    @Override
    public String getValue() {
      return "type";
    }

    @Override
    public JsonValidator newValidator(
        SchemaLocation location,
        JsonNodePath evaluationPath,
        JsonNode schemaNode,
        JsonSchema parentSchema,
        ValidationContext context)
        throws Exception {
      JsonValidator delegate =
          ValidatorTypeCode.TYPE.newValidator(
              location, evaluationPath, schemaNode, parentSchema, context);
      List<String> types =
          Json.types(
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                  .objectNode()
                  .set("type", schemaNode));
      boolean integerOnly = types.contains("integer") && !types.contains("number");
      return new JsonValidator() {
        @Override
        public Set<ValidationMessage> validate(
            ExecutionContext ec, JsonNode node, JsonNode root, JsonNodePath instanceLocation) {
          Set<ValidationMessage> result = delegate.validate(ec, node, root, instanceLocation);
          if (result.isEmpty() && integerOnly && node.isNumber() && !node.isIntegralNumber()) {
            return Set.of(
                ValidationMessage.builder()
                    .type("type")
                    .code("1029")
                    .instanceLocation(instanceLocation)
                    .evaluationPath(delegate.getEvaluationPath())
                    .schemaLocation(delegate.getSchemaLocation())
                    .instanceNode(node)
                    .message(
                        "{0}: number with a fraction or exponent found, integer expected"
                            + " (strict: 1.0 is not an integer)")
                    .arguments()
                    .build());
          }
          return result;
        }

        @Override
        public SchemaLocation getSchemaLocation() {
          return delegate.getSchemaLocation();
        }

        @Override
        public JsonNodePath getEvaluationPath() {
          return delegate.getEvaluationPath();
        }

        @Override
        public String getKeyword() {
          return "type";
        }
      };
    }
  }
}
