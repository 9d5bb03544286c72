package io.c8kit.examples.faker;

import io.c8kit.airbyte.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the faker source: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class FakerMain {
  private FakerMain() {
  }

  public static void main(String[] args) {
    // spec is answered from the spec resource, before anything else is loaded
    if (ConnectorCli.spec(FakerMain.class, "/META-INF/c8kit/source-faker/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new FakerConnector(), args);
  }
}
