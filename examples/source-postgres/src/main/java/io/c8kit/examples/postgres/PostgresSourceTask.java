package io.c8kit.examples.postgres;

import io.c8kit.kafka.C8kitSourceTask;

/** The Kafka Connect source task of this plugin; see {@link PostgresSourceConnector}. */
public final class PostgresSourceTask extends C8kitSourceTask {
  public PostgresSourceTask() {
    super(new PostgresConnector());
  }
}
