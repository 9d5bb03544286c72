package io.c8kit.singer;

import io.c8kit.runtime.ConnectorKind;
import java.util.List;

/**
 * Meltano capability names a c8kit connector has in Singer mode, sorted: what {@code --about} lists
 * (the C8 target's {@code capabilities()} keeps the Python reference's catalog, discover, state).
 */
final class SingerCapabilities {
  /** A tap: --about, ACTIVATE_VERSION for full tables, --catalog, --discover, -p, --state. */
  static final List<String> TAP =
      List.of("about", "activate-version", "catalog", "discover", "properties", "state");
  /** A target: --about, and ACTIVATE_VERSION applied as a full-table replacement. */
  static final List<String> TARGET = List.of("about", "activate-version");

  private SingerCapabilities() {}

  static List<String> of(ConnectorKind kind) {
    return kind == ConnectorKind.SOURCE ? TAP : TARGET;
  }
}
