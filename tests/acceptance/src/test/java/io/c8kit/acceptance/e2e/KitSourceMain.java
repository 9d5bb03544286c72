package io.c8kit.acceptance.e2e;

import io.c8kit.airbyte.ConnectorCli;

/** What a generated {@code <Name>Main} looks like, for running {@link KitSource} as a jar. */
public final class KitSourceMain {
  private KitSourceMain() {}

  public static void main(String[] args) {
    ConnectorCli.main(new KitSource(), args);
  }
}
