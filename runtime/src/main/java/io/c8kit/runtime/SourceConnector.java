package io.c8kit.runtime;

import io.c8kit.ConfigProperty;
import io.c8kit.Sample;
import io.c8kit.Schema;
import io.c8kit.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * Base class of generated source connectors: implements {@link io.c8kit.C8Connector} and the Airbyte
 * source operations from a {@link SourceDefinition}.
 *
 * @param <C> the config type
 */
public non-sealed class SourceConnector<C> extends Connector<C> {
  private final SourceDefinition<C> definition;

  protected SourceConnector(SourceDefinition<C> definition) {
    this.definition = definition;
  }

  public final SourceDefinition<C> definition() {
    return definition;
  }

  @Override
  public final ConnectorInfo info() {
    return definition.info();
  }

  /**
   * Validates the config against the spec (C8 string values such as {@code "5432"} are first
   * coerced to the schema's types), binds it and runs the connection check.
   *
   * @throws ValidationException with a masked message when any step fails
   */
  @Override
  public void validate(Map<String, Object> integration) throws ValidationException {
    C8Support.validate(this, definition.binder(), definition.check(), integration);
  }

  /**
   * For each stream (static and discovered), its schema and first ten records, with the reserved
   * keys {@code _key}, {@code _id}, {@code _rev} renamed by prefixing {@code _} until free
   * ({@code _key} stays when it is the first primary-key column).
   *
   * @throws ValidationException when the config is invalid or discovery or sampling fails
   */
  @Override
  public List<Sample> samples(Map<String, Object> integration) throws ValidationException {
    return C8Support.samples(this, integration);
  }

  /**
   * The schema of each stream, without data: attributes typed string→STRING, integer→LONG,
   * boolean→BOOLEAN, number→DOUBLE, other→OBJECT, reserved keys renamed as in {@link #samples}.
   *
   * @throws ValidationException when the config is invalid or discovery fails
   */
  @Override
  public List<Schema> schemas(Map<String, Object> integration) throws ValidationException {
    return C8Support.schemas(this, integration);
  }

  @Override
  public final List<String> reservedKeys() {
    return List.of();
  }

  @Override
  public final List<ConfigProperty> config() {
    return definition.configProperties();
  }

  @Override
  public final List<String> capabilities() {
    return List.of("catalog", "discover", "state");
  }
}
