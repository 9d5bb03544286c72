package com.example.tables;

import io.c8kit.runtime.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the tables source: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TablesMain {
  private TablesMain() {
  }

  public static void main(String[] args) {
    ConnectorCli.main(new TablesConnector(), args);
  }
}
