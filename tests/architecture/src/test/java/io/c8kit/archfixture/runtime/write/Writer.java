package io.c8kit.archfixture.runtime.write;

/** An engine class parsing Airbyte lines itself instead of receiving target-neutral events. */
class Writer {
  MessageParser parser() {
    return new MessageParser();
  }
}
