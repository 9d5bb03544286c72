package io.c8kit.c8;

import io.c8kit.C8Connector;
import io.c8kit.ConfigProperty;
import io.c8kit.ValidationException;
import io.c8kit.runtime.Connector;
import io.c8kit.runtime.ConnectorDefinition;
import java.util.List;
import java.util.Map;

/**
 * The {@link C8Connector} view of a target-neutral connector, shared by sources and destinations:
 * the metadata and config properties from its definition and {@code validate}; the generated {@code
 * <Name>C8Connector} extends one of the two kinds.
 *
 * @param <C> the config type
 * @param <K> the kind of connector wrapped
 */
public abstract sealed class C8ConnectorAdapter<C, K extends Connector<C>> implements C8Connector
    permits C8SourceAdapter, C8DestinationAdapter {
  private final K connector;

  /** Resolved once: the logo may be a class-path resource that has to be read and encoded. */
  private volatile String logo;

  C8ConnectorAdapter(K connector) {
    this.connector = connector;
  }

  /** The wrapped connector, for hosts that also run it under another target. */
  public final K connector() {
    return connector;
  }

  @Override
  public final String name() {
    return connector.info().name();
  }

  @Override
  public final String packageName() {
    return connector.info().packageName();
  }

  @Override
  public final String version() {
    return connector.info().version();
  }

  @Override
  public final String type() {
    return connector.info().kind().c8Type();
  }

  @Override
  public final String description() {
    return connector.info().description();
  }

  /**
   * The logo as a {@code data:} URI (a resource named by the annotation is read and encoded), or
   * "".
   */
  @Override
  public final String logo() {
    String resolved = logo;
    if (resolved == null) {
      // The connector's class, not this one, anchors a relative resource in the connector's
      // package.
      resolved = Logos.dataUri(connector.info().logo(), connector.getClass());
      logo = resolved;
    }
    return resolved;
  }

  /**
   * Validates the config against the spec (C8 string values such as {@code "5432"} are first
   * coerced to the schema's types), binds it and runs the connection check.
   *
   * @throws ValidationException with a masked message when any step fails
   */
  @Override
  public final void validate(Map<String, Object> integration) throws ValidationException {
    ConnectorDefinition<C> definition = connector.definition();
    C8Methods.validate(connector, definition.binder(), definition.check(), integration);
  }

  /** The capabilities of the connector's kind, the same list the Singer {@code --about} shows. */
  @Override
  public final List<String> capabilities() {
    return connector.info().kind().capabilities();
  }

  @Override
  public final List<ConfigProperty> config() {
    return connector.definition().configProperties();
  }
}
