package io.c8kit.architecture;

import java.util.Map;

/**
 * The public classes of engine-internal packages, each with the other modules that reach it (a
 * target, a toolkit, the benchmarks): Java packages cannot be friends across jars, so these are
 * public by necessity and listed here; anything else there must stay package-private.
 */
final class InternalApi {
  static final Map<String, String> ALLOWED =
      Map.ofEntries(
          Map.entry(
              "io.c8kit.runtime.config.ConfigPreparer",
              "every target prepares and binds the config"),
          Map.entry(
              "io.c8kit.runtime.config.ConfigValidator",
              "Kafka Connect's validate() reports each problem on its field"),
          Map.entry(
              "io.c8kit.runtime.config.ConfigWalker",
              "the C8 and Kafka Connect targets coerce string values"),
          Map.entry(
              "io.c8kit.runtime.config.ConnectorSpec", "every target loads the connector's spec"),
          Map.entry(
              "io.c8kit.runtime.config.InputFileException",
              "the Airbyte CLI reports a bad --config/--catalog file"),
          Map.entry(
              "io.c8kit.runtime.config.JsonFiles",
              "the Airbyte and Singer command lines read JSON files"),
          Map.entry("io.c8kit.runtime.docs.ConnectorDocs", "the Airbyte CLI's docs command"),
          Map.entry(
              "io.c8kit.runtime.output.CommitBuffer",
              "the Airbyte and Singer stdout writers let only whole messages out"),
          Map.entry("io.c8kit.runtime.output.LogLevels", "the Airbyte CLI sets the log level"),
          Map.entry(
              "io.c8kit.runtime.output.LogDestination",
              "a target chooses where routed log records go (Airbyte: LOG messages)"),
          Map.entry(
              "io.c8kit.runtime.output.LogRouting",
              "the Airbyte CLI routes JUL and System.out/err to its LogDestination"),
          Map.entry(
              "io.c8kit.runtime.output.MaskedThrowable",
              "the Airbyte CLI and C8 target mask failures"),
          Map.entry(
              "io.c8kit.runtime.output.ProcessExit",
              "the Airbyte and Singer mains end the process the same way"),
          Map.entry("io.c8kit.runtime.read.ReadEngine", "every source target runs the read engine"),
          Map.entry(
              "io.c8kit.runtime.read.ReadSink",
              "every source target receives the read through its own sink"),
          Map.entry(
              "io.c8kit.runtime.read.SourceCatalog", "every source target discovers the streams"),
          Map.entry(
              "io.c8kit.runtime.read.StreamReadException",
              "the Airbyte CLI reports a failed stream"),
          Map.entry(
              "io.c8kit.runtime.write.IncompleteStreamsException",
              "the Singer target reports unfinished streams"),
          Map.entry(
              "io.c8kit.runtime.write.RawRecordBatch",
              "the shared JDBC writer (io.c8kit.jdbc) loads raw batches"),
          Map.entry(
              "io.c8kit.runtime.write.WriteInput",
              "every destination target feeds the write engine events"),
          Map.entry(
              "io.c8kit.runtime.write.WriteInputException",
              "the Airbyte target's stdin parsing reports broken input in the engine's wording"),
          Map.entry(
              "io.c8kit.runtime.write.WriteOutput",
              "every destination target receives committed states and logs"),
          Map.entry(
              "io.c8kit.runtime.write.WriteRun",
              "the Singer target runs the write engine over its own input"),
          Map.entry(
              "io.c8kit.runtime.secrets.SecretMasker",
              "every target and the HTTP toolkit mask secrets"));

  private InternalApi() {}
}
