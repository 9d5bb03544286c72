package io.c8kit.runtime;

import io.c8kit.ConfigProperty;
import io.c8kit.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to run one destination, assembled by generated code: metadata, config
 * binding, the check, the writer factory, supported sync modes and reserved keys.
 *
 * @param <C> the config type
 */
public final class DestinationDefinition<C> {
  private final ConnectorInfo info;
  private final ConfigBinder<C> binder;
  private final List<ConfigProperty> configProperties;
  private final CheckFunction<C> check;
  private final ErrorClassifier errors;
  private final WriterFactory<C> writer;
  private final List<DestinationSyncMode> syncModes;
  private final List<String> reservedKeys;

  private DestinationDefinition(Builder<C> b) {
    this.info = Objects.requireNonNull(b.info, "info");
    this.binder = Objects.requireNonNull(b.binder, "binder");
    this.configProperties = List.copyOf(b.configProperties);
    this.check = b.check != null ? b.check : config -> {};
    this.errors = b.errors != null ? b.errors : ErrorClassifier.DEFAULT;
    this.writer = Objects.requireNonNull(b.writer, "writer");
    this.syncModes = List.copyOf(b.syncModes);
    this.reservedKeys = List.copyOf(b.reservedKeys);
  }

  public static <C> Builder<C> builder(ConnectorInfo info, ConfigBinder<C> binder) {
    return new Builder<>(info, binder);
  }

  public ConnectorInfo info() {
    return info;
  }

  public ConfigBinder<C> binder() {
    return binder;
  }

  public List<ConfigProperty> configProperties() {
    return configProperties;
  }

  public CheckFunction<C> check() {
    return check;
  }

  public ErrorClassifier errors() {
    return errors;
  }

  public WriterFactory<C> writer() {
    return writer;
  }

  public List<DestinationSyncMode> syncModes() {
    return syncModes;
  }

  public List<String> reservedKeys() {
    return reservedKeys;
  }

  /** Builder used by generated code. */
  public static final class Builder<C> {
    private final ConnectorInfo info;
    private final ConfigBinder<C> binder;
    private final List<ConfigProperty> configProperties = new ArrayList<>();
    private CheckFunction<C> check;
    private ErrorClassifier errors;
    private WriterFactory<C> writer;
    private final List<DestinationSyncMode> syncModes = new ArrayList<>();
    private final List<String> reservedKeys = new ArrayList<>();

    private Builder(ConnectorInfo info, ConfigBinder<C> binder) {
      this.info = info;
      this.binder = binder;
    }

    public Builder<C> configProperties(List<ConfigProperty> properties) {
      this.configProperties.addAll(properties);
      return this;
    }

    public Builder<C> check(CheckFunction<C> check) {
      this.check = check;
      return this;
    }

    public Builder<C> errors(ErrorClassifier errors) {
      this.errors = errors;
      return this;
    }

    public Builder<C> writer(WriterFactory<C> writer) {
      this.writer = writer;
      return this;
    }

    public Builder<C> syncModes(DestinationSyncMode... modes) {
      this.syncModes.addAll(List.of(modes));
      return this;
    }

    public Builder<C> reservedKeys(String... keys) {
      this.reservedKeys.addAll(List.of(keys));
      return this;
    }

    public DestinationDefinition<C> build() {
      return new DestinationDefinition<>(this);
    }
  }
}
