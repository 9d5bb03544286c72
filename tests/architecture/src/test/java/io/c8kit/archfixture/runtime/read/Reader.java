package io.c8kit.archfixture.runtime.read;

import io.c8kit.archfixture.runtime.Engine;

/** The other half of the cycle with the engine package. */
public class Reader {
  Engine engine() {
    return new Engine();
  }
}
