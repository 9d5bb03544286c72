package io.c8kit.runtime.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteControlMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteRecordMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.AirbyteStateStats;
import io.c8kit.protocol.AirbyteStreamState;
import io.c8kit.protocol.AirbyteStreamStatusTraceMessage;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.output.LogLevels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * A test double of a target: records what the read engine hands over as the Airbyte messages the
 * tests assert on (the Airbyte target's own sink is tested through the CLI and the goldens).
 */
final class MessageSink implements ReadSink {
  final List<AirbyteMessage> messages = new ArrayList<>();
  int flushes;

  /** What {@link #maxConcurrency()} answers; 1 like a sequential target. */
  int maxConcurrency = 1;

  @Override
  public int maxConcurrency() {
    return maxConcurrency;
  }

  @Override
  public synchronized ReadSink.Stream stream(String name, String namespace) {
    StreamDescriptor descriptor = new StreamDescriptor(name, namespace);
    return new ReadSink.Stream() {
      @Override
      public <R> void record(
          RecordSerializer<? super R> serializer, R record, long emittedAtMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonNode data;
        try (JsonGenerator g = Protocol.mapper().getFactory().createGenerator(bytes)) {
          serializer.write(record, g);
          g.flush();
          data = Protocol.mapper().readTree(bytes.toByteArray());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        AirbyteRecordMessage r = new AirbyteRecordMessage();
        r.stream = name;
        r.namespace = namespace;
        r.data = data;
        r.emittedAt = emittedAtMillis;
        AirbyteMessage m = new AirbyteMessage();
        m.type = AirbyteMessage.Type.RECORD;
        m.record = r;
        add(m);
      }

      @Override
      public void state(ObjectNode state, long recordCount) {
        AirbyteStateMessage s = new AirbyteStateMessage();
        s.type = AirbyteStateMessage.Type.STREAM;
        s.stream = new AirbyteStreamState(descriptor, state);
        s.sourceStats = new AirbyteStateStats((double) recordCount);
        add(AirbyteMessage.state(s));
      }

      @Override
      public void status(ReadSink.Status status, long atMillis) {
        add(
            AirbyteMessage.streamStatus(
                descriptor,
                AirbyteStreamStatusTraceMessage.Status.valueOf(status.name()),
                atMillis));
      }

      @Override
      public void rateLimited(Long quotaResetMillis, long atMillis) {
        ObjectNode reason = JsonNodeFactory.instance.objectNode().put("type", "RATE_LIMITED");
        if (quotaResetMillis != null) {
          reason.putObject("rate_limited").put("quota_reset", quotaResetMillis.longValue());
        }
        AirbyteMessage m =
            AirbyteMessage.streamStatus(
                descriptor, AirbyteStreamStatusTraceMessage.Status.RUNNING, atMillis);
        m.trace.streamStatus.reasons = List.of(reason);
        add(m);
      }
    };
  }

  @Override
  public void log(Level level, String message) {
    add(AirbyteMessage.log(LogLevels.toAirbyte(level), message));
  }

  @Override
  public void configChanged(ObjectNode config, long atMillis) {
    AirbyteControlMessage control = new AirbyteControlMessage();
    control.type = AirbyteControlMessage.Type.CONNECTOR_CONFIG;
    control.emittedAt = (double) atMillis;
    control.connectorConfig = new AirbyteControlMessage.ConnectorConfig();
    control.connectorConfig.config = config;
    add(AirbyteMessage.control(control));
  }

  @Override
  public synchronized void flush() {
    flushes++;
  }

  private synchronized void add(AirbyteMessage message) {
    messages.add(message);
  }

  /** Each message as its compact JSON line. */
  synchronized List<String> lines() {
    return messages.stream().map(Protocol::toJson).toList();
  }
}
