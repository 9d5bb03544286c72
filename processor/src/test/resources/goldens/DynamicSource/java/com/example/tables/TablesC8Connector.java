package com.example.tables;

import io.c8kit.c8.C8SourceAdapter;
import javax.annotation.processing.Generated;

/**
 * The Macrometa C8 connector of the tables source: {@link TablesConnector} run through the C8 interface.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TablesC8Connector extends C8SourceAdapter<TablesSource.Config> {
  /**
   * Runs a new {@link TablesConnector}.
   */
  public TablesC8Connector() {
    this(new TablesConnector());
  }

  /**
   * Runs the given connector (tests may pass one built around a configured instance).
   */
  public TablesC8Connector(TablesConnector connector) {
    super(connector);
  }
}
