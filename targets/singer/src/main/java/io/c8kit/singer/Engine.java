package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.output.ProtocolOutput;
import io.c8kit.runtime.secrets.SecretMasker;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.SourceCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one place the Singer tap touches the read engine: discovery as {@link TapStream}s, and a read
 * of the selected streams whose records, checkpoints and statuses reach the {@link TapSink}.
 *
 * <p>Until the engine hands its results to a target-neutral sink, the read runs with the Airbyte
 * output and each of its lines is turned into the sink's calls here (records are re-serialized from
 * their tree); nothing else of the Singer module depends on that.
 */
final class Engine {
  private Engine() {}

  static <C> List<TapStream> discover(SourceConnector<C> connector, C config) throws Exception {
    AirbyteCatalog catalog = SourceCatalog.discover(connector, config);
    List<TapStream> streams = new ArrayList<>();
    for (AirbyteStream s : catalog.streams) {
      List<String> keys = new ArrayList<>();
      if (s.sourceDefinedPrimaryKey != null) {
        s.sourceDefinedPrimaryKey.forEach(path -> keys.add(String.join(".", path)));
      }
      List<SyncMode> modes = s.supportedSyncModes == null ? List.of(SyncMode.FULL_REFRESH) : s.supportedSyncModes;
      streams.add(new TapStream(s.name, s.namespace, (ObjectNode) s.jsonSchema, List.copyOf(keys),
          s.defaultCursorField == null ? List.of() : List.copyOf(s.defaultCursorField),
          Boolean.TRUE.equals(s.sourceDefinedCursor), modes.contains(SyncMode.FULL_REFRESH),
          modes.contains(SyncMode.INCREMENTAL)));
    }
    return streams;
  }

  /**
   * Reads {@code plans} in order, starting each stream from its engine state.
   *
   * @param log receives the engine's log lines (level, text)
   */
  static <C> void read(SourceConnector<C> connector, C config, List<SyncPlan> plans,
      Map<SyncPlan, ObjectNode> states, TapSink sink, SecretMasker masker,
      BiConsumer<String, String> log) throws Exception {
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog();
    ArrayNode state = JsonNodeFactory.instance.arrayNode();
    for (SyncPlan plan : plans) {
      TapStream s = plan.stream();
      ConfiguredAirbyteStream c = new ConfiguredAirbyteStream();
      c.stream = new AirbyteStream();
      c.stream.name = s.name();
      c.stream.namespace = s.namespace();
      c.stream.jsonSchema = s.schema();
      c.stream.supportedSyncModes = new ArrayList<>();
      if (s.fullTable()) {
        c.stream.supportedSyncModes.add(SyncMode.FULL_REFRESH);
      }
      if (s.incremental()) {
        c.stream.supportedSyncModes.add(SyncMode.INCREMENTAL);
      }
      c.syncMode = plan.method() == ReplicationMethod.INCREMENTAL ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH;
      c.cursorField = plan.replicationKey().isEmpty() ? null : plan.replicationKey();
      c.destinationSyncMode = DestinationSyncMode.APPEND;
      catalog.streams.add(c);
      ObjectNode streamState = states.get(plan);
      if (streamState != null) {
        ObjectNode message = state.addObject();
        message.put("type", "STREAM");
        ObjectNode stream = message.putObject("stream");
        ObjectNode descriptor = stream.putObject("stream_descriptor");
        descriptor.put("name", s.name());
        if (s.namespace() != null) {
          descriptor.put("namespace", s.namespace());
        }
        stream.set("stream_state", streamState);
      }
    }
    Lines lines = new Lines(sink, log);
    ProtocolOutput out = new ProtocolOutput(lines, masker);
    try {
      ReadEngine.read(connector, config, catalog, state.isEmpty() ? null : state, out);
    } finally {
      out.flush();
    }
  }

  /** Airbyte output lines turned back into sink calls. */
  private static final class Lines extends OutputStream {
    private final TapSink sink;
    private final BiConsumer<String, String> log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Map<String, TapSink.StreamOut> streams = new HashMap<>();
    private static final RecordSerializer<JsonNode> TREE =
        (JsonNode data, JsonGenerator g) -> PythonJson.MAPPER.writeTree(g, data);

    Lines(TapSink sink, BiConsumer<String, String> log) {
      this.sink = sink;
      this.log = log;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        dispatch(line.toByteArray());
        line.reset();
      } else {
        line.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int start = off;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          line.write(b, start, i - start);
          dispatch(line.toByteArray());
          line.reset();
          start = i + 1;
        }
      }
      line.write(b, start, off + len - start);
    }

    @Override
    public void flush() {
      sink.flush();
    }

    private void dispatch(byte[] bytes) {
      JsonNode m;
      try {
        m = PythonJson.MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      switch (m.path("type").asText()) {
        case "RECORD" -> {
          JsonNode r = m.get("record");
          stream(r).record(TREE, r.get("data"), r.path("emitted_at").asLong());
        }
        case "STATE" -> {
          JsonNode s = m.path("state").path("stream");
          stream(s.path("stream_descriptor")).state((ObjectNode) s.get("stream_state"),
              m.path("state").path("sourceStats").path("recordCount").asLong());
        }
        case "TRACE" -> {
          JsonNode t = m.path("trace");
          if ("STREAM_STATUS".equals(t.path("type").asText())) {
            JsonNode status = t.path("stream_status");
            stream(status.path("stream_descriptor")).status(
                TapSink.Status.valueOf(status.path("status").asText()), t.path("emitted_at").asLong());
          }
        }
        case "LOG" -> log.accept(m.path("log").path("level").asText(), m.path("log").path("message").asText());
        default -> { }
      }
    }

    private TapSink.StreamOut stream(JsonNode descriptor) {
      String name = descriptor.path("stream").isTextual() ? descriptor.get("stream").asText()
          : descriptor.path("name").asText();
      String namespace = descriptor.path("namespace").isTextual() ? descriptor.get("namespace").asText() : null;
      return streams.computeIfAbsent(namespace + "\u0000" + name, k -> sink.stream(name, namespace));
    }
  }
}
