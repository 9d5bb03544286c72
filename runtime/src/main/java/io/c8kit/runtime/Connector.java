package io.c8kit.runtime;

import io.c8kit.C8Connector;

/**
 * Common base of generated connectors: the C8 interface plus what the CLI runner needs. Sealed so
 * that the runner can switch on the two kinds.
 *
 * @param <C> the config type
 */
public abstract sealed class Connector<C> implements C8Connector
    permits SourceConnector, DestinationConnector {

  Connector() {}

  /** Static facts from the annotation. */
  public abstract ConnectorInfo info();
}
