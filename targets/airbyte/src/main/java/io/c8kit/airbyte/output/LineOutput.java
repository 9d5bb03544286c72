package io.c8kit.airbyte.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.write.WriteOutput;
import java.math.BigDecimal;
import java.util.logging.Level;

/**
 * The Airbyte {@code write} output: each committed STATE echoed as it came with {@code
 * destinationStats.recordCount} added, the engine's log lines as LOG messages.
 */
public final class LineOutput implements WriteOutput {
  private final ProtocolOutput out;

  public LineOutput(ProtocolOutput out) {
    this.out = out;
  }

  @Override
  public void stateCommitted(Object state, long recordCount) {
    ObjectNode envelope = (ObjectNode) state;
    ObjectNode stateObject = (ObjectNode) envelope.get("state");
    JsonNode given = stateObject.get("destinationStats");
    ObjectNode destinationStats =
        given instanceof ObjectNode o ? o : stateObject.putObject("destinationStats");
    // written as the protocol's other counts are, a plain double: 3.0, 10000000.0
    destinationStats.put("recordCount", BigDecimal.valueOf(recordCount).setScale(1));
    out.write(envelope);
  }

  @Override
  public void log(Level level, String message) {
    out.log(LogLevels.toAirbyte(level), message);
  }

  @Override
  public void flush() {
    out.flush();
  }
}
