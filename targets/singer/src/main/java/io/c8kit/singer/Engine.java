package io.c8kit.singer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.read.ReadEngine;
import io.c8kit.runtime.read.ReadSink;
import io.c8kit.runtime.read.SourceCatalog;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Level;

/**
 * The one place the Singer tap touches the read engine: discovery as {@link TapStream}s, and a read
 * of the selected streams whose records, checkpoints and statuses reach the {@link TapSink}. The
 * engine's records reach the tap's singer-python-exact writer through the connector's generated
 * serializer, without a tree.
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
      List<SyncMode> modes =
          s.supportedSyncModes == null ? List.of(SyncMode.FULL_REFRESH) : s.supportedSyncModes;
      streams.add(
          new TapStream(
              s.name,
              s.namespace,
              (ObjectNode) s.jsonSchema,
              List.copyOf(keys),
              s.defaultCursorField == null ? List.of() : List.copyOf(s.defaultCursorField),
              Boolean.TRUE.equals(s.sourceDefinedCursor),
              modes.contains(SyncMode.FULL_REFRESH),
              modes.contains(SyncMode.INCREMENTAL)));
    }
    return streams;
  }

  /**
   * Reads {@code plans} in order, starting each stream from its engine state.
   *
   * @param log receives the engine's log lines (level, text)
   */
  static <C> void read(
      SourceConnector<C> connector,
      C config,
      List<SyncPlan> plans,
      Map<SyncPlan, ObjectNode> states,
      TapSink sink,
      SecretMasker masker,
      BiConsumer<String, String> log)
      throws Exception {
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
      c.syncMode =
          plan.method() == ReplicationMethod.INCREMENTAL
              ? SyncMode.INCREMENTAL
              : SyncMode.FULL_REFRESH;
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
    ReadEngine.read(
        connector,
        config,
        catalog,
        state.isEmpty() ? null : state,
        new EngineSink(sink, log),
        masker);
  }

  /** The read engine's results handed to the {@link TapSink}, its log lines to {@code log}. */
  private static final class EngineSink implements ReadSink {
    private final TapSink sink;
    private final BiConsumer<String, String> log;

    EngineSink(TapSink sink, BiConsumer<String, String> log) {
      this.sink = sink;
      this.log = log;
    }

    @Override
    public ReadSink.Stream stream(String name, String namespace) {
      return sink.stream(name, namespace);
    }

    @Override
    public void log(Level level, String message) {
      log.accept(LogLevels.toAirbyte(level).name(), message);
    }

    /** A Singer tap has no message to hand a changed config back; the change is lost, so say so. */
    @Override
    public void configChanged(ObjectNode config, long atMillis) {
      log.accept(
          "WARN",
          "The connector changed its config during the read; a Singer tap cannot persist the change");
    }

    @Override
    public void flush() {
      sink.flush();
    }
  }
}
