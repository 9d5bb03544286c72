package io.c8kit.runtime.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.AirbyteStreamStatusTraceMessage;
import io.c8kit.protocol.AirbyteTraceMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.runtime.StreamReader;
import io.c8kit.runtime.secrets.SecretMasker;
import io.c8kit.source.Cursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hand-written sources (no processor) and a way to run {@link ReadEngine#read} and parse its
 * output.
 */
final class ReadHarness {
  private ReadHarness() {}

  /** The record type of the test streams: {@code seq} is the cursor, {@code id} the page key. */
  record Row(long id, Long seq, String name) {}

  static final RecordSerializer<Row> ROW =
      (r, g) -> {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeFieldName("seq");
        JsonValues.writeLong(g, r.seq());
        g.writeFieldName("name");
        JsonValues.writeString(g, r.name());
        g.writeEndObject();
      };

  static final String SCHEMA = "/io/c8kit/runtime/read/rows.json";

  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "test", "0.0.1", "Test", "A test source", "", "", ConnectorKind.SOURCE, "/spec.json", "");

  static SourceDefinition.Builder<String> definition() {
    return SourceDefinition.builder(INFO, config -> "config");
  }

  @SafeVarargs
  static SourceConnector<String> connector(StreamDefinition<String, ?>... streams) {
    SourceDefinition.Builder<String> b = definition();
    for (StreamDefinition<String, ?> s : streams) {
      b.stream(s);
    }
    return connector(b.build());
  }

  static SourceConnector<String> connector(SourceDefinition<String> definition) {
    return new SourceConnector<>(definition) {};
  }

  /** A stream of {@link Row}s with schema, primary key and serializer set. */
  static StreamDefinition.Builder<String, Row> rows(String name) {
    return StreamDefinition.<String, Row>builder(name)
        .schemaResource(SCHEMA)
        .primaryKey("id")
        .serializer(ROW);
  }

  /** An incremental, ordered stream with cursor {@code seq} and the given reader. */
  static StreamDefinition<String, Row> ordered(
      String name, int checkpointRecords, StreamReader<String, Row> reader) {
    return rows(name)
        .cursor(List.of("seq"), CursorType.LONG, Row::seq)
        .ordered(true)
        .checkpointRecords(checkpointRecords)
        .reader(reader)
        .build();
  }

  /** Rows with ids 1.. and the given cursor values. */
  static List<Row> rowsWithSeq(Long... seqs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < seqs.length; i++) {
      rows.add(new Row(i + 1, seqs[i], "n" + (i + 1)));
    }
    return rows;
  }

  /** Emits every row, ignoring the cursor (the engine must drop what is below it). */
  static StreamReader<String, Row> emitAll(List<Row> rows) {
    return (config, ctx) -> rows.forEach(ctx::emit);
  }

  /** Emits the rows whose cursor is {@code >=} the lower bound, as a well-behaved method does. */
  static StreamReader<String, Row> emitFrom(List<Row> rows) {
    return (config, ctx) -> {
      Cursor<Long> cursor = ctx.cursor();
      ctx.drain(
          rows.stream()
              .filter(
                  r ->
                      !cursor.isPresent()
                          || (r.seq() != null && r.seq() >= cursor.value().orElseThrow())));
    };
  }

  static ConfiguredAirbyteStream configured(String name, SyncMode mode) {
    return configured(name, null, mode);
  }

  static ConfiguredAirbyteStream configured(String name, String namespace, SyncMode mode) {
    ConfiguredAirbyteStream cs = new ConfiguredAirbyteStream();
    cs.stream = new AirbyteStream();
    cs.stream.name = name;
    cs.stream.namespace = namespace;
    cs.stream.jsonSchema = Protocol.mapper().createObjectNode().put("type", "object");
    cs.stream.supportedSyncModes = List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    cs.syncMode = mode;
    cs.destinationSyncMode = DestinationSyncMode.APPEND;
    return cs;
  }

  /** The configured catalog CAT builds from discover: each stream in the given mode. */
  static ConfiguredAirbyteCatalog catalogFrom(AirbyteCatalog discovered, SyncMode mode) {
    ConfiguredAirbyteCatalog c = new ConfiguredAirbyteCatalog();
    for (AirbyteStream s : discovered.streams) {
      ConfiguredAirbyteStream cs = new ConfiguredAirbyteStream();
      cs.stream = s;
      cs.syncMode = mode;
      cs.cursorField = s.defaultCursorField;
      cs.destinationSyncMode = DestinationSyncMode.APPEND;
      c.streams.add(cs);
    }
    return c;
  }

  static ConfiguredAirbyteCatalog catalog(ConfiguredAirbyteStream... streams) {
    ConfiguredAirbyteCatalog c = new ConfiguredAirbyteCatalog();
    c.streams.addAll(List.of(streams));
    return c;
  }

  static JsonNode json(String text) {
    try {
      return text == null ? null : Protocol.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A {@code --state} array holding the given STATE messages, as the platform passes them back. */
  static JsonNode stateInput(AirbyteStateMessage... states) {
    ArrayNode array = Protocol.mapper().createArrayNode();
    for (AirbyteStateMessage s : states) {
      array.add(Protocol.mapper().valueToTree(s));
    }
    return array;
  }

  /**
   * No environment settings and no bound from the machine's processors: the engine's own limits.
   */
  static final ReadSettings NO_LIMITS = checkpoints(0, 0);

  /** Checkpoint intervals as from the environment, nothing else set. */
  static ReadSettings checkpoints(int records, int seconds) {
    return new ReadSettings(records, seconds, 0, Integer.MAX_VALUE);
  }

  static Output read(
      SourceConnector<String> connector, ConfiguredAirbyteCatalog catalog, JsonNode state) {
    return read(connector, catalog, state, NO_LIMITS);
  }

  static Output read(
      SourceConnector<String> connector,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      ReadSettings settings) {
    return read(connector, catalog, state, settings, null);
  }

  static Output read(
      SourceConnector<String> connector,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      ReadSettings settings,
      JsonNode rawConfig) {
    return read(connector, catalog, state, settings, rawConfig, new MessageSink());
  }

  static Output read(
      SourceConnector<String> connector,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      ReadSettings settings,
      JsonNode rawConfig,
      MessageSink sink) {
    Throwable error = null;
    try {
      ReadEngine.read(
          connector,
          "config",
          catalog,
          state,
          new ReadEngine.Output(sink, new SecretMasker()),
          settings,
          rawConfig);
    } catch (Throwable t) {
      error = t;
    }
    // through the JSON text, as a platform would read the messages
    List<String> lines = sink.lines();
    List<AirbyteMessage> messages = new ArrayList<>();
    for (String line : lines) {
      try {
        messages.add(Protocol.parseMessage(line));
      } catch (JsonProcessingException e) {
        throw new AssertionError("not a protocol message: " + line, e);
      }
    }
    return new Output(messages, lines, error);
  }

  /** Parsed output of one read. */
  record Output(List<AirbyteMessage> messages, List<String> lines, Throwable error) {
    Output ok() {
      if (error != null) {
        throw new AssertionError("read failed", error);
      }
      return this;
    }

    List<JsonNode> records(String stream) {
      List<JsonNode> out = new ArrayList<>();
      for (AirbyteMessage m : messages) {
        if (m.type == AirbyteMessage.Type.RECORD && m.record.stream.equals(stream)) {
          out.add(m.record.data);
        }
      }
      return out;
    }

    List<Long> seqs(String stream) {
      List<Long> out = new ArrayList<>();
      records(stream).forEach(r -> out.add(r.get("seq").isNull() ? null : r.get("seq").asLong()));
      return out;
    }

    List<Long> ids(String stream) {
      List<Long> out = new ArrayList<>();
      records(stream).forEach(r -> out.add(r.get("id").asLong()));
      return out;
    }

    List<AirbyteStateMessage> states(String stream) {
      List<AirbyteStateMessage> out = new ArrayList<>();
      for (AirbyteMessage m : messages) {
        if (m.type == AirbyteMessage.Type.STATE
            && m.state.stream.streamDescriptor.name.equals(stream)) {
          out.add(m.state);
        }
      }
      return out;
    }

    List<AirbyteStateMessage> allStates() {
      List<AirbyteStateMessage> out = new ArrayList<>();
      messages.forEach(
          m -> {
            if (m.type == AirbyteMessage.Type.STATE) {
              out.add(m.state);
            }
          });
      return out;
    }

    List<AirbyteStreamStatusTraceMessage.Status> statuses(String stream) {
      List<AirbyteStreamStatusTraceMessage.Status> out = new ArrayList<>();
      for (AirbyteMessage m : messages) {
        if (isStatus(m) && m.trace.streamStatus.streamDescriptor.name.equals(stream)) {
          out.add(m.trace.streamStatus.status);
        }
      }
      return out;
    }

    /**
     * The stream's messages as a compact event string: S=STARTED R=RUNNING r=record T=state
     * C=COMPLETE I=INCOMPLETE.
     */
    String events(String stream) {
      StringBuilder sb = new StringBuilder();
      for (AirbyteMessage m : messages) {
        if (m.type == AirbyteMessage.Type.RECORD && m.record.stream.equals(stream)) {
          sb.append('r');
        } else if (m.type == AirbyteMessage.Type.STATE
            && m.state.stream.streamDescriptor.name.equals(stream)) {
          sb.append('T');
        } else if (isStatus(m) && m.trace.streamStatus.streamDescriptor.name.equals(stream)) {
          sb.append(
              switch (m.trace.streamStatus.status) {
                case STARTED -> 'S';
                case RUNNING -> 'R';
                case COMPLETE -> 'C';
                case INCOMPLETE -> 'I';
              });
        }
      }
      return sb.toString();
    }

    List<String> logs(AirbyteLogMessage.Level level) {
      List<String> out = new ArrayList<>();
      messages.forEach(
          m -> {
            if (m.type == AirbyteMessage.Type.LOG && m.log.level == level) {
              out.add(m.log.message);
            }
          });
      return out;
    }

    private static boolean isStatus(AirbyteMessage m) {
      return m.type == AirbyteMessage.Type.TRACE
          && m.trace.type == AirbyteTraceMessage.Type.STREAM_STATUS;
    }
  }

  static double count(AirbyteStateMessage s) {
    return Objects.requireNonNull(s.sourceStats, "sourceStats").recordCount;
  }

  static JsonNode streamState(AirbyteStateMessage s) {
    return s.stream.streamState;
  }
}
