package io.c8kit.runtime.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the first records of a stream as JSON-like maps (for C8 samples); stops the stream
 * method with a control-flow exception once it has enough. Nothing is written to stdout.
 */
final class SampleRun extends BaseContext {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP =
      new TypeReference<LinkedHashMap<String, Object>>() {};

  /** Thrown into the stream method to stop it; carries no stack trace. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super("sample complete", null, false, false);
    }
  }

  private final int limit;
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private boolean stopped;

  SampleRun(StreamPlan<?> plan, int limit) {
    super(plan);
    this.limit = limit;
  }

  <C> List<Map<String, Object>> run(StreamPlan<C> plan, C config) throws Exception {
    if (limit <= 0) {
      return List.of();
    }
    try {
      plan.reader.read(config, this);
    } catch (Throwable t) {
      if (!stopped) {
        if (t instanceof Error e) {
          throw e;
        }
        throw (Exception) t;
      }
      // stopped: the Stop (possibly wrapped by the method, or a failure while it closed resources)
    }
    return List.copyOf(rows);
  }

  /**
   * A sample has no one to persist a changed config for: the value is masked and the change logged.
   */
  @Override
  public void configChanged(String property, String value) {
    Log.registerSecret(value);
    Log.warn(
        "The config property "
            + property
            + " changed while sampling, but a sample cannot persist it");
  }

  @Override
  public void emit(Object record) {
    if (stopped) {
      throw new Stop();
    }
    rows.add(toMap(record));
    if (rows.size() >= limit) {
      stopped = true;
      throw new Stop();
    }
  }

  /**
   * Serializes the record as it would appear in a RECORD's {@code data} and parses that back, so
   * the map holds exactly what a JSON consumer would see (small integers as Integer, decimals as
   * BigDecimal), whatever Java types the record had.
   */
  private Map<String, Object> toMap(Object record) {
    buffer.reset();
    try (JsonGenerator g = Protocol.mapper().getFactory().createGenerator(buffer)) {
      plan.serializer.write(record, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a record of stream " + plan.label(), e);
    }
    try {
      return Protocol.mapper().readValue(buffer.toByteArray(), MAP);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a record of stream " + plan.label(), e);
    }
  }

  @Override
  public void checkpointEvery(int records) {
    if (records <= 0) {
      throw new IllegalArgumentException("checkpoint interval must be positive, got " + records);
    }
  }
}
