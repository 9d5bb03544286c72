package io.c8kit.runtime.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.ConfigBinder;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.List;

/**
 * Turns a parsed config into the connector's config type, in the order that keeps secrets safe:
 * register secrets (before anything can be reported), validate against the spec, apply defaults,
 * register again (a default could be secret), bind.
 */
public final class ConfigPreparer {
  private ConfigPreparer() {}

  /**
   * Registers secrets, validates {@code config} and returns a copy with defaults applied.
   *
   * @throws ConfigException naming every failed rule by its JSON path (at most ten), masked
   */
  public static ObjectNode prepare(ConnectorSpec spec, ObjectNode config, SecretMasker masker) {
    ObjectNode schema = spec.connectionSpecification();
    ConfigWalker.registerSecrets(schema, config, masker);
    List<String> problems = spec.validator().validate(config);
    if (!problems.isEmpty()) {
      throw new InputFileException(masker.mask(describe(problems)));
    }
    ObjectNode prepared = config.deepCopy();
    ConfigWalker.applyDefaults(schema, prepared);
    ConfigWalker.registerSecrets(schema, prepared, masker);
    return prepared;
  }

  /**
   * Binds a prepared config; a binder failure is a config error.
   *
   * @throws ConfigException when the binder throws
   */
  public static <C> C bind(ConfigBinder<C> binder, ObjectNode config, SecretMasker masker) {
    try {
      return binder.bind(config);
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      String detail =
          e.getMessage() == null || e.getMessage().isBlank()
              ? e.getClass().getName()
              : e.getMessage();
      throw new ConfigException(masker.mask("Config is invalid: " + detail), e);
    }
  }

  static String describe(List<String> problems) {
    StringBuilder m = new StringBuilder("Config is invalid: ");
    int shown = Math.min(problems.size(), ConfigValidator.MAX_PROBLEMS);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        m.append("; ");
      }
      m.append(problems.get(i));
    }
    if (problems.size() > shown) {
      m.append("; and ").append(problems.size() - shown).append(" more");
    }
    return m.toString();
  }
}
