package io.c8kit.runtime;

import io.c8kit.ConfigProperty;
import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Base class of generated destination connectors: implements {@link io.c8kit.C8Connector} and the
 * Airbyte {@code write} operation from a {@link DestinationDefinition}.
 *
 * @param <C> the config type
 */
public non-sealed class DestinationConnector<C> extends Connector<C> {
  private final DestinationDefinition<C> definition;

  protected DestinationConnector(DestinationDefinition<C> definition) {
    this.definition = definition;
  }

  public final DestinationDefinition<C> definition() {
    return definition;
  }

  @Override
  public final ConnectorInfo info() {
    return definition.info();
  }

  /**
   * Validates the config against the spec (C8 string values coerced to the schema's types), binds it
   * and runs the connection check.
   *
   * @throws ValidationException with a masked message when any step fails
   */
  @Override
  public void validate(Map<String, Object> integration) throws ValidationException {
    C8Support.validate(this, definition.binder(), definition.check(), integration);
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
    return definition.reservedKeys();
  }

  @Override
  public final List<ConfigProperty> config() {
    return definition.configProperties();
  }

  @Override
  public final List<String> capabilities() {
    return List.of();
  }
}
