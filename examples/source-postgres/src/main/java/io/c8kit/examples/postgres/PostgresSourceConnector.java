package io.c8kit.examples.postgres;

import io.c8kit.kafka.C8kitSourceConnector;

/**
 * The Kafka Connect source connector of this plugin (its own class name, so plugins can share a worker).
 * Hand-written for now: the processor's Kafka Connect generator is not there yet (docs/KAFKA-CONNECT.md).
 */
public final class PostgresSourceConnector extends C8kitSourceConnector {
  public PostgresSourceConnector() {
    super(new PostgresConnector(), PostgresSourceTask.class);
  }
}
