package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.output.ProtocolOutput;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code read} command's engine and C8 sampling. See {@code docs/STATE.md} for the state shape,
 * checkpoint rule and guarantees.
 */
public final class ReadEngine {
  private ReadEngine() {}

  /**
   * read: runs the configured streams in catalog order, writing RECORD, STATE and STREAM_STATUS
   * messages to {@code out}. The catalog and state are checked before any stream starts.
   *
   * @param state the {@code --state} JSON, or null when absent
   * @throws io.c8kit.ConfigException for a bad catalog or state (unknown or duplicated stream,
   *     unsupported sync mode, incremental without a cursor, malformed state, unparseable cursor)
   * @throws StreamReadException when a stream fails, after its INCOMPLETE status; no later stream runs
   */
  public static <C> void read(SourceConnector<C> connector, C config, ConfiguredAirbyteCatalog catalog,
      JsonNode state, ProtocolOutput out) throws Exception {
    read(connector, config, null, catalog, state, out);
  }

  /**
   * read, with the config's JSON as the user gave it: a value the connector changes during the read
   * ({@code StreamContext.configChanged}) is written back inside it as a CONTROL message.
   */
  public static <C> void read(SourceConnector<C> connector, C config, JsonNode rawConfig,
      ConfiguredAirbyteCatalog catalog, JsonNode state, ProtocolOutput out) throws Exception {
    read(connector, config, catalog, state, out, ReadSettings.fromEnvironment(), rawConfig);
  }

  static <C> void read(SourceConnector<C> connector, C config, ConfiguredAirbyteCatalog catalog,
      JsonNode state, ProtocolOutput out, ReadSettings settings) throws Exception {
    read(connector, config, catalog, state, out, settings, null);
  }

  static <C> void read(SourceConnector<C> connector, C config, ConfiguredAirbyteCatalog catalog,
      JsonNode state, ProtocolOutput out, ReadSettings settings, JsonNode rawConfig) throws Exception {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(out, "out");
    List<ConfiguredAirbyteStream> configured =
        catalog == null || catalog.streams == null ? List.of() : catalog.streams;
    try {
      InputState input = InputState.parse(state);
      input.warnings().forEach(w -> out.log(AirbyteLogMessage.Level.WARN, w));
      List<StreamPlan<C>> plans = StreamPlan.plan(
          connector, config, configured, input, w -> out.log(AirbyteLogMessage.Level.WARN, w));
      ConfigUpdates configUpdates = new ConfigUpdates(rawConfig);
      for (StreamPlan<C> plan : plans) {
        new StreamRun<>(plan, out, settings, configUpdates).run(config);
      }
    } finally {
      out.flush();
    }
  }

  /**
   * C8 samples: the first {@code limit} records of one stream (read as a full refresh, from the
   * start), as JSON-like maps (objects are maps, arrays lists, numbers Integer/Long/BigInteger or
   * BigDecimal). Nothing is written to stdout; the stream method is stopped once it has produced
   * {@code limit} records.
   *
   * @param namespace the stream's namespace, or null (then a unique name is enough)
   * @throws io.c8kit.ConfigException when the source has no such stream
   */
  public static <C> List<Map<String, Object>> sample(
      SourceConnector<C> connector, C config, String stream, String namespace, int limit) throws Exception {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(stream, "stream");
    StreamPlan<C> plan = StreamPlan.forSample(connector, config, stream, namespace);
    return new SampleRun(plan, limit).run(plan, config);
  }
}
