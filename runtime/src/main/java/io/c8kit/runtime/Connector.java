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

  /** Resolved once: the logo may be a class-path resource that has to be read and encoded. */
  private volatile String logo;

  Connector() {}

  /** Static facts from the annotation. */
  public abstract ConnectorInfo info();

  @Override
  public final String name() {
    return info().name();
  }

  @Override
  public final String packageName() {
    return info().packageName();
  }

  @Override
  public final String version() {
    return info().version();
  }

  @Override
  public final String type() {
    return info().kind().c8Type();
  }

  @Override
  public final String description() {
    return info().description();
  }

  /** The logo as a {@code data:} URI (a resource named by the annotation is read and encoded), or "". */
  @Override
  public final String logo() {
    String resolved = logo;
    if (resolved == null) {
      resolved = Logos.dataUri(info().logo(), getClass());
      logo = resolved;
    }
    return resolved;
  }
}
