package io.c8kit.examples.postgres.destination;

import io.c8kit.kafka.C8kitSinkConnector;

/**
 * The Kafka Connect sink connector of this plugin (its own class name, so plugins can share a worker).
 * Hand-written for now: the processor's Kafka Connect generator is not there yet (docs/KAFKA-CONNECT.md).
 */
public final class PostgresSinkConnector extends C8kitSinkConnector {
  public PostgresSinkConnector() {
    super(new PostgresConnector(), PostgresSinkTask.class);
  }
}
