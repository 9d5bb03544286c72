package io.c8kit.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConfigWalker;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;

/**
 * One c8kit connector's configuration as Kafka Connect sees it: the spec's keys plus this target's
 * own ({@code topic.prefix}, …), validated per field with the Airbyte mode's JSON-schema validation
 * and binder, and bound into the connector's config type for tasks. Every message passes the secret
 * masker; values of secrets are never put into a message.
 */
final class ConnectorConfig<C> {
  private final SpecConfig spec;
  private final ConnectorSpec connectorSpec;
  private final ConfigBinder<C> binder;
  private final ConfigDef targetKeys;
  private final ConfigDef all;

  ConnectorConfig(
      Class<?> anchor, ConnectorInfo info, ConfigBinder<C> binder, ConfigDef targetKeys) {
    this.connectorSpec = ConnectorSpec.of(anchor, info);
    this.spec = SpecConfig.of(connectorSpec.connectionSpecification());
    this.binder = binder;
    this.targetKeys = targetKeys;
    for (String name : targetKeys.names()) {
      if (spec.keys().containsKey(name)) {
        throw new IllegalStateException(
            "The spec property '"
                + name
                + "' has the name of a c8kit Kafka"
                + " Connect setting; rename the @Property");
      }
    }
    ConfigDef merged = spec.configDef();
    targetKeys.configKeys().values().forEach(merged::define);
    this.all = merged;
  }

  /** What {@code Connector.config()} returns: the spec's keys, then the target's. */
  ConfigDef configDef() {
    return all;
  }

  SpecConfig spec() {
    return spec;
  }

  /**
   * Per-field validation for the worker's validate endpoint: each spec key gets the problems the
   * JSON-schema validator (or, when that passes, the binder) found under its path; target keys are
   * checked by their ConfigDef.
   */
  Config validate(Map<String, String> props) {
    SecretMasker masker = new SecretMasker();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    spec.keys().keySet().forEach(k -> errors.put(k, new ArrayList<>()));
    SpecConfig.Converted converted = spec.toJson(props);
    ConfigWalker.registerSecrets(spec.schema(), converted.config(), masker);
    converted.keyErrors().forEach((key, message) -> errors.get(key).add(message));
    if (converted.keyErrors().isEmpty()) {
      List<String> problems = connectorSpec.validator().validate(converted.config());
      for (String problem : problems) {
        addError(errors, spec.keyOf(problem), masker.mask(problem));
      }
      if (problems.isEmpty()) {
        try {
          bind(converted.config(), masker);
        } catch (ConfigException e) {
          addError(errors, keyNamedIn(e.getMessage()), masker.mask(e.getMessage()));
        }
      }
    }
    List<ConfigValue> values = new ArrayList<>();
    for (SpecConfig.Key key : spec.keys().values()) {
      String raw = props.get(key.name());
      // The worker renders each value by its key's type, and casts a LIST key's value to List.
      Object value =
          raw == null
              ? null
              : key.secret()
                  ? new Password(raw)
                  : key.kind() == SpecConfig.Kind.LIST
                      ? ConfigDef.parseType(key.name(), raw, ConfigDef.Type.LIST)
                      : raw;
      values.add(new ConfigValue(key.name(), value, List.of(), errors.get(key.name())));
    }
    values.addAll(targetKeys.validate(props));
    return new Config(values);
  }

  private static void addError(Map<String, List<String>> errors, String key, String message) {
    if (key == null) {
      return; // a spec without properties has nothing that can be wrong
    }
    errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
  }

  /** The key the binder's message names first (as a whole word), else the spec's first key. */
  private String keyNamedIn(String message) {
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    for (String name : spec.keys().keySet()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "(?<![\\w.])" + java.util.regex.Pattern.quote(name) + "(?![\\w])")
              .matcher(message == null ? "" : message);
      if (m.find()
          && (m.start() < bestAt || (m.start() == bestAt && name.length() > best.length()))) {
        best = name;
        bestAt = m.start();
      }
    }
    return best != null ? best : spec.keyOf("$");
  }

  /**
   * The connector's config object for a task or the connector's start.
   *
   * @throws ConfigException with every problem (masked) when the properties are invalid
   */
  C bind(Map<String, String> props, SecretMasker masker) {
    SpecConfig.Converted converted = spec.toJson(props);
    ConfigWalker.registerSecrets(spec.schema(), converted.config(), masker);
    if (!converted.keyErrors().isEmpty()) {
      throw new ConfigException(
          masker.mask("Config is invalid: " + String.join("; ", converted.keyErrors().values())));
    }
    return bind(converted.config(), masker);
  }

  private C bind(ObjectNode config, SecretMasker masker) {
    ObjectNode prepared = ConfigPreparer.prepare(connectorSpec, config, masker);
    return ConfigPreparer.bind(binder, prepared, masker);
  }
}
