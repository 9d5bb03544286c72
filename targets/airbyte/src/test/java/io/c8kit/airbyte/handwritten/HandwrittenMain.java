package io.c8kit.airbyte.handwritten;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.runtime.handwritten.HandwrittenSource;

/** What the processor generates as {@code <Name>Main}; run in a child JVM by the process tests. */
public final class HandwrittenMain {
  private HandwrittenMain() {}

  public static void main(String[] args) {
    if (ConnectorCli.spec(
        HandwrittenMain.class, "/META-INF/c8kit/handwritten-source/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new HandwrittenSource(), args);
  }
}
