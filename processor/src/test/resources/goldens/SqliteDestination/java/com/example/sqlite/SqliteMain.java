package com.example.sqlite;

import io.c8kit.airbyte.ConnectorCli;
import javax.annotation.processing.Generated;

/**
 * Command-line entry point of the sqlite destination: {@code spec}, {@code check}, {@code discover}, {@code read}, {@code write}.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class SqliteMain {
  private SqliteMain() {
  }

  public static void main(String[] args) {
    // spec is answered from the spec resource, before anything else is loaded
    if (ConnectorCli.spec(SqliteMain.class, "/META-INF/c8kit/destination-sqlite/spec.json", args)) {
      return;
    }
    ConnectorCli.main(new SqliteConnector(), args);
  }
}
