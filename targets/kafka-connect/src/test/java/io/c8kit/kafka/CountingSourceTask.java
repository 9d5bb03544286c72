package io.c8kit.kafka;

/** The thin per-plugin task subclass, as generated for a source. */
public final class CountingSourceTask extends C8kitSourceTask {
  public CountingSourceTask() {
    super(new CountingSource());
  }
}
