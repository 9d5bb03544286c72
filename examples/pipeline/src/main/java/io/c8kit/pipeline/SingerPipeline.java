package io.c8kit.pipeline;

import static io.c8kit.pipeline.ChildProcesses.pipeStderr;
import static io.c8kit.pipeline.ChildProcesses.start;
import static io.c8kit.pipeline.ChildProcesses.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One local sync in Singer mode ({@code --protocol singer}), the way Singer's docs and Meltano run
 * it: {@code tap --discover}, select the streams in the catalog's metadata, pipe {@code tap
 * --catalog [--state]} into {@code target}, and keep the last state value the target printed (only
 * committed data) for the next run.
 */
final class SingerPipeline {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TAP = "io.c8kit.singer.TapMain";
  private static final String TARGET = "io.c8kit.singer.TargetMain";

  private final ConnectorCommand tap;
  private final Path tapConfig;
  private final ConnectorCommand target;
  private final Path targetConfig;
  private final Path workDir;
  private final Set<String> streams;
  private final boolean fullTable;
  private final PrintStream console;
  private final PrintStream logs;

  SingerPipeline(
      ConnectorCommand tap,
      Path tapConfig,
      ConnectorCommand target,
      Path targetConfig,
      Path workDir,
      Set<String> streams,
      boolean fullTable,
      PrintStream console,
      PrintStream logs) {
    this.tap = tap;
    this.tapConfig = tapConfig;
    this.target = target;
    this.targetConfig = targetConfig;
    this.workDir = workDir;
    this.streams = streams;
    this.fullTable = fullTable;
    this.console = console;
    this.logs = logs;
  }

  Pipeline.Result run() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    console.printf("c8kit pipeline (Singer): %s -> %s%n", tap.displayName(), target.displayName());
    Path catalogFile = workDir.resolve("singer-catalog.json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(catalogFile.toFile(), select(discover()));
    Path stateFile = workDir.resolve("singer-state.json");
    List<String> tapArgs =
        new ArrayList<>(
            List.of("--config", tapConfig.toString(), "--catalog", catalogFile.toString()));
    if (Files.exists(stateFile)) {
      tapArgs.addAll(List.of("--state", stateFile.toString()));
      console.println("  resuming from " + stateFile);
    }
    Process src = start(tap.singerCommand(TAP, tapArgs, false));
    Process dst =
        start(target.singerCommand(TARGET, List.of("--config", targetConfig.toString()), true));
    pipeStderr(src, "tap", logs);
    pipeStderr(dst, "target", logs);
    Map<String, AtomicLong> read = new LinkedHashMap<>();
    Thread pump = new Thread(() -> pump(src, dst, read), "tap-to-target");
    pump.start();
    int states = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(dst.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        try {
          JSON.readTree(line);
        } catch (IOException e) {
          logs.println("[target] " + line);
          continue;
        }
        states++;
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        Files.writeString(tmp, line + "\n");
        Files.move(
            tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    pump.join();
    int srcExit = waitFor(src);
    int dstExit = waitFor(dst);
    Map<String, Long> counts = new LinkedHashMap<>();
    read.forEach((k, v) -> counts.put(k, v.get()));
    // a Singer target reports committed states, not committed counts: everything read before the
    // last
    // printed state is committed when both succeeded
    Map<String, Long> committed = srcExit == 0 && dstExit == 0 ? counts : Map.of();
    return new Pipeline.Result(counts, committed, states, catalogFile, stateFile, srcExit, dstExit);
  }

  private JsonNode discover() throws IOException, InterruptedException {
    Process p =
        start(
            tap.singerCommand(TAP, List.of("--config", tapConfig.toString(), "--discover"), false));
    p.getOutputStream().close();
    pipeStderr(p, "tap", logs);
    byte[] out = p.getInputStream().readAllBytes();
    if (waitFor(p) != 0) {
      throw new PipelineException("tap --discover failed (its stderr is above)");
    }
    return JSON.readTree(out);
  }

  /** Selects the wanted streams (all when none named) and, with --full-refresh, FULL_TABLE. */
  private JsonNode select(JsonNode catalog) {
    for (JsonNode s : catalog.path("streams")) {
      ObjectNode root = (ObjectNode) s.get("metadata").get(0).get("metadata");
      boolean selected =
          streams.isEmpty()
              || streams.contains(s.get("stream").asText())
              || streams.contains(s.get("tap_stream_id").asText());
      root.put("selected", selected);
      boolean forcedIncremental =
          "INCREMENTAL".equals(root.path("forced-replication-method").asText());
      if (fullTable && !forcedIncremental) {
        root.put("replication-method", "FULL_TABLE");
      }
      if (selected) {
        console.printf(
            "  stream %-20s %s%n",
            s.get("tap_stream_id").asText(),
            root.path("replication-method")
                .asText(root.has("valid-replication-keys") ? "INCREMENTAL" : "FULL_TABLE"));
      }
    }
    return catalog;
  }

  private void pump(Process src, Process dst, Map<String, AtomicLong> read) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(src.getInputStream(), StandardCharsets.UTF_8));
        Writer to =
            new BufferedWriter(
                new OutputStreamWriter(dst.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("{\"type\": \"RECORD\", \"stream\": \"")) {
          int start = "{\"type\": \"RECORD\", \"stream\": \"".length();
          String stream = line.substring(start, line.indexOf('"', start));
          read.computeIfAbsent(stream, k -> new AtomicLong()).incrementAndGet();
        }
        to.write(line);
        to.write('\n');
      }
    } catch (IOException e) {
      logs.println("[pipeline] stopped forwarding: " + e.getMessage());
      src.destroy();
    }
  }
}
