package io.c8kit.runtime;

import java.util.List;

/**
 * Whether a connector reads (source) or loads (destination); carries the C8 {@code type()} string
 * and the capabilities every connector of the kind has, so that each target reports the same list.
 */
public enum ConnectorKind {
  /** A source: --about, ACTIVATE_VERSION for full tables, --catalog, --discover, -p, --state. */
  SOURCE(
      "source", List.of("about", "activate-version", "catalog", "discover", "properties", "state")),
  /** A destination: --about, and ACTIVATE_VERSION applied as a full-table replacement. */
  DESTINATION("target", List.of("about", "activate-version"));

  private final String c8Type;
  private final List<String> capabilities;

  ConnectorKind(String c8Type, List<String> capabilities) {
    this.c8Type = c8Type;
    this.capabilities = capabilities;
  }

  /** The C8 {@code type()} value: {@code source} or {@code target}. */
  public String c8Type() {
    return c8Type;
  }

  /**
   * The Meltano capability names of every c8kit connector of this kind, sorted: what the Singer
   * {@code --about} lists and what the C8 {@code capabilities()} returns.
   */
  public List<String> capabilities() {
    return capabilities;
  }
}
