package io.c8kit.runtime;

/**
 * Base class of generated destination connectors: holds the {@link DestinationDefinition} that the
 * write engine runs, under whichever target.
 *
 * @param <C> the config type
 */
public non-sealed class DestinationConnector<C> extends Connector<C> {
  private final DestinationDefinition<C> definition;

  protected DestinationConnector(DestinationDefinition<C> definition) {
    this.definition = definition;
  }

  @Override
  public final DestinationDefinition<C> definition() {
    return definition;
  }
}
