package com.example.tables;

import io.c8kit.airbyte.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the tables source: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TablesMain {
  private TablesMain() {
  }

  public static void main(String[] args) {
    // spec is answered from the spec resource, before anything else is loaded
    if (ConnectorCli.spec(TablesMain.class, "/META-INF/c8kit/source-tables/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new TablesConnector(), args);
  }
}
