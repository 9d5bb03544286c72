package io.c8kit.runtime;

/**
 * Common base of generated connectors: the target-neutral connector every target wraps (the Airbyte
 * CLI runs it, the C8 adapter, the Singer mains and the Kafka Connect classes drive it). Sealed so
 * that a target can switch on the two kinds.
 *
 * @param <C> the config type
 */
public abstract sealed class Connector<C> permits SourceConnector, DestinationConnector {
  Connector() {}

  /** What the connector was built from: metadata, config binding, check and the kind's parts. */
  public abstract ConnectorDefinition<C> definition();

  /** Static facts from the annotation. */
  public final ConnectorInfo info() {
    return definition().info();
  }

  /** The connector's name from the annotation, e.g. {@code faker}. */
  public final String name() {
    return info().name();
  }

  /** The connector's version from the annotation. */
  public final String version() {
    return info().version();
  }
}
