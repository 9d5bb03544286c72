package io.c8kit.airbyte.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteAnalyticsTraceMessage;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteConnectionStatus;
import io.c8kit.protocol.AirbyteControlMessage;
import io.c8kit.protocol.AirbyteErrorTraceMessage;
import io.c8kit.protocol.AirbyteEstimateTraceMessage;
import io.c8kit.protocol.AirbyteGlobalState;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteRecordMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.AirbyteStateStats;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.AirbyteStreamState;
import io.c8kit.protocol.AirbyteStreamStatusTraceMessage;
import io.c8kit.protocol.AirbyteTraceMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConnectorSpecification;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.FailureType;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact wire JSON of every message type, compared as strings. */
class ProtocolMessagesJsonTest {
  private static final long T = 1700000000000L;

  private static String line(AirbyteMessage message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProtocolOutput o = new ProtocolOutput(out, new SecretMasker())) {
      o.write(message);
    }
    String s = out.toString(StandardCharsets.UTF_8);
    assertTrue(s.endsWith("\n") && s.indexOf('\n') == s.length() - 1, "one line: " + s);
    return s.substring(0, s.length() - 1);
  }

  private static JsonNode json(String text) throws Exception {
    return Protocol.mapper().readTree(text);
  }

  @Test
  void record() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ProtocolOutput o = new ProtocolOutput(out, new SecretMasker())) {
      o.<Integer>writeRecord(
          ProtocolOutput.recordHead("users", null),
          (v, g) -> {
            g.writeStartObject();
            g.writeNumberField("id", v);
            g.writeStringField("name", "é\"\n");
            g.writeEndObject();
          },
          7,
          T + 123);
      o.<Integer>writeRecord(
          ProtocolOutput.recordHead("users", "public"),
          (v, g) -> {
            g.writeStartObject();
            g.writeNumberField("id", v);
            g.writeEndObject();
          },
          8,
          T);
    }
    assertEquals(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":7,"
            + "\"name\":\"é\\\"\\n\"},\"emitted_at\":1700000000123}}\n"
            + "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"public\",\"stream\":\"users\","
            + "\"data\":{\"id\":8},\"emitted_at\":1700000000000}}\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void recordHeadEscapesNamesAsAWholeMessageWould() throws Exception {
    String name = "ü \"quoted\" \\ tab\t 😀";
    String namespace = "ns\n\u0001";
    ByteArrayOutputStream fast = new ByteArrayOutputStream();
    try (ProtocolOutput o = new ProtocolOutput(fast, new SecretMasker())) {
      o.<Integer>writeRecord(
          ProtocolOutput.recordHead(name, namespace),
          (v, g) -> {
            g.writeStartObject();
            g.writeNumberField("id", v);
            g.writeEndObject();
          },
          1,
          T);
    }
    AirbyteRecordMessage r = new AirbyteRecordMessage();
    r.stream = name;
    r.namespace = namespace;
    r.data = json("{\"id\":1}");
    r.emittedAt = T;
    AirbyteMessage m = new AirbyteMessage();
    m.type = AirbyteMessage.Type.RECORD;
    m.record = r;
    ByteArrayOutputStream pojo = new ByteArrayOutputStream();
    try (ProtocolOutput o = new ProtocolOutput(pojo, new SecretMasker())) {
      o.write(m);
    }
    assertEquals(pojo.toString(StandardCharsets.UTF_8), fast.toString(StandardCharsets.UTF_8));
  }

  @Test
  void recordMessagePojo() throws Exception {
    AirbyteRecordMessage r = new AirbyteRecordMessage();
    r.stream = "s";
    r.data = json("{\"a\":1}");
    r.emittedAt = T;
    AirbyteMessage m = new AirbyteMessage();
    m.type = AirbyteMessage.Type.RECORD;
    m.record = r;
    assertEquals(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"a\":1},"
            + "\"emitted_at\":1700000000000}}",
        line(m));
  }

  @Test
  void streamState() throws Exception {
    AirbyteStateMessage s = new AirbyteStateMessage();
    s.type = AirbyteStateMessage.Type.STREAM;
    s.stream =
        new AirbyteStreamState(
            new StreamDescriptor("users", null),
            json("{\"cursor_field\":[\"updated_at\"],\"cursor\":\"2024-01-01T00:00:00Z\"}"));
    s.sourceStats = new AirbyteStateStats(1);
    assertEquals(
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"users\"},\"stream_state\":{\"cursor_field\":[\"updated_at\"],"
            + "\"cursor\":\"2024-01-01T00:00:00Z\"}},\"sourceStats\":{\"recordCount\":1.0}}}",
        line(AirbyteMessage.state(s)));
  }

  @Test
  void globalStateWithDestinationStats() throws Exception {
    AirbyteStateMessage s = new AirbyteStateMessage();
    s.type = AirbyteStateMessage.Type.GLOBAL;
    s.global = new AirbyteGlobalState();
    s.global.sharedState = json("{\"lsn\":42}");
    s.global.streamStates = List.of(new AirbyteStreamState(new StreamDescriptor("a", "ns"), null));
    s.destinationStats = new AirbyteStateStats(12345678901.0);
    assertEquals(
        "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":"
            + "{\"lsn\":42},\"stream_states\":[{\"stream_descriptor\":{\"name\":\"a\",\"namespace\":"
            + "\"ns\"}}]},\"destinationStats\":{\"recordCount\":12345678901.0}}}",
        line(AirbyteMessage.state(s)));
  }

  @Test
  void log() {
    AirbyteMessage m = AirbyteMessage.log(AirbyteLogMessage.Level.WARN, "careful");
    m.log.stackTrace = "at x";
    assertEquals(
        "{\"type\":\"LOG\",\"log\":{\"level\":\"WARN\",\"message\":\"careful\","
            + "\"stack_trace\":\"at x\"}}",
        line(m));
  }

  @Test
  void spec() throws Exception {
    ConnectorSpecification spec = new ConnectorSpecification();
    spec.documentationUrl = "https://x";
    spec.connectionSpecification = json("{\"type\":\"object\"}");
    spec.supportsIncremental = true;
    spec.supportsDbt = false;
    spec.supportedDestinationSyncModes =
        List.of(DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
    spec.protocolVersion = "0.2.0";
    assertEquals(
        "{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":\"https://x\","
            + "\"connectionSpecification\":{\"type\":\"object\"},\"supportsIncremental\":true,"
            + "\"supportsDBT\":false,\"supported_destination_sync_modes\":[\"append\",\"append_dedup\"],"
            + "\"protocol_version\":\"0.2.0\"}}",
        line(AirbyteMessage.spec(spec)));
  }

  @Test
  void connectionStatus() {
    assertEquals(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\","
            + "\"message\":\"nope\"}}",
        line(AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.FAILED, "nope")));
  }

  @Test
  void catalog() throws Exception {
    AirbyteStream s = new AirbyteStream();
    s.name = "users";
    s.jsonSchema = json("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
    s.supportedSyncModes = List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    s.sourceDefinedCursor = true;
    s.defaultCursorField = List.of("updated_at");
    s.sourceDefinedPrimaryKey = List.of(List.of("id"));
    s.isResumable = true;
    AirbyteCatalog c = new AirbyteCatalog();
    c.streams.add(s);
    assertEquals(
        "{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"users\",\"json_schema\":"
            + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}},"
            + "\"supported_sync_modes\":[\"full_refresh\",\"incremental\"],\"source_defined_cursor\":true,"
            + "\"default_cursor_field\":[\"updated_at\"],\"source_defined_primary_key\":[[\"id\"]],"
            + "\"is_resumable\":true}]}}",
        line(AirbyteMessage.catalog(c)));
  }

  @Test
  void traceError() {
    AirbyteTraceMessage t = new AirbyteTraceMessage();
    t.type = AirbyteTraceMessage.Type.ERROR;
    t.emittedAt = (double) T;
    t.error = new AirbyteErrorTraceMessage();
    t.error.message = "m";
    t.error.internalMessage = "java.io.IOException: m";
    t.error.stackTrace = "trace";
    t.error.failureType = FailureType.TRANSIENT_ERROR;
    t.error.streamDescriptor = new StreamDescriptor("users", "public");
    assertEquals(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1700000000000.0,"
            + "\"error\":{\"message\":\"m\",\"internal_message\":\"java.io.IOException: m\","
            + "\"stack_trace\":\"trace\",\"failure_type\":\"transient_error\",\"stream_descriptor\":"
            + "{\"name\":\"users\",\"namespace\":\"public\"}}}}",
        line(AirbyteMessage.trace(t)));
  }

  @Test
  void traceEstimate() {
    AirbyteTraceMessage t = new AirbyteTraceMessage();
    t.type = AirbyteTraceMessage.Type.ESTIMATE;
    t.emittedAt = (double) T;
    t.estimate = new AirbyteEstimateTraceMessage();
    t.estimate.name = "users";
    t.estimate.type = AirbyteEstimateTraceMessage.Type.STREAM;
    t.estimate.rowEstimate = 10L;
    t.estimate.byteEstimate = 2048L;
    assertEquals(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1700000000000.0,"
            + "\"estimate\":{\"name\":\"users\",\"type\":\"STREAM\",\"row_estimate\":10,"
            + "\"byte_estimate\":2048}}}",
        line(AirbyteMessage.trace(t)));
  }

  @Test
  void traceStreamStatus() {
    assertEquals(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":"
            + "1700000000000.0,\"stream_status\":{\"stream_descriptor\":{\"name\":\"users\"},"
            + "\"status\":\"STARTED\"}}}",
        line(
            AirbyteMessage.streamStatus(
                new StreamDescriptor("users", null),
                AirbyteStreamStatusTraceMessage.Status.STARTED,
                T)));
  }

  @Test
  void traceAnalytics() {
    AirbyteTraceMessage t = new AirbyteTraceMessage();
    t.type = AirbyteTraceMessage.Type.ANALYTICS;
    t.emittedAt = (double) T;
    t.analytics = new AirbyteAnalyticsTraceMessage();
    t.analytics.type = "file-size";
    t.analytics.value = "12";
    assertEquals(
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ANALYTICS\",\"emitted_at\":"
            + "1700000000000.0,\"analytics\":{\"type\":\"file-size\",\"value\":\"12\"}}}",
        line(AirbyteMessage.trace(t)));
  }

  @Test
  void control() {
    AirbyteControlMessage c = new AirbyteControlMessage();
    c.type = AirbyteControlMessage.Type.CONNECTOR_CONFIG;
    c.emittedAt = (double) T;
    c.connectorConfig = new AirbyteControlMessage.ConnectorConfig();
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("api_key", "new");
    c.connectorConfig.config = config;
    assertEquals(
        "{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":"
            + "1700000000000.0,\"connectorConfig\":{\"config\":{\"api_key\":\"new\"}}}}",
        line(AirbyteMessage.control(c)));
  }

  @Test
  void unknownFieldsSurviveAParseWriteRoundTrip() throws Exception {
    String in =
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"users\",\"x-ns\":1},\"stream_state\":{\"cursor\":5}},\"sourceStats\":"
            + "{\"recordCount\":3.0},\"id\":17},\"extra\":{\"a\":[1,2]}}";
    assertEquals(in, line(Protocol.parseMessage(in)));
  }

  @Test
  void strictEnumsRejectInvalidSyncMode() {
    String catalog =
        "{\"streams\":[{\"stream\":{\"name\":\"x\",\"json_schema\":{},"
            + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"INVALID\","
            + "\"destination_sync_mode\":\"append\"}]}";
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> Protocol.mapper().readValue(catalog, ConfiguredAirbyteCatalog.class));
    assertTrue(e.getMessage().contains("INVALID"), e.getMessage());
  }

  @Test
  void legacyStateWithoutTypeParses() throws Exception {
    AirbyteMessage m = Protocol.parseMessage("{\"type\":\"STATE\",\"state\":{\"data\":{\"a\":1}}}");
    assertEquals(AirbyteStateMessage.Type.LEGACY, m.state.effectiveType());
    assertEquals("{\"type\":\"STATE\",\"state\":{\"data\":{\"a\":1}}}", line(m));
  }
}
