package io.c8kit.processor.validation;

import io.c8kit.processor.model.Kind;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * What the validators of one connector class share: the class, its kind, the report, and the config
 * type its methods take (every method must take the same one, whichever is seen first).
 */
final class ConnectorScope {
  /** Where the config type was first seen, to check that all methods agree. */
  record ConfigRef(TypeMirror type, ExecutableElement method, VariableElement parameter) {}

  final Elements elements;
  final TypeSupport types;
  final TypeElement type;
  final Kind kind;
  final Report report;
  private ConfigRef config;
  private boolean configConsistent = true;

  ConnectorScope(Elements elements, TypeSupport types, TypeElement type, Kind kind, Report report) {
    this.elements = elements;
    this.types = types;
    this.type = type;
    this.kind = kind;
    this.report = report;
  }

  /** Records the config parameter of {@code method}, reporting a disagreement with earlier ones. */
  void noteConfig(ExecutableElement method, VariableElement parameter) {
    if (config == null) {
      config = new ConfigRef(parameter.asType(), method, parameter);
    } else if (!types.types().isSameType(config.type(), parameter.asType())) {
      report.error(
          Message.CONFIG_TYPE_MISMATCH,
          parameter,
          TypeSupport.simple(parameter.asType()),
          method.getSimpleName(),
          TypeSupport.simple(config.type()),
          config.method().getSimpleName());
      configConsistent = false;
    }
  }

  /** The config type as first seen, if any method takes one. */
  Optional<ConfigRef> config() {
    return Optional.ofNullable(config);
  }

  /** False when two methods disagree on the config type (already reported). */
  boolean configConsistent() {
    return configConsistent;
  }

  /**
   * The config type's simple text for signatures in messages, {@code Config} when none is known
   * yet.
   */
  String configText() {
    return config == null ? "Config" : TypeSupport.simple(config.type());
  }
}
