package io.c8kit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MessageWriter} writes every field of every message exactly as the mapper's beans do. */
class MessageWriterTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String handWritten(AirbyteMessage m) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Protocol.factory().createGenerator(out)) {
      MessageWriter.write(g, m);
    }
    return out.toString();
  }

  private static void assertSameAsMapper(AirbyteMessage m) throws Exception {
    String expected = Protocol.mapper().writerFor(AirbyteMessage.class).writeValueAsString(m);
    assertEquals(expected, handWritten(m));
  }

  private static StreamDescriptor descriptor() {
    return ProtocolSamples.extras(new StreamDescriptor("users", "public"));
  }

  @Test
  void emptyAndMinimalMessagesMatch() throws Exception {
    assertSameAsMapper(new AirbyteMessage());
    assertSameAsMapper(AirbyteMessage.log(AirbyteLogMessage.Level.INFO, "hello"));
    assertSameAsMapper(
        AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.SUCCEEDED, null));
    assertSameAsMapper(AirbyteMessage.catalog(new AirbyteCatalog()));
    assertSameAsMapper(
        AirbyteMessage.streamStatus(
            new StreamDescriptor("s", null),
            AirbyteStreamStatusTraceMessage.Status.STARTED,
            1700000000123L));
  }

  @Test
  void everyFieldOfLogStatusAndControlMatches() throws Exception {
    AirbyteMessage log = AirbyteMessage.log(AirbyteLogMessage.Level.ERROR, "boom \u2028");
    log.log.stackTrace = "at x\n\tat y";
    ProtocolSamples.extras(log.log);
    assertSameAsMapper(ProtocolSamples.extras(log));

    AirbyteMessage status =
        AirbyteMessage.connectionStatus(AirbyteConnectionStatus.Status.FAILED, "no");
    ProtocolSamples.extras(status.connectionStatus);
    assertSameAsMapper(status);

    AirbyteControlMessage control = ProtocolSamples.extras(new AirbyteControlMessage());
    control.type = AirbyteControlMessage.Type.CONNECTOR_CONFIG;
    control.emittedAt = 1.7000000001235E12;
    control.connectorConfig = ProtocolSamples.extras(new AirbyteControlMessage.ConnectorConfig());
    control.connectorConfig.config = ProtocolSamples.tree();
    assertSameAsMapper(AirbyteMessage.control(control));
  }

  @Test
  void everyFieldOfTracesMatches() throws Exception {
    AirbyteTraceMessage error = ProtocolSamples.extras(new AirbyteTraceMessage());
    error.type = AirbyteTraceMessage.Type.ERROR;
    error.emittedAt = 12.5;
    error.error = ProtocolSamples.extras(new AirbyteErrorTraceMessage());
    error.error.message = "m";
    error.error.internalMessage = "i";
    error.error.stackTrace = "s";
    error.error.failureType = FailureType.CONFIG_ERROR;
    error.error.streamDescriptor = descriptor();
    assertSameAsMapper(AirbyteMessage.trace(error));

    AirbyteTraceMessage estimate = new AirbyteTraceMessage();
    estimate.type = AirbyteTraceMessage.Type.ESTIMATE;
    estimate.emittedAt = Double.NaN;
    estimate.estimate = ProtocolSamples.extras(new AirbyteEstimateTraceMessage());
    estimate.estimate.name = "users";
    estimate.estimate.type = AirbyteEstimateTraceMessage.Type.STREAM;
    estimate.estimate.namespace = "ns";
    estimate.estimate.rowEstimate = 10L;
    estimate.estimate.byteEstimate = Long.MAX_VALUE;
    assertSameAsMapper(AirbyteMessage.trace(estimate));

    AirbyteMessage status =
        AirbyteMessage.streamStatus(
            descriptor(), AirbyteStreamStatusTraceMessage.Status.RUNNING, 1700000000123L);
    status.trace.streamStatus.reasons =
        Arrays.asList(NODES.objectNode().put("type", "RATE_LIMITED"), null, NullNode.getInstance());
    ProtocolSamples.extras(status.trace.streamStatus);
    assertSameAsMapper(status);

    AirbyteTraceMessage analytics = new AirbyteTraceMessage();
    analytics.type = AirbyteTraceMessage.Type.ANALYTICS;
    analytics.emittedAt = 1e20;
    analytics.analytics = ProtocolSamples.extras(new AirbyteAnalyticsTraceMessage());
    analytics.analytics.type = "t";
    analytics.analytics.value = "v";
    assertSameAsMapper(AirbyteMessage.trace(analytics));
  }

  @Test
  void everyFieldOfStatesMatches() throws Exception {
    AirbyteStateMessage stream = ProtocolSamples.extras(new AirbyteStateMessage());
    stream.type = AirbyteStateMessage.Type.STREAM;
    stream.stream =
        ProtocolSamples.extras(new AirbyteStreamState(descriptor(), ProtocolSamples.tree()));
    stream.sourceStats = ProtocolSamples.extras(new AirbyteStateStats(3));
    stream.destinationStats = new AirbyteStateStats();
    stream.destinationStats.rejectedRecordCount = 0.25;
    assertSameAsMapper(AirbyteMessage.state(stream));

    AirbyteStateMessage global = new AirbyteStateMessage();
    global.type = AirbyteStateMessage.Type.GLOBAL;
    global.global = ProtocolSamples.extras(new AirbyteGlobalState());
    global.global.sharedState = ProtocolSamples.tree();
    global.global.streamStates =
        Arrays.asList(new AirbyteStreamState(descriptor(), NullNode.getInstance()), null);
    assertSameAsMapper(AirbyteMessage.state(global));

    AirbyteStateMessage legacy = new AirbyteStateMessage();
    legacy.data = ProtocolSamples.tree();
    assertSameAsMapper(AirbyteMessage.state(legacy));
  }

  @Test
  void everyFieldOfCatalogSpecRecordAndDestinationCatalogMatches() throws Exception {
    AirbyteStream s = ProtocolSamples.extras(new AirbyteStream());
    s.name = "users";
    s.jsonSchema = ProtocolSamples.tree();
    s.supportedSyncModes = Arrays.asList(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL, null);
    s.sourceDefinedCursor = true;
    s.defaultCursorField = Arrays.asList("a", null);
    s.sourceDefinedPrimaryKey = Arrays.asList(List.of("id"), null, new ArrayList<>());
    s.namespace = "public";
    s.isResumable = false;
    s.isFileBased = true;
    AirbyteCatalog catalog = ProtocolSamples.extras(new AirbyteCatalog());
    catalog.streams = Arrays.asList(s, null, new AirbyteStream());
    assertSameAsMapper(AirbyteMessage.catalog(catalog));
    AirbyteCatalog noStreams = new AirbyteCatalog();
    noStreams.streams = null;
    assertSameAsMapper(AirbyteMessage.catalog(noStreams));

    ConnectorSpecification spec = ProtocolSamples.extras(new ConnectorSpecification());
    spec.documentationUrl = "https://d";
    spec.changelogUrl = "https://c";
    spec.connectionSpecification = ProtocolSamples.tree();
    spec.supportsIncremental = true;
    spec.supportsNormalization = false;
    spec.supportsDbt = false;
    spec.supportedDestinationSyncModes =
        Arrays.asList(DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.SOFT_DELETE, null);
    spec.authSpecification = ProtocolSamples.tree();
    spec.advancedAuth = NullNode.getInstance();
    spec.protocolVersion = "0.2.0";
    assertSameAsMapper(AirbyteMessage.spec(spec));

    AirbyteMessage record = new AirbyteMessage();
    record.type = AirbyteMessage.Type.RECORD;
    record.record = ProtocolSamples.extras(new AirbyteRecordMessage());
    record.record.namespace = "ns";
    record.record.stream = "users";
    record.record.data = ProtocolSamples.tree();
    record.record.emittedAt = 1700000000123L;
    record.record.meta = ProtocolSamples.tree();
    record.record.fileReference = NODES.textNode("f");
    assertSameAsMapper(record);

    AirbyteMessage destinationCatalog = new AirbyteMessage();
    destinationCatalog.type = AirbyteMessage.Type.DESTINATION_CATALOG;
    destinationCatalog.destinationCatalog = ProtocolSamples.tree();
    assertSameAsMapper(ProtocolSamples.extras(destinationCatalog));
  }

  @Test
  void plainDoublesMatchTheSerializer() throws Exception {
    for (double d :
        new double[] {
          0,
          -0.0,
          1,
          -1,
          0.1,
          1e14,
          1e15,
          1e16,
          123456789.125,
          1e-7,
          Double.MAX_VALUE,
          Double.POSITIVE_INFINITY
        }) {
      AirbyteTraceMessage t = new AirbyteTraceMessage();
      t.emittedAt = d;
      assertSameAsMapper(AirbyteMessage.trace(t));
    }
  }

  @Test
  void aJavaNullAmongUnknownPropertiesIsWrittenAsTheMapperDoes() throws Exception {
    AirbyteMessage m = AirbyteMessage.log(AirbyteLogMessage.Level.WARN, "w");
    m.log.additionalProperty("gone", (JsonNode) null);
    assertSameAsMapper(m);
  }

  /**
   * Every {@code @JsonProperty} field of every payload set at once, by reflection: a field added to
   * a protocol POJO but not to {@link MessageWriter} fails here without anyone listing it.
   */
  @Test
  void everyAnnotatedFieldOfEveryPayloadIsWritten() throws Exception {
    AirbyteMessage m = ProtocolSamples.populated(AirbyteMessage.class);
    assertSameAsMapper(m);
  }
}
