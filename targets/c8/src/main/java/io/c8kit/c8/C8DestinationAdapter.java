package io.c8kit.c8;

import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.runtime.DestinationConnector;
import java.util.List;
import java.util.Map;

/**
 * The {@link io.c8kit.C8Connector} of a destination (a C8 "target"): no samples or schemas, the
 * store's reserved keys; the base of each generated destination's {@code <Name>C8Connector}.
 *
 * @param <C> the config type
 */
public non-sealed class C8DestinationAdapter<C>
    extends C8ConnectorAdapter<C, DestinationConnector<C>> {
  protected C8DestinationAdapter(DestinationConnector<C> destination) {
    super(destination);
  }

  @Override
  public final List<Sample> samples(Map<String, Object> integration) {
    return List.of();
  }

  @Override
  public final List<Schema> schemas(Map<String, Object> integration) {
    return List.of();
  }

  @Override
  public final List<String> reservedKeys() {
    return connector().definition().reservedKeys();
  }
}
