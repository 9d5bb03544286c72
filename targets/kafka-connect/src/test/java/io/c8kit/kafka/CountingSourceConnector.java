package io.c8kit.kafka;

/** The thin per-plugin subclass, as generated for a source. */
public final class CountingSourceConnector extends C8kitSourceConnector {
  public CountingSourceConnector() {
    super(new CountingSource(), CountingSourceTask.class);
  }
}
