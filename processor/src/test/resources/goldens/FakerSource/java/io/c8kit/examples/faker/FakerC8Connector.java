package io.c8kit.examples.faker;

import io.c8kit.c8.C8SourceAdapter;
import javax.annotation.processing.Generated;

/**
 * The Macrometa C8 connector of the faker source: {@link FakerConnector} run through the C8 interface.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class FakerC8Connector extends C8SourceAdapter<FakerSource.Config> {
  /**
   * Runs a new {@link FakerConnector}.
   */
  public FakerC8Connector() {
    this(new FakerConnector());
  }

  /**
   * Runs the given connector (tests may pass one built around a configured instance).
   */
  public FakerC8Connector(FakerConnector connector) {
    super(connector);
  }
}
