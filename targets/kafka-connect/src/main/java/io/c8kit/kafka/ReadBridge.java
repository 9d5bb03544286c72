package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.output.ProtocolOutput;
import io.c8kit.runtime.secrets.SecretMasker;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.SourceCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The read engine as this target uses it: discover the streams, read one stream from a seed state,
 * and receive its records, states and logs as events.
 *
 * <p>Interim: until the engine's target-neutral read sink lands (issue 12), the engine writes its
 * Airbyte lines into an in-memory channel that this class turns back into events. It is the only
 * class of this target that knows the Airbyte wire format; swap it for the sink when it exists.
 */
final class ReadBridge {
  /** A stream as the read side needs it: identity, schema, key and whether it reads incrementally. */
  record StreamInfo(String name, String namespace, ObjectNode jsonSchema, List<List<String>> primaryKey,
      boolean incremental) {
    String label() {
      return namespace == null ? name : namespace + "." + name;
    }
  }

  /** What one read produces, in order. Called on the reading thread. */
  interface Events {
    void record(JsonNode data, long emittedAt);

    /** A per-stream state: everything before it may be committed with it. */
    void state(JsonNode streamState);

    /** A LOG line of the engine (already masked). */
    void log(String level, String message);
  }

  private ReadBridge() {}

  /** Every stream of the source for this config, in catalog order. */
  static <C> List<StreamInfo> discover(SourceConnector<C> connector, C config) throws Exception {
    AirbyteCatalog catalog = SourceCatalog.discover(connector, config);
    List<StreamInfo> out = new ArrayList<>();
    for (AirbyteStream s : catalog.streams) {
      boolean incremental = s.supportedSyncModes != null && s.supportedSyncModes.contains(SyncMode.INCREMENTAL)
          && (Boolean.TRUE.equals(s.sourceDefinedCursor)
              || (s.defaultCursorField != null && !s.defaultCursorField.isEmpty()));
      out.add(new StreamInfo(s.name, s.namespace, (ObjectNode) s.jsonSchema,
          s.sourceDefinedPrimaryKey == null ? List.of() : s.sourceDefinedPrimaryKey, incremental));
    }
    return out;
  }

  /**
   * Reads one stream to its end (or failure) from {@code state} (a stream state object, or null),
   * sending what it produces to {@code events}.
   */
  static <C> void read(SourceConnector<C> connector, C config, StreamInfo stream, JsonNode state,
      SecretMasker masker, Events events) throws Exception {
    ConfiguredAirbyteStream configured = new ConfiguredAirbyteStream();
    AirbyteStream s = new AirbyteStream();
    s.name = stream.name();
    s.namespace = stream.namespace();
    s.jsonSchema = stream.jsonSchema();
    configured.stream = s;
    configured.syncMode = stream.incremental() ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH;
    configured.destinationSyncMode = DestinationSyncMode.APPEND;
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog();
    catalog.streams.add(configured);
    JsonNode input = null;
    if (state != null) {
      ArrayNode messages = JsonNodeFactory.instance.arrayNode();
      ObjectNode message = messages.addObject();
      message.put("type", "STREAM");
      ObjectNode descriptor = message.putObject("stream").putObject("stream_descriptor");
      descriptor.put("name", stream.name());
      if (stream.namespace() != null) {
        descriptor.put("namespace", stream.namespace());
      }
      ((ObjectNode) message.get("stream")).set("stream_state", state);
      input = messages;
    }
    Lines lines = new Lines(events);
    try (ProtocolOutput out = new ProtocolOutput(lines, masker)) {
      ReadEngine.read(connector, config, catalog, input, out);
    }
  }

  /** Splits the engine's output into lines and each line into an event. */
  private static final class Lines extends OutputStream {
    private final Events events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);

    Lines(Events events) {
      this.events = events;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        emit();
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
          emit();
          start = i + 1;
        }
      }
      line.write(b, start, off + len - start);
    }

    private void emit() {
      byte[] bytes = line.toByteArray();
      line.reset();
      if (bytes.length == 0) {
        return;
      }
      JsonNode message;
      try {
        message = Protocol.mapper().readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("the read engine wrote a line that is not JSON", e);
      }
      switch (message.path("type").asText()) {
        case "RECORD" -> {
          JsonNode record = message.get("record");
          events.record(record.get("data"), record.path("emitted_at").asLong());
        }
        case "STATE" -> events.state(message.path("state").path("stream").get("stream_state"));
        case "LOG" -> events.log(message.path("log").path("level").asText("INFO"),
            message.path("log").path("message").asText(""));
        default -> {
          // stream statuses: the end of read() is the end of the stream
        }
      }
    }
  }
}
