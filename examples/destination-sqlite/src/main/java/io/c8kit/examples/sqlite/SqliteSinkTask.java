package io.c8kit.examples.sqlite;

import io.c8kit.kafka.C8kitSinkTask;

/** The Kafka Connect sink task of this plugin; see {@link SqliteSinkConnector}. */
public final class SqliteSinkTask extends C8kitSinkTask {
  public SqliteSinkTask() {
    super(new SqliteConnector());
  }
}
