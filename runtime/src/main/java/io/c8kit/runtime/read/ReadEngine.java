package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;

/**
 * The {@code read} command's engine and C8 sampling. See {@code docs/STATE.md} for the state shape,
 * checkpoint rule and guarantees.
 */
public final class ReadEngine {
  private ReadEngine() {}

  /**
   * read: runs the configured streams in catalog order, handing their records, states and statuses
   * to {@code sink}. The catalog and state are checked before any stream starts. When the source's
   * {@code concurrency}, the sink's {@link ReadSink#maxConcurrency()} and {@code
   * C8KIT_READ_CONCURRENCY} (by default, the processors) all allow more than one, up to that many
   * streams run at once, started in catalog order (see {@link ConcurrentReads} for what a failure
   * does then).
   *
   * @param state the {@code --state} JSON, or null when absent
   * @param masker masks the engine's log lines; a config value the connector changes is registered
   *     in it
   * @throws io.c8kit.ConfigException for a bad catalog or state (unknown or duplicated stream,
   *     unsupported sync mode, incremental without a cursor, malformed state, unparseable cursor)
   * @throws StreamReadException when a stream fails, after its INCOMPLETE status; in a sequential
   *     read no later stream runs, in a concurrent one every other stream still runs to its end and
   *     their failures are suppressed on the first one in catalog order
   */
  public static <C> void read(
      SourceConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      ReadSink sink,
      SecretMasker masker)
      throws Exception {
    read(connector, config, null, catalog, state, sink, masker);
  }

  /**
   * read, with the config's JSON as the user gave it: a value the connector changes during the read
   * ({@code StreamContext.configChanged}) reaches {@link ReadSink#configChanged} inside it.
   */
  public static <C> void read(
      SourceConnector<C> connector,
      C config,
      JsonNode rawConfig,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      ReadSink sink,
      SecretMasker masker)
      throws Exception {
    read(
        connector,
        config,
        catalog,
        state,
        new Output(sink, masker),
        ReadSettings.fromEnvironment(),
        rawConfig);
  }

  static <C> void read(
      SourceConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      JsonNode state,
      Output out,
      ReadSettings settings,
      JsonNode rawConfig)
      throws Exception {
    Objects.requireNonNull(connector, "connector");
    List<ConfiguredAirbyteStream> configured =
        catalog == null || catalog.streams == null ? List.of() : catalog.streams;
    try {
      InputState input = InputState.parse(state);
      input.warnings().forEach(w -> out.log(Level.WARNING, w));
      List<StreamPlan<C>> plans =
          StreamPlan.plan(connector, config, configured, input, w -> out.log(Level.WARNING, w));
      ConfigUpdates configUpdates = new ConfigUpdates(rawConfig);
      int threads =
          settings.threads(
              connector.definition().concurrency(),
              out.sink.maxConcurrency(),
              plans.size(),
              connector.definition().ioBound());
      if (threads <= 1) {
        for (StreamPlan<C> plan : plans) {
          new StreamRun<>(plan, out, settings, configUpdates).run(config);
        }
      } else {
        out.log(
            Level.INFO,
            "reading up to "
                + threads
                + " streams at once (the source allows "
                + connector.definition().concurrency()
                + "; set "
                + ReadSettings.CONCURRENCY_ENV
                + " to change it)");
        out.sink.beginConcurrent(threads);
        try {
          ConcurrentReads.run(
              plans,
              threads,
              plan -> new StreamRun<>(plan, out, settings, configUpdates).run(config));
        } finally {
          out.sink.endConcurrent();
        }
      }
    } finally {
      out.sink.flush();
    }
  }

  /** The sink and the masker its log lines pass through first. */
  record Output(ReadSink sink, SecretMasker masker) {
    Output {
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(masker, "masker");
    }

    void log(Level level, String message) {
      sink.log(level, masker.mask(message));
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
      SourceConnector<C> connector, C config, String stream, String namespace, int limit)
      throws Exception {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(stream, "stream");
    StreamPlan<C> plan = StreamPlan.forSample(connector, config, stream, namespace);
    return new SampleRun(plan, limit).run(plan, config);
  }
}
