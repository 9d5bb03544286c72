package io.c8kit.pipeline;

import static io.c8kit.pipeline.ChildProcesses.pipeStderr;
import static io.c8kit.pipeline.ChildProcesses.reader;
import static io.c8kit.pipeline.ChildProcesses.start;
import static io.c8kit.pipeline.ChildProcesses.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.AirbyteStreamStatusTraceMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One local sync, the way the Airbyte platform runs it: discover, configure the catalog, pipe
 * {@code source read} into {@code destination write}, persist the states the destination echoes
 * (only committed data), and report progress and a summary.
 */
final class Pipeline {
  private static final ObjectMapper JSON = Protocol.mapper();

  private final ConnectorCommand source;
  private final Path sourceConfig;
  private final ConnectorCommand destination;
  private final Path destinationConfig;
  private final Path workDir;
  private final Set<String> streams;
  private final boolean fullRefresh;
  private final PrintStream console;
  private final PrintStream logs;
  private Path userCatalog;
  private Map<String, String> overrides = Map.of();
  private long progressMillis = 2000;

  private volatile Process sourceProcess;
  private volatile Process destinationProcess;
  private volatile boolean interrupted;
  private final Map<String, Long> committed = new java.util.concurrent.ConcurrentHashMap<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private Path stateFile;

  Pipeline(
      ConnectorCommand source,
      Path sourceConfig,
      ConnectorCommand destination,
      Path destinationConfig,
      Path workDir,
      Set<String> streams,
      boolean fullRefresh,
      PrintStream console,
      PrintStream logs) {
    this.source = source;
    this.sourceConfig = sourceConfig;
    this.destination = destination;
    this.destinationConfig = destinationConfig;
    this.workDir = workDir;
    this.streams = streams;
    this.fullRefresh = fullRefresh;
    this.console = console;
    this.logs = logs;
  }

  /** Result of one run, for the summary and for tests. */
  record Result(
      Map<String, Long> recordsRead,
      Map<String, Long> recordsCommitted,
      int statesCommitted,
      Path catalogFile,
      Path stateFile,
      int sourceExit,
      int destinationExit) {
    boolean succeeded() {
      return sourceExit == 0 && destinationExit == 0;
    }
  }

  /** Uses this configured catalog as it is instead of choosing modes. */
  Pipeline catalog(Path configuredCatalog) {
    this.userCatalog = configuredCatalog;
    return this;
  }

  /**
   * Stream name → mode ({@code incremental}, {@code append_dedup}, {@code full_refresh/append},
   * ...).
   */
  Pipeline syncModes(Map<String, String> streamModes) {
    this.overrides = Map.copyOf(streamModes);
    return this;
  }

  Pipeline progressEvery(long millis) {
    this.progressMillis = millis;
    return this;
  }

  boolean interrupted() {
    return interrupted;
  }

