package com.example.sqlite;

import io.c8kit.c8.C8DestinationAdapter;
import javax.annotation.processing.Generated;

/**
 * The Macrometa C8 connector of the sqlite destination: {@link SqliteConnector} run through the C8 interface.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class SqliteC8Connector extends C8DestinationAdapter<SqliteDestination.Config> {
  /**
   * Runs a new {@link SqliteConnector}.
   */
  public SqliteC8Connector() {
    this(new SqliteConnector());
  }

  /**
   * Runs the given connector (tests may pass one built around a configured instance).
   */
  public SqliteC8Connector(SqliteConnector connector) {
    super(connector);
  }
}
