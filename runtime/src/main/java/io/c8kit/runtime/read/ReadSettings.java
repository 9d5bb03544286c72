package io.c8kit.runtime.read;

import io.c8kit.ConfigException;
import java.util.Map;

/**
 * Process-wide overrides of the checkpoint interval, from the environment: {@code
 * C8KIT_CHECKPOINT_RECORDS} and {@code C8KIT_CHECKPOINT_SECONDS} (positive integers; 0 = unset). They
 * win over the stream's definition and over {@code StreamContext.checkpointEvery}, so tests can force
 * frequent checkpoints on any connector.
 */
record ReadSettings(int checkpointRecords, int checkpointSeconds) {
  static final String RECORDS_ENV = "C8KIT_CHECKPOINT_RECORDS";
  static final String SECONDS_ENV = "C8KIT_CHECKPOINT_SECONDS";
  static final ReadSettings DEFAULTS = new ReadSettings(0, 0);

  static ReadSettings fromEnvironment() {
    return from(System.getenv());
  }

  static ReadSettings from(Map<String, String> env) {
    return new ReadSettings(positive(env, RECORDS_ENV), positive(env, SECONDS_ENV));
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
    throw new ConfigException("The environment variable " + name + " must be a positive integer, got \""
        + value + "\"");
  }
}
