package io.c8kit.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
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
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.ReadSink;
import io.c8kit.runtime.read.SourceCatalog;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * The read engine as this target uses it: discover the streams, read one stream from a seed state,
 * and receive its records, states and logs as events (the engine's {@link ReadSink}).
 */
final class EngineRead {
  /**
   * A stream as the read side needs it: identity, schema, key and whether it reads incrementally.
   */
  record StreamInfo(
      String name,
      String namespace,
      ObjectNode jsonSchema,
      List<List<String>> primaryKey,
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

  private EngineRead() {}

  /** Every stream of the source for this config, in catalog order. */
  static <C> List<StreamInfo> discover(SourceConnector<C> connector, C config) throws Exception {
    AirbyteCatalog catalog = SourceCatalog.discover(connector, config);
    List<StreamInfo> out = new ArrayList<>();
    for (AirbyteStream s : catalog.streams) {
      boolean incremental =
          s.supportedSyncModes != null
              && s.supportedSyncModes.contains(SyncMode.INCREMENTAL)
              && (Boolean.TRUE.equals(s.sourceDefinedCursor)
                  || (s.defaultCursorField != null && !s.defaultCursorField.isEmpty()));
      out.add(
          new StreamInfo(
              s.name,
              s.namespace,
              (ObjectNode) s.jsonSchema,
              s.sourceDefinedPrimaryKey == null ? List.of() : s.sourceDefinedPrimaryKey,
              incremental));
    }
    return out;
  }

  /**
   * Reads one stream to its end (or failure) from {@code state} (a stream state object, or null),
   * sending what it produces to {@code events}.
   */
  static <C> void read(
      SourceConnector<C> connector,
      C config,
      StreamInfo stream,
      JsonNode state,
      SecretMasker masker,
      Events events)
      throws Exception {
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
    ReadEngine.read(connector, config, catalog, input, new Sink(events), masker);
  }

  /**
   * The engine's results as {@link Events}: a record's data becomes the JSON tree a consumer of the
   * record's JSON text would read (exact decimals, the smallest integer type).
   */
  private static final class Sink implements ReadSink, ReadSink.Stream {
    private final Events events;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private JsonGenerator generator;

    Sink(Events events) {
      this.events = events;
    }

    @Override
    public ReadSink.Stream stream(String name, String namespace) {
      return this; // one stream per read
    }

    @Override
    public <R> void record(RecordSerializer<? super R> serializer, R record, long emittedAtMillis) {
      JsonNode data;
      buffer.reset();
      try {
        if (generator == null) {
          generator = Protocol.mapper().getFactory().createGenerator(buffer, JsonEncoding.UTF8);
          generator.setRootValueSeparator(null);
        }
        serializer.write(record, generator);
        generator.flush();
        data = Protocol.mapper().readTree(buffer.toByteArray());
      } catch (IOException e) {
        generator = null; // mid-object: start afresh with the next record
        throw new UncheckedIOException("cannot serialize a record", e);
      } catch (RuntimeException | Error e) {
        generator = null;
        throw e;
      }
      events.record(data, emittedAtMillis);
    }

    @Override
    public void state(ObjectNode state, long recordCount) {
      events.state(state);
    }

    @Override
    public void status(ReadSink.Status status, long atMillis) {
      // the end of read() is the end of the stream
    }

    @Override
    public void rateLimited(Long quotaResetMillis, long atMillis) {
      // Kafka Connect has no rate-limit status; the connector's own logs tell
    }

    @Override
    public void log(Level level, String message) {
      events.log(LogLevels.toAirbyte(level).name(), message);
    }

    @Override
    public void configChanged(ObjectNode config, long atMillis) {
      events.log(
          "WARN",
          "The connector changed its config during the read; Kafka Connect cannot persist the"
              + " change, so the next task start uses the configured value");
    }

    @Override
    public void flush() {}
  }
}
