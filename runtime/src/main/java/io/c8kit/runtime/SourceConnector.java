package io.c8kit.runtime;

/**
 * Base class of generated source connectors: holds the {@link SourceDefinition} that the read
 * engine runs, under whichever target.
 *
 * @param <C> the config type
 */
public non-sealed class SourceConnector<C> extends Connector<C> {
  private final SourceDefinition<C> definition;

  protected SourceConnector(SourceDefinition<C> definition) {
    this.definition = definition;
  }

  @Override
  public final SourceDefinition<C> definition() {
    return definition;
  }
}
