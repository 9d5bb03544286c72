package io.c8kit.archfixture.singer;

import io.c8kit.archfixture.airbyte.Wire;

/** A target that wrongly needs another target. */
public class Tap {
  Wire wire() {
    return new Wire();
  }
}
