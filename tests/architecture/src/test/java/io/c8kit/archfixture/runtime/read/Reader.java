package io.c8kit.archfixture.runtime.read;

import io.c8kit.archfixture.runtime.Engine;
import io.c8kit.archfixture.runtime.output.ProtocolOutput;

/** The other half of the cycle with the engine package; also writes the Airbyte wire itself. */
public class Reader {
  Engine engine() {
    return new Engine();
  }

  ProtocolOutput out() {
    return new ProtocolOutput();
  }
}
