package io.c8kit.archfixture.runtime;

import io.c8kit.archfixture.airbyte.Wire;
import io.c8kit.archfixture.runtime.read.Reader;

/** Breaks two rules: the engine reaches a target, and it closes a cycle with its read package. */
public class Engine {
  Reader reader() {
    return new Reader();
  }

  Wire wire() {
    return new Wire();
  }
}
