package io.c8kit.runtime.read;

import io.c8kit.ConfigException;
import java.util.Map;

/**
 * Process-wide overrides from the environment: the checkpoint interval ({@code
 * C8KIT_CHECKPOINT_RECORDS}, {@code C8KIT_CHECKPOINT_SECONDS}), which wins over the stream's
 * definition and over {@code StreamContext.checkpointEvery} so tests can force frequent checkpoints
 * on any connector, and {@code C8KIT_READ_CONCURRENCY}, how many streams to read at once up to the
 * source's {@code concurrency} (an operator may serialize a source, never parallelize one its
 * author did not declare safe). All are positive integers; 0 = unset. {@code processors} is the
 * machine's, the default bound on streams read at once.
 */
record ReadSettings(int checkpointRecords, int checkpointSeconds, int concurrency, int processors) {
  static final String RECORDS_ENV = "C8KIT_CHECKPOINT_RECORDS";
  static final String SECONDS_ENV = "C8KIT_CHECKPOINT_SECONDS";
  static final String CONCURRENCY_ENV = "C8KIT_READ_CONCURRENCY";

  /**
   * How many streams to read at once: the least of what the source and the sink allow and the
   * number of streams, and of the operator's setting if given, else (unless the streams wait on the
   * network, {@code waits}) of the processors. Records are encoded on the reading threads, so for a
   * source that computes its records more readers than cores only take turns on them and cost CPU
   * for nothing (benchmarks/FINDINGS.md 16: four readers on two vCPUs used about 10 % more CPU than
   * two, for no less wall time); an operator whose source mostly waits (a remote database, an HTTP
   * API) may raise it to the source's {@code concurrency}.
   */
  int threads(int source, int sink, int streams, boolean waits) {
    int n = Math.min(Math.min(source, sink), streams);
    int bound = concurrency > 0 ? concurrency : waits ? n : processors;
    return Math.max(1, Math.min(n, bound));
  }

  static ReadSettings fromEnvironment() {
    return from(System.getenv(), Runtime.getRuntime().availableProcessors());
  }

  static ReadSettings from(Map<String, String> env, int processors) {
    return new ReadSettings(
        positive(env, RECORDS_ENV),
        positive(env, SECONDS_ENV),
        positive(env, CONCURRENCY_ENV),
        processors);
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
