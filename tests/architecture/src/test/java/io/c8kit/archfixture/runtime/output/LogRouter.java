package io.c8kit.archfixture.runtime.output;

/** Routes logs straight into the Airbyte stdout channel instead of through a target-chosen destination. */
class LogRouter {
  ProtocolOutput out() {
    return new ProtocolOutput();
  }
}
