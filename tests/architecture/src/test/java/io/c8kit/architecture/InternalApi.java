package io.c8kit.architecture;

import java.util.Set;

/**
 * The public classes of engine-internal packages, each reached from another module (a target, the
 * generated code or the acceptance kit); anything else there must stay package-private.
 */
final class InternalApi {
  static final Set<String> ALLOWED = Set.of();

  private InternalApi() {}
}
