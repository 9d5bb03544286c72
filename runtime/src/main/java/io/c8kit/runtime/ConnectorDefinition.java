package io.c8kit.runtime;

import io.c8kit.ConfigProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every connector definition holds, whatever its kind: metadata, config binding, the C8 config
 * properties, the connection check and the error classifier; one base so that targets and the
 * engine read them the same way for sources and destinations.
 *
 * @param <C> the config type
 */
public abstract sealed class ConnectorDefinition<C>
    permits SourceDefinition, DestinationDefinition {
  private final ConnectorInfo info;
  private final ConfigBinder<C> binder;
  private final List<ConfigProperty> configProperties;
  private final CheckFunction<C> check;
  private final ErrorClassifier errors;

  ConnectorDefinition(Builder<C, ?> b) {
    this.info = Objects.requireNonNull(b.info, "info");
    this.binder = Objects.requireNonNull(b.binder, "binder");
    this.configProperties = List.copyOf(b.configProperties);
    this.check = b.check != null ? b.check : config -> {};
    this.errors = b.errors != null ? b.errors : ErrorClassifier.DEFAULT;
  }

  public final ConnectorInfo info() {
    return info;
  }

  public final ConfigBinder<C> binder() {
    return binder;
  }

  public final List<ConfigProperty> configProperties() {
    return configProperties;
  }

  public final CheckFunction<C> check() {
    return check;
  }

  public final ErrorClassifier errors() {
    return errors;
  }

  /**
   * The builder steps every kind shares; {@code B} is the concrete builder, so that a chain keeps
   * its kind's own steps.
   */
  public abstract static sealed class Builder<C, B extends Builder<C, B>>
      permits SourceDefinition.Builder, DestinationDefinition.Builder {
    private final ConnectorInfo info;
    private final ConfigBinder<C> binder;
    private final List<ConfigProperty> configProperties = new ArrayList<>();
    private CheckFunction<C> check;
    private ErrorClassifier errors;

    Builder(ConnectorInfo info, ConfigBinder<C> binder) {
      this.info = info;
      this.binder = binder;
    }

    abstract B self();

    public final B configProperties(List<ConfigProperty> properties) {
      this.configProperties.addAll(properties);
      return self();
    }

    public final B check(CheckFunction<C> check) {
      this.check = check;
      return self();
    }

    public final B errors(ErrorClassifier errors) {
      this.errors = errors;
      return self();
    }
  }
}
