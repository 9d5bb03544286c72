package io.c8kit.runtime;

import io.c8kit.ConfigProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to run one source, assembled by generated code: metadata, config
 * binding, the check, static streams and the optional discover/read pair for run-time streams.
 *
 * @param <C> the config type
 */
public final class SourceDefinition<C> {
  private final ConnectorInfo info;
  private final ConfigBinder<C> binder;
  private final List<ConfigProperty> configProperties;
  private final CheckFunction<C> check;
  private final ErrorClassifier errors;
  private final List<StreamDefinition<C, ?>> streams;
  private final DiscoverFunction<C> discover;
  private final DynamicReader<C> dynamicReader;

  private SourceDefinition(Builder<C> b) {
    this.info = Objects.requireNonNull(b.info, "info");
    this.binder = Objects.requireNonNull(b.binder, "binder");
    this.configProperties = List.copyOf(b.configProperties);
    this.check = b.check != null ? b.check : config -> {};
    this.errors = b.errors != null ? b.errors : ErrorClassifier.DEFAULT;
    this.streams = List.copyOf(b.streams);
    this.discover = b.discover;
    this.dynamicReader = b.dynamicReader;
    if ((discover == null) != (dynamicReader == null)) {
      throw new IllegalArgumentException("a @Discover method needs a @Read method and vice versa");
    }
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

  /** Streams known at compile time, in declaration order. */
  public List<StreamDefinition<C, ?>> streams() {
    return streams;
  }

  /** The {@code @Discover} adapter, or {@code null}. */
  public DiscoverFunction<C> discover() {
    return discover;
  }

  /** The {@code @Read} adapter, or {@code null}. */
  public DynamicReader<C> dynamicReader() {
    return dynamicReader;
  }

  /** Builder used by generated code. */
  public static final class Builder<C> {
    private final ConnectorInfo info;
    private final ConfigBinder<C> binder;
    private final List<ConfigProperty> configProperties = new ArrayList<>();
    private CheckFunction<C> check;
    private ErrorClassifier errors;
    private final List<StreamDefinition<C, ?>> streams = new ArrayList<>();
    private DiscoverFunction<C> discover;
    private DynamicReader<C> dynamicReader;

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

    public Builder<C> stream(StreamDefinition<C, ?> stream) {
      this.streams.add(stream);
      return this;
    }

    public Builder<C> discover(DiscoverFunction<C> discover, DynamicReader<C> reader) {
      this.discover = discover;
      this.dynamicReader = reader;
      return this;
    }

    public SourceDefinition<C> build() {
      return new SourceDefinition<>(this);
    }
  }
}
