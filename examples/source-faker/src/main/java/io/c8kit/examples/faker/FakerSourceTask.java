package io.c8kit.examples.faker;

import io.c8kit.kafka.C8kitSourceTask;

/** The Kafka Connect source task of this plugin; see {@link FakerSourceConnector}. */
public final class FakerSourceTask extends C8kitSourceTask {
  public FakerSourceTask() {
    super(new FakerConnector());
  }
}
