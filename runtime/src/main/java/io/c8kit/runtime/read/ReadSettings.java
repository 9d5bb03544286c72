package io.c8kit.runtime.read;

import io.c8kit.ConfigException;
import java.util.Map;

/**
 * Process-wide overrides from the environment: the checkpoint interval ({@code
 * C8KIT_CHECKPOINT_RECORDS}, {@code C8KIT_CHECKPOINT_SECONDS}), which wins over the stream's
 * definition and over {@code StreamContext.checkpointEvery} so tests can force frequent checkpoints
 * on any connector, and {@code C8KIT_READ_CONCURRENCY}, which can only lower the source's {@code
 * concurrency} (an operator may serialize a source, never parallelize one its author did not
 * declare safe). All are positive integers; 0 = unset.
 */
record ReadSettings(int checkpointRecords, int checkpointSeconds, int concurrency) {
  static final String RECORDS_ENV = "C8KIT_CHECKPOINT_RECORDS";
  static final String SECONDS_ENV = "C8KIT_CHECKPOINT_SECONDS";
  static final String CONCURRENCY_ENV = "C8KIT_READ_CONCURRENCY";
  static final ReadSettings DEFAULTS = new ReadSettings(0, 0, 0);

  ReadSettings(int checkpointRecords, int checkpointSeconds) {
    this(checkpointRecords, checkpointSeconds, 0);
  }

  /**
   * How many streams to read at once: the least of what the source, the sink and this override
   * allow.
   */
  int concurrency(int source, int sink) {
    int n = Math.min(source, sink);
    return concurrency > 0 ? Math.min(n, concurrency) : n;
  }

  static ReadSettings fromEnvironment() {
    return from(System.getenv());
  }

  static ReadSettings from(Map<String, String> env) {
    return new ReadSettings(
        positive(env, RECORDS_ENV), positive(env, SECONDS_ENV), positive(env, CONCURRENCY_ENV));
  }

  private static int positive(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "The environment variable " + name + " must be a positive integer, got \"" + value + "\"");
  }
}
