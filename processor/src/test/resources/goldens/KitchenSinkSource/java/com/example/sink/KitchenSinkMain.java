package com.example.sink;

import io.c8kit.airbyte.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the kitchen-sink source: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class KitchenSinkMain {
  private KitchenSinkMain() {
  }

  public static void main(String[] args) {
    // spec is answered from the spec resource, before anything else is loaded
    if (ConnectorCli.spec(KitchenSinkMain.class, "/META-INF/c8kit/source-kitchen-sink/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new KitchenSinkConnector(), args);
  }
}
