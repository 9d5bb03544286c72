package io.c8kit.examples.postgres.destination;

import io.c8kit.kafka.C8kitSinkTask;

/** The Kafka Connect sink task of this plugin; see {@link PostgresSinkConnector}. */
public final class PostgresSinkTask extends C8kitSinkTask {
  public PostgresSinkTask() {
    super(new PostgresConnector());
  }
}
