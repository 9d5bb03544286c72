package io.c8kit.airbyte.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.read.ReadSink;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The read engine's events as the exact Airbyte lines the platform (and the goldens) expect. */
class AirbyteReadSinkTest {
  /** Throws in the middle of the data. */
  private static final RecordSerializer<Long> BROKEN =
      (id, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", id);
        throw new IllegalStateException("boom");
      };

  private static final RecordSerializer<Long> ROW =
      (id, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeEndObject();
      };

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final SecretMasker masker = new SecretMasker();
  private final ProtocolOutput out = new ProtocolOutput(stdout, masker);
  private final AirbyteReadSink sink = new AirbyteReadSink(out);

  private String lines() {
    out.flush();
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyEventBecomesItsAirbyteLine() {
    ReadSink.Stream users = sink.stream("users", "app");
    ReadSink.Stream plain = sink.stream("plain", null);
    users.status(ReadSink.Status.STARTED, 1);
    users.record(ROW, 7L, 2);
    plain.record(ROW, 8L, 3);
    users.rateLimited(5000L, 4);
    plain.rateLimited(null, 5);
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.putArray("cursor_field").add("seq");
    state.put("cursor", 7);
    users.state(state, 1);
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("token", "new");
    sink.configChanged(config, 6);
    sink.log(Level.FINE, "dropped");
    users.status(ReadSink.Status.COMPLETE, 7);
    assertEquals(
        String.join(
                "\n",
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1.0,\"stream_status\":"
                    + "{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"app\"},\"status\":\"STARTED\"}}}",
                "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"app\",\"stream\":\"users\",\"data\":{\"id\":7},\"emitted_at\":2}}",
                "{\"type\":\"RECORD\",\"record\":{\"stream\":\"plain\",\"data\":{\"id\":8},\"emitted_at\":3}}",
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":4.0,\"stream_status\":"
                    + "{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"app\"},\"status\":\"RUNNING\",\"reasons\":"
                    + "[{\"type\":\"RATE_LIMITED\",\"rate_limited\":{\"quota_reset\":5000}}]}}}",
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":5.0,\"stream_status\":"
                    + "{\"stream_descriptor\":{\"name\":\"plain\"},\"status\":\"RUNNING\",\"reasons\":[{\"type\":\"RATE_LIMITED\"}]}}}",
                "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\","
                    + "\"namespace\":\"app\"},\"stream_state\":{\"cursor_field\":[\"seq\"],\"cursor\":7}},\"sourceStats\":"
                    + "{\"recordCount\":1.0}}}",
                "{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":6.0,\"connectorConfig\":"
                    + "{\"config\":{\"token\":\"new\"}}}}",
                "{\"type\":\"LOG\",\"log\":{\"level\":\"DEBUG\",\"message\":\"dropped\"}}",
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":7.0,\"stream_status\":"
                    + "{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"app\"},\"status\":\"COMPLETE\"}}}")
            + "\n",
        lines());
  }

  @Test
  void aSerializerThatThrowsLeavesNoPartialRecord() {
    ReadSink.Stream users = sink.stream("users", null);
    assertThrows(IllegalStateException.class, () -> users.record(BROKEN, 1L, 1));
    users.record(ROW, 2L, 2);
    assertEquals(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":2},\"emitted_at\":2}}\n",
        lines());
  }

  @Test
  void aSerializerThatThrowsKeepsTheRecordsCommittedBeforeIt() {
    // the records before the broken one are committed but may still sit in the generator's own
    // buffer (it is not flushed per record): the rollback must keep them and drop only the partial
    ReadSink.Stream users = sink.stream("users", null);
    users.record(ROW, 1L, 1);
    users.record(ROW, 2L, 2);
    assertThrows(IllegalStateException.class, () -> users.record(BROKEN, 3L, 3));
    users.record(ROW, 4L, 4);
    assertEquals(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1},\"emitted_at\":1}}\n"
            + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":2},\"emitted_at\":2}}\n"
            + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":4},\"emitted_at\":4}}\n",
        lines());
  }
}