  /**
   * Forwards a SIGINT/SIGTERM the runner received to its children (the source and destination
   * processes get SIGTERM), waits for them and for the states the destination echoed before it
   * stopped to be saved, and returns the line that tells the user where things stand.
   */
  String interrupt(long waitMillis) throws InterruptedException {
    interrupted = true;
    for (Process p : new Process[] {sourceProcess, destinationProcess}) {
      if (p != null && p.isAlive()) {
        p.destroy();
      }
    }
    for (Process p : new Process[] {sourceProcess, destinationProcess}) {
      if (p != null && !p.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    }
    finished.await(waitMillis, TimeUnit.MILLISECONDS);
    long rows = committed.values().stream().mapToLong(Long::longValue).sum();
    Path state = stateFile == null ? workDir.resolve("state.json") : stateFile;
    return String.format(
        "interrupted: %,d rows committed, %s, rerun to resume",
        rows,
        Files.exists(state) ? "state saved to " + state.toAbsolutePath() : "no state saved yet");
  }

  Result run() throws IOException, InterruptedException {
    try {
      return sync();
    } finally {
      finished.countDown();
    }
  }

  private Result sync() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    long runNumber = nextRunNumber();
    console.printf(
        "c8kit pipeline run #%d: %s -> %s%n",
        runNumber, source.displayName(), destination.displayName());

    check(source, sourceConfig, "source");
    check(destination, destinationConfig, "destination");

    Path catalogFile = workDir.resolve("catalog.json");
    ConfiguredAirbyteCatalog configured;
    if (userCatalog != null) {
      try {
        configured = JSON.readValue(userCatalog.toFile(), ConfiguredAirbyteCatalog.class);
      } catch (IOException e) {
        throw new PipelineException("cannot use --catalog " + userCatalog + ": " + e.getMessage());
      }
      if (!userCatalog
          .toAbsolutePath()
          .normalize()
          .equals(catalogFile.toAbsolutePath().normalize())) {
        // Copied as it is, so that a container reaches it in the mounted work directory.
        Files.copy(userCatalog, catalogFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      console.println("  catalog from " + userCatalog);
    } else {
      AirbyteCatalog catalog = discover();
      configured =
          CatalogConfigurer.configure(
              catalog,
              streams,
              fullRefresh,
              destinationSyncModes(),
              overrides,
              runNumber,
              runNumber);
      JSON.writerWithDefaultPrettyPrinter().writeValue(catalogFile.toFile(), configured);
    }
    for (var s : configured.streams) {
      console.printf(
          "  stream %-20s %s -> %s%n",
          s.stream.name, s.syncMode.wire(), s.destinationSyncMode.wire());
    }

    Path stateFile = workDir.resolve("state.json");
    this.stateFile = stateFile;
    List<String> readArgs =
        new ArrayList<>(
            List.of("--config", sourceConfig.toString(), "--catalog", catalogFile.toString()));
    if (Files.exists(stateFile)) {
      readArgs.addAll(List.of("--state", stateFile.toString()));
      console.println("  resuming from " + stateFile);
    }
    if (interrupted) {
      throw new PipelineException("interrupted before the sync started");
    }
    Process src = start(source.command("read", readArgs, false));
    sourceProcess = src;
    Process dst =
        start(
            destination.command(
                "write",
                List.of(
                    "--config", destinationConfig.toString(), "--catalog", catalogFile.toString()),
                true));
    destinationProcess = dst;
    pipeStderr(src, "source", logs);
    pipeStderr(dst, "destination", logs);

    Progress read = new Progress(System.nanoTime());
    Map<String, JsonNode> latestStates = loadStates(stateFile);
    int[] statesCommitted = {0};

    Thread pump = new Thread(() -> pumpSource(src, dst, read), "source-to-destination");
    pump.start();
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(
        () -> read.lines(System.nanoTime()).forEach(console::println),
        progressMillis,
        progressMillis,
        TimeUnit.MILLISECONDS);
    try (BufferedReader out = reader(dst.getInputStream())) {
      String line;
      while ((line = out.readLine()) != null) {
        AirbyteMessage m = parse(line);
        if (m == null) {
          logs.println("[destination] " + line);
        } else if (m.type == AirbyteMessage.Type.STATE) {
          statesCommitted[0]++;
          recordState(m.state, latestStates, committed);
          saveStates(stateFile, latestStates);
        } else if (m.type == AirbyteMessage.Type.LOG) {
          logs.println("[destination] " + m.log.level + " " + m.log.message);
        } else if (m.type == AirbyteMessage.Type.TRACE && m.trace.error != null) {
          console.println("destination failed: " + m.trace.error.message);
        }
      }
    }
    pump.join();
    ticker.shutdownNow();
    read.lines(System.nanoTime()).forEach(console::println);
    int srcExit = waitFor(src);
    int dstExit = waitFor(dst);

    Map<String, Long> readCounts = new LinkedHashMap<>();
    for (var s : configured.streams) {
      if (read.records(s.stream.name) > 0) {
        readCounts.put(s.stream.name, read.records(s.stream.name));
      }
    }
    return new Result(
        readCounts,
        new LinkedHashMap<>(committed),
        statesCommitted[0],
        catalogFile,
        stateFile,
        srcExit,
        dstExit);
  }

  private void check(ConnectorCommand connector, Path config, String role)
      throws IOException, InterruptedException {
    List<AirbyteMessage> out =
        runToCompletion(connector.command("check", List.of("--config", config.toString()), false));
    for (AirbyteMessage m : out) {
      if (m.type == AirbyteMessage.Type.CONNECTION_STATUS) {
        if (m.connectionStatus.status
            != io.c8kit.protocol.AirbyteConnectionStatus.Status.SUCCEEDED) {
          throw new PipelineException(role + " check failed: " + m.connectionStatus.message);
        }
        console.printf("  %s check: ok%n", role);
        return;
      }
    }
    throw new PipelineException(role + " check printed no CONNECTION_STATUS" + traceOf(out));
  }

  /**
   * {@code supported_destination_sync_modes} from the destination's SPEC; empty when it declares
   * none.
   */
  private List<DestinationSyncMode> destinationSyncModes()
      throws IOException, InterruptedException {
    for (AirbyteMessage m : runToCompletion(destination.command("spec", List.of(), false))) {
      if (m.type == AirbyteMessage.Type.SPEC && m.spec != null) {
        return m.spec.supportedDestinationSyncModes == null
            ? List.of()
            : m.spec.supportedDestinationSyncModes;
      }
    }
    throw new PipelineException("destination spec printed no SPEC message");
  }

  private AirbyteCatalog discover() throws IOException, InterruptedException {
    List<AirbyteMessage> out =
        runToCompletion(
            source.command("discover", List.of("--config", sourceConfig.toString()), false));
    for (AirbyteMessage m : out) {
      if (m.type == AirbyteMessage.Type.CATALOG) {
        return m.catalog;
      }
    }
    throw new PipelineException("source discover printed no CATALOG" + traceOf(out));
  }

  private static String traceOf(List<AirbyteMessage> out) {
    for (AirbyteMessage m : out) {
      if (m.type == AirbyteMessage.Type.TRACE && m.trace.error != null) {
        return ": " + m.trace.error.message;
      }
    }
    return "";
  }

  private List<AirbyteMessage> runToCompletion(List<String> command)
      throws IOException, InterruptedException {
    Process p = start(command);
    p.getOutputStream().close();
    pipeStderr(p, "connector", logs);
    List<AirbyteMessage> messages = new ArrayList<>();
    try (BufferedReader r = reader(p.getInputStream())) {
      String line;
      while ((line = r.readLine()) != null) {
        AirbyteMessage m = parse(line);
        if (m != null) {
          messages.add(m);
        }
      }
    }
    waitFor(p);
    return messages;
  }

  /** Forwards every source line to the destination, counting records and showing progress. */
  private void pumpSource(Process src, Process dst, Progress read) {
    try (BufferedReader in = reader(src.getInputStream());
        Writer to =
            new BufferedWriter(
                new OutputStreamWriter(dst.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("{\"type\":\"RECORD\"")) {
          AirbyteMessage m = parse(line);
          if (m != null && m.record != null) {
            read.record(m.record.stream, System.nanoTime());
          }
        } else {
          reportNonRecord(line);
        }
        to.write(line);
        to.write('\n');
      }
    } catch (IOException e) {
      // The destination stopped reading: it failed; its own output says why.
      logs.println("[pipeline] stopped forwarding: " + e.getMessage());
      src.destroy();
    }
  }

  private void reportNonRecord(String line) {
    AirbyteMessage m = parse(line);
    if (m == null) {
      logs.println("[source] " + line);
      return;
    }
    if (m.type == AirbyteMessage.Type.LOG) {
      logs.println("[source] " + m.log.level + " " + m.log.message);
    } else if (m.type == AirbyteMessage.Type.TRACE && m.trace.streamStatus != null) {
      AirbyteStreamStatusTraceMessage s = m.trace.streamStatus;
      if (s.status != AirbyteStreamStatusTraceMessage.Status.RUNNING) {
        console.printf("  %-8s %s%n", s.streamDescriptor.name, s.status);
      }
    } else if (m.type == AirbyteMessage.Type.TRACE && m.trace.error != null) {
      console.println("source failed: " + m.trace.error.message);
    }
  }

  private static void recordState(
      AirbyteStateMessage state, Map<String, JsonNode> latest, Map<String, Long> committed) {
    String key =
        state.stream != null && state.stream.streamDescriptor != null
            ? state.stream.streamDescriptor.toString()
            : "_global";
    long count =
        state.destinationStats != null && state.destinationStats.recordCount != null
            ? state.destinationStats.recordCount.longValue()
            : 0L;
    committed.merge(key, count, Long::sum);
    ObjectNode copy = JSON.valueToTree(state);
    // The platform stores the state without the per-hop stats.
    copy.remove("destinationStats");
    copy.remove("sourceStats");
    copy.remove("id");
    latest.put(key, copy);
  }

  private static Map<String, JsonNode> loadStates(Path stateFile) throws IOException {
    Map<String, JsonNode> states = new LinkedHashMap<>();
    if (Files.exists(stateFile)) {
      JsonNode array = JSON.readTree(stateFile.toFile());
      for (JsonNode s : array) {
        JsonNode descriptor = s.path("stream").path("stream_descriptor");
        String key =
            descriptor.isMissingNode()
                ? "_global"
                : (descriptor.hasNonNull("namespace")
                        ? descriptor.get("namespace").asText() + "."
                        : "")
                    + descriptor.path("name").asText();
        states.put(key, s);
      }
    }
    return states;
  }

  private static void saveStates(Path stateFile, Map<String, JsonNode> states) {
    ArrayNode array = JSON.createArrayNode();
    states.values().forEach(array::add);
    try {
      Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), array);
      Files.move(
          tmp,
          stateFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + stateFile, e);
    }
  }

  private long nextRunNumber() throws IOException {
    Path counter = workDir.resolve("runs");
    long n = Files.exists(counter) ? Long.parseLong(Files.readString(counter).trim()) + 1 : 1;
    Files.writeString(counter, n + "\n");
    return n;
  }

  private static AirbyteMessage parse(String line) {
    try {
      return Protocol.parseMessage(line);
    } catch (IOException e) {
      return null;
    }
  }
}
