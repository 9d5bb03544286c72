package com.example.tickets;

import io.c8kit.c8.C8SourceAdapter;
import javax.annotation.processing.Generated;

/**
 * The Macrometa C8 connector of the tickets source: {@link TicketsConnector} run through the C8 interface.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TicketsC8Connector extends C8SourceAdapter<TicketsSource.Config> {
  /**
   * Runs a new {@link TicketsConnector}.
   */
  public TicketsC8Connector() {
    this(new TicketsConnector());
  }

  /**
   * Runs the given connector (tests may pass one built around a configured instance).
   */
  public TicketsC8Connector(TicketsConnector connector) {
    super(connector);
  }
}
