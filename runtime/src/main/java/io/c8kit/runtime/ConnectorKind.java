package io.c8kit.runtime;

/** Whether a connector reads (source) or loads (destination); carries the C8 {@code type()} string. */
public enum ConnectorKind {
  SOURCE("source"),
  DESTINATION("target");

  private final String c8Type;

  ConnectorKind(String c8Type) {
    this.c8Type = c8Type;
  }

  /** The C8 {@code type()} value: {@code source} or {@code target}. */
  public String c8Type() {
    return c8Type;
  }
}
