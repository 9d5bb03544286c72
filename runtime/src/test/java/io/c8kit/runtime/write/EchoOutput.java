package io.c8kit.runtime.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.output.LogLevels;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * A test double for the Airbyte target's write output: committed states and logs as the JSON lines
 * the Airbyte write echoes (state with {@code destinationStats.recordCount}, LOG messages), held
 * until {@link #flush()} as the stdout channel holds them, so the engine's tests need no target.
 */
public final class EchoOutput implements WriteOutput {
  private final OutputStream sink;
  private final List<String> pending = new ArrayList<>();

  public EchoOutput(OutputStream sink) {
    this.sink = sink;
  }

  @Override
  public synchronized void stateCommitted(Object state, long recordCount) {
    ObjectNode envelope = (ObjectNode) state;
    ObjectNode stateObject = (ObjectNode) envelope.get("state");
    JsonNode given = stateObject.get("destinationStats");
    ObjectNode stats =
        given instanceof ObjectNode o ? o : stateObject.putObject("destinationStats");
    stats.put("recordCount", BigDecimal.valueOf(recordCount).setScale(1));
    pending.add(json(envelope));
  }

  @Override
  public synchronized void log(Level level, String message) {
    pending.add(json(AirbyteMessage.log(LogLevels.toAirbyte(level), message)));
  }

  @Override
  public synchronized void flush() {
    try {
      for (String line : pending) {
        sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      pending.clear();
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object message) {
    try {
      return Protocol.mapper().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
