package io.c8kit.runtime;

import io.c8kit.protocol.DestinationSyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs to run one destination, assembled by generated code: the common
 * definition, the writer factory, supported sync modes and reserved keys.
 *
 * @param <C> the config type
 */
public final class DestinationDefinition<C> extends ConnectorDefinition<C> {
  private final WriterFactory<C> writer;
  private final List<DestinationSyncMode> syncModes;
  private final List<String> reservedKeys;

  private DestinationDefinition(Builder<C> b) {
    super(b);
    this.writer = Objects.requireNonNull(b.writer, "writer");
    this.syncModes = List.copyOf(b.syncModes);
    this.reservedKeys = List.copyOf(b.reservedKeys);
  }

  public static <C> Builder<C> builder(ConnectorInfo info, ConfigBinder<C> binder) {
    return new Builder<>(info, binder);
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
  public static final class Builder<C> extends ConnectorDefinition.Builder<C, Builder<C>> {
    private WriterFactory<C> writer;
    private final List<DestinationSyncMode> syncModes = new ArrayList<>();
    private final List<String> reservedKeys = new ArrayList<>();

    private Builder(ConnectorInfo info, ConfigBinder<C> binder) {
      super(info, binder);
    }

    @Override
    Builder<C> self() {
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
