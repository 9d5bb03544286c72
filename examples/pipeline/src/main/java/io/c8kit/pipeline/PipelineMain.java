package io.c8kit.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.protocol.Protocol;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of the pipeline runner: {@code java -jar c8kit-pipeline.jar --source S.jar
 * --source-config s.json --destination D.jar --destination-config d.json}.
 */
@Command(
    name = "c8kit-pipeline",
    mixinStandardHelpOptions = true,
    description =
        "Runs one sync: source read | destination write, with state kept for the next run.")
public final class PipelineMain implements Callable<Integer> {
  @Option(
      names = "--source",
      required = true,
      description = "Source connector: a runnable jar (path ending in .jar) or a Docker image.")
  String source;

  @Option(names = "--source-config", required = true, description = "Source config JSON file.")
  Path sourceConfig;

  @Option(
      names = "--destination",
      required = true,
      description = "Destination connector: a runnable jar or a Docker image.")
  String destination;

  @Option(
      names = "--destination-config",
      required = true,
      description = "Destination config JSON file.")
  Path destinationConfig;

  @Option(
      names = "--workdir",
      defaultValue = ".c8kit/pipeline",
      description = "Where the catalog, state and run counter live (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--streams", split = ",", description = "Only these streams (default: all).")
  List<String> streams = List.of();

  @Option(names = "--full-refresh", description = "Read every stream in full refresh + overwrite.")
  boolean fullRefresh;

  @Option(
      names = "--protocol",
      defaultValue = "airbyte",
      description =
          "airbyte (read | write) or singer (tap | target, the jars' Singer mains); default: ${DEFAULT-VALUE}.")
  String protocol;

  @Option(names = "--reset", description = "Forget the saved state first (next read starts over).")
  boolean reset;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      description = "Use this configured catalog as it is (no discover, no mode choice).")
  Path catalog;

  @Option(
      names = "--sync-mode",
      paramLabel = "STREAM=MODE",
      description =
          "Mode of one stream: incremental, full_refresh, append, overwrite, append_dedup or "
              + "SYNC/DESTINATION such as full_refresh/append. Repeatable. Default: the best mode the "
              + "source stream and the destination's spec both support.")
  Map<String, String> syncModes = new java.util.LinkedHashMap<>();

  private final PrintStream console;
  private ConnectorCommand destinationCommand;

  PipelineMain(PrintStream console) {
    this.console = console;
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new PipelineMain(System.out));
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("pipeline failed: " + e.getMessage());
          return 1;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(workDir);
    Path stateFile = workDir.resolve("state.json");
    boolean singer = "singer".equals(protocol);
    if (!singer && !"airbyte".equals(protocol)) {
      console.println("pipeline failed: --protocol must be airbyte or singer, not " + protocol);
      return 2;
    }
    if (reset) {
      Files.deleteIfExists(stateFile);
      Files.deleteIfExists(workDir.resolve("singer-state.json"));
    }
    ConnectorCommand src = ConnectorCommand.of(source, workDir);
    ConnectorCommand dst = ConnectorCommand.of(destination, workDir);
    if (src.isImage() || dst.isImage()) {
      // Images run as uid 1000 (Airbyte's convention): the mounted work directory must be writable.
      Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    this.destinationCommand = dst;
    Pipeline pipeline =
        new Pipeline(
                src,
                sourceConfig,
                dst,
                destinationConfig,
                workDir,
                new LinkedHashSet<>(streams),
                fullRefresh,
                console,
                System.err)
            .catalog(catalog)
            .syncModes(syncModes);
    if (catalog != null && (!syncModes.isEmpty() || !streams.isEmpty() || fullRefresh)) {
      console.println(
          "pipeline failed: --catalog is used as it is; drop --sync-mode, --streams and --full-refresh");
      return 2;
    }
    // SIGINT/SIGTERM: the JVM runs this hook; forward to the children, wait, tell where things
    // stand.
    Thread onSignal =
        new Thread(
            () -> {
              try {
                console.println(pipeline.interrupt(60_000));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              console.flush();
            },
            "pipeline-interrupt");
    Runtime.getRuntime().addShutdownHook(onSignal);
    Pipeline.Result result;
    try {
      result =
          singer
              ? new SingerPipeline(
                      src,
                      sourceConfig,
                      dst,
                      destinationConfig,
                      workDir,
                      new LinkedHashSet<>(streams),
                      fullRefresh,
                      console,
                      System.err)
                  .run()
              : pipeline.run();
    } catch (PipelineException e) {
      if (!pipeline.interrupted()) {
        console.println("pipeline failed: " + e.getMessage());
      }
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException shuttingDown) {
        // a signal arrived: the hook reports
      }
    }
    if (pipeline.interrupted()) {
      return 130;
    }
    printSummary(result);
    return result.succeeded() ? 0 : 1;
  }

  private void printSummary(Pipeline.Result r) throws Exception {
    console.println();
    console.println(
        r.succeeded()
            ? "Sync succeeded."
            : String.format(
                "Sync FAILED (source exit %d, destination exit %d); committed data is kept and the"
                    + " saved state only covers it.",
                r.sourceExit(), r.destinationExit()));
    console.printf("%-24s %12s %12s%n", "stream", "read", "committed");
    Set<String> names = new LinkedHashSet<>(r.recordsRead().keySet());
    names.addAll(r.recordsCommitted().keySet());
    for (String name : names) {
      console.printf(
          "%-24s %,12d %,12d%n",
          name,
          r.recordsRead().getOrDefault(name, 0L),
          r.recordsCommitted().getOrDefault(name, 0L));
    }
    console.printf("states committed: %d%n", r.statesCommitted());
    console.println("catalog:    " + r.catalogFile().toAbsolutePath());
    console.println("last state: " + r.stateFile().toAbsolutePath());
    if (Files.exists(r.stateFile())) {
      console.println("  " + Files.readString(r.stateFile()).replaceAll("\\s+", " "));
    }
    Path sqlite = sqliteFile();
    if (sqlite != null) {
      console.println("SQLite file: " + sqlite.toAbsolutePath());
      for (Map.Entry<String, Long> e : SqliteSummary.rowCounts(sqlite).entrySet()) {
        console.printf("  table %-22s %,12d rows%n", e.getKey(), e.getValue());
      }
    }
  }

  /** The destination's SQLite file when its config has a {@code destination_path}. */
  private Path sqliteFile() throws Exception {
    JsonNode config = Protocol.mapper().readTree(destinationConfig.toFile());
    JsonNode path = config.path("destination_path");
    return path.isTextual() ? destinationCommand.hostPath(path.asText()) : null;
  }
}
