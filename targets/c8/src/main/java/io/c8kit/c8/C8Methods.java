package io.c8kit.c8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.SchemaAttribute;
import io.c8kit.SchemaAttributeType;
import io.c8kit.ValidationException;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.CheckFunction;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.Connector;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConfigWalker;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.output.MaskedThrowable;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.SourceCatalog;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C8 methods of {@link C8SourceAdapter} and {@link C8DestinationAdapter}: config from the flat
 * {@code integration} map (strings coerced to the schema's types, validated, defaults applied,
 * secrets registered, bound), the check, and the samples/schemas of every stream with C8's reserved
 * keys renamed. Every failure is a {@link ValidationException} whose message and cause chain are
 * masked.
 */
final class C8Methods {
  /** Records per stream in {@code samples}. */
  static final int SAMPLE_LIMIT = 10;

  /** C8 document keys that source data must not use as-is. */
  static final List<String> RESERVED_KEYS = List.of("_key", "_id", "_rev");

  private C8Methods() {}

  /** Validates and binds {@code integration}. */
  static <C> C config(
      Connector<?> connector,
      ConfigBinder<C> binder,
      Map<String, Object> integration,
      SecretMasker masker)
      throws ValidationException {
    try {
      ConnectorSpec spec = ConnectorSpec.of(connector.getClass(), connector.info());
      JsonNode tree = Protocol.mapper().valueToTree(integration == null ? Map.of() : integration);
      if (!(tree instanceof ObjectNode object)) {
        throw new ConfigException("The integration config must be an object");
      }
      ConfigWalker.registerSecrets(spec.connectionSpecification(), object, masker);
      ConfigWalker.coerceStrings(spec.connectionSpecification(), object);
      ObjectNode prepared = ConfigPreparer.prepare(spec, object, masker);
      return ConfigPreparer.bind(binder, prepared, masker);
    } catch (RuntimeException e) {
      throw failure(e, masker, null);
    }
  }

  /** Config, then the connection check. */
  static <C> void validate(
      Connector<?> connector,
      ConfigBinder<C> binder,
      CheckFunction<C> check,
      Map<String, Object> integration)
      throws ValidationException {
    SecretMasker masker = new SecretMasker();
    C config = config(connector, binder, integration, masker);
    try {
      check.check(config);
    } catch (Exception | LinkageError | AssertionError e) {
      throw failure(e, masker, "Connection check failed: ");
    }
  }

  /** The schema of every stream, static and discovered, with reserved keys renamed. */
  static <C> List<Schema> schemas(SourceConnector<C> source, Map<String, Object> integration)
      throws ValidationException {
    SecretMasker masker = new SecretMasker();
    C config = config(source, source.definition().binder(), integration, masker);
    AirbyteCatalog catalog = catalog(source, config, masker);
    List<Schema> schemas = new ArrayList<>();
    for (AirbyteStream stream : catalog.streams) {
      Set<String> names = propertyNames(stream.jsonSchema);
      schemas.add(schema(stream, renames(names, stream.sourceDefinedPrimaryKey)));
    }
    return schemas;
  }

  /** The first {@value #SAMPLE_LIMIT} records and the schema of every stream. */
  static <C> List<Sample> samples(SourceConnector<C> source, Map<String, Object> integration)
      throws ValidationException {
    SecretMasker masker = new SecretMasker();
    C config = config(source, source.definition().binder(), integration, masker);
    AirbyteCatalog catalog = catalog(source, config, masker);
    List<Sample> samples = new ArrayList<>();
    for (AirbyteStream stream : catalog.streams) {
      List<Map<String, Object>> records;
      try {
        records = ReadEngine.sample(source, config, stream.name, stream.namespace, SAMPLE_LIMIT);
      } catch (Exception | LinkageError | AssertionError e) {
        throw failure(e, masker, "Cannot sample stream " + stream.name + ": ");
      }
      Set<String> names = propertyNames(stream.jsonSchema);
      for (Map<String, Object> record : records) {
        names.addAll(record.keySet());
      }
      Map<String, String> renames = renames(names, stream.sourceDefinedPrimaryKey);
      List<Map<String, Object>> data = new ArrayList<>(records.size());
      for (Map<String, Object> record : records) {
        data.add(rename(record, renames));
      }
      samples.add(new Sample(schema(stream, renames), data));
    }
    return samples;
  }

