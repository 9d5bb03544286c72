package com.example.tickets;

import io.c8kit.airbyte.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the tickets source: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TicketsMain {
  private TicketsMain() {
  }

  public static void main(String[] args) {
    // spec is answered from the spec resource, before anything else is loaded
    if (ConnectorCli.spec(TicketsMain.class, "/META-INF/c8kit/source-tickets/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new TicketsConnector(), args);
  }
}
