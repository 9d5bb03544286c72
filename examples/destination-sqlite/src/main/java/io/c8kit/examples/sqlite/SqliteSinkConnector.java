package io.c8kit.examples.sqlite;

import io.c8kit.kafka.C8kitSinkConnector;

/**
 * The Kafka Connect sink connector of this plugin (its own class name, so plugins can share a worker).
 * Hand-written for now: the processor's Kafka Connect generator is not there yet (docs/KAFKA-CONNECT.md).
 */
public final class SqliteSinkConnector extends C8kitSinkConnector {
  public SqliteSinkConnector() {
    super(new SqliteConnector(), SqliteSinkTask.class);
  }
}
