package com.example.sink;

import io.c8kit.c8.C8SourceAdapter;
import javax.annotation.processing.Generated;

/**
 * The Macrometa C8 connector of the kitchen-sink source: {@link KitchenSinkConnector} run through the C8 interface.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class KitchenSinkC8Connector extends C8SourceAdapter<KitchenSinkSource.Config> {
  /**
   * Runs a new {@link KitchenSinkConnector}.
   */
  public KitchenSinkC8Connector() {
    this(new KitchenSinkConnector());
  }

  /**
   * Runs the given connector (tests may pass one built around a configured instance).
   */
  public KitchenSinkC8Connector(KitchenSinkConnector connector) {
    super(connector);
  }
}
