package io.c8kit.runtime.handwritten;

import io.c8kit.runtime.ConnectorCli;

/** What the processor generates as {@code <Name>Main}; run in a child JVM by the process tests. */
public final class HandwrittenMain {
  private HandwrittenMain() {}

  public static void main(String[] args) {
    ConnectorCli.main(new HandwrittenSource(), args);
  }
}