  private static <C> AirbyteCatalog catalog(
      SourceConnector<C> source, C config, SecretMasker masker) throws ValidationException {
    try {
      AirbyteCatalog catalog = SourceCatalog.discover(source, config);
      return catalog == null ? new AirbyteCatalog() : catalog;
    } catch (Exception | LinkageError | AssertionError e) {
      throw failure(e, masker, "Cannot discover the streams: ");
    }
  }

  private static Schema schema(AirbyteStream stream, Map<String, String> renames) {
    List<SchemaAttribute> attributes = new ArrayList<>();
    JsonNode properties = stream.jsonSchema == null ? null : stream.jsonSchema.get("properties");
    if (properties != null && properties.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> p = it.next();
        attributes.add(
            new SchemaAttribute(
                renames.getOrDefault(p.getKey(), p.getKey()), attributeType(p.getValue())));
      }
    }
    return new Schema(stream.name, attributes);
  }

  /**
   * string→STRING, integer→LONG, boolean→BOOLEAN, number→DOUBLE, anything else→OBJECT, using the
   * non-null type of {@code ["T","null"]} (the Python reference's mapping).
   */
  static SchemaAttributeType attributeType(JsonNode propertySchema) {
    switch (JsonValues.primaryType(propertySchema)) {
      case "string":
        return SchemaAttributeType.STRING;
      case "integer":
        return SchemaAttributeType.LONG;
      case "boolean":
        return SchemaAttributeType.BOOLEAN;
      case "number":
        return SchemaAttributeType.DOUBLE;
      default:
        return SchemaAttributeType.OBJECT;
    }
  }

  private static Set<String> propertyNames(JsonNode jsonSchema) {
    Set<String> names = new LinkedHashSet<>();
    JsonNode properties = jsonSchema == null ? null : jsonSchema.get("properties");
    if (properties != null && properties.isObject()) {
      properties.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /**
   * The new name of each reserved key present in {@code names}: prefixed with {@code _} until it is
   * free ({@code _id} → {@code __id}, or {@code ___id} when {@code __id} exists too). {@code _key}
   * is kept when it is the stream's first primary-key column. Renaming depends on presence, not on
   * the value, so schema and data always agree (the Python reference skips falsy values).
   */
  static Map<String, String> renames(Collection<String> names, List<List<String>> primaryKey) {
    boolean keyIsPrimary =
        primaryKey != null && !primaryKey.isEmpty() && List.of("_key").equals(primaryKey.get(0));
    Set<String> used = new HashSet<>(names);
    Map<String, String> renames = new LinkedHashMap<>();
    for (String reserved : RESERVED_KEYS) {
      if (!names.contains(reserved) || ("_key".equals(reserved) && keyIsPrimary)) {
        continue;
      }
      String renamed = "_" + reserved;
      while (used.contains(renamed)) {
        renamed = "_" + renamed;
      }
      used.add(renamed);
      renames.put(reserved, renamed);
    }
    return renames;
  }

  /** A copy of {@code record} with keys renamed, in the original order. */
  static Map<String, Object> rename(Map<String, Object> record, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return record;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : record.entrySet()) {
      out.put(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue());
    }
    return out;
  }

  private static ValidationException failure(Throwable e, SecretMasker masker, String prefix) {
    String summary =
        e instanceof ConfigException || prefix == null
            ? MaskedThrowable.summary(e)
            : prefix + MaskedThrowable.summary(e);
    return new ValidationException(masker.mask(summary), MaskedThrowable.of(e, masker));
  }
}
