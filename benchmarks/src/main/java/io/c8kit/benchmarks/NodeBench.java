package io.c8kit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * node: the c8kit benchmark source against a source on the faros-airbyte-cdk (Node, {@code
 * benchmarks/node/source.js}) emitting the same records, both reading {@code --node-records}
 * records into a pipe, interleaved. Whole-process wall and CPU, as the read row. The records are
 * checked to be the same: stream and data of the first lines compared as JSON (numbers by value:
 * JavaScript writes 1234.50 as 1234.5 and 512.0 as 512), the last record's id is the count, and the
 * CDK's own log line reports that count. When the Node baseline is not installed, the row says why.
 */
final class NodeBench {
  /** Lines compared value by value from the start of both outputs. */
  static final int COMPARED_LINES = 400;

  private NodeBench() {}

  static Result run(Workspace ws) throws Exception {
    Options o = ws.options;
    long n = o.nodeRecords;
    Result r =
        new Result("read-node", String.format("read %,d records vs Node", n), "records/s")
            .target(Result.Comparison.RATIO, ">= 5.00x", 5.0);
    r.baselineLabel = "faros-airbyte-cdk source";
    Path script = o.nodeDir == null ? null : o.nodeDir.resolve("source.js");
    if (o.nodeUnavailable != null || script == null || !Files.isRegularFile(script)) {
      r.notRun =
          o.nodeUnavailable != null
              ? o.nodeUnavailable
              : o.nodeDir == null
                  ? "no Node baseline installed (run.sh installs it: benchmarks/node/install.sh)"
                  : "no " + script;
      ws.log.println("  node: not run: " + r.notRun);
      return r;
    }
    String version = nodeVersion(o.nodeDir);
    r.baselineLabel = "faros-airbyte-cdk " + version + " source";
    Path config =
        ws.writeJson(
            "node-config-" + n + ".json", Workspace.JSON.createObjectNode().put("count", n));
    Path catalog = ws.writeJson("read-catalog.json", Workspace.catalog(List.of("rows")));
    for (int i = 0; i < o.nodeRuns; i++) {
      Launcher.Run a = ws.runOk(ws.measured("read c8kit", ws.benchRead(config, catalog)));
      Launcher.Run b =
          ws.runOk(
              ws.spec(
                  "read node",
                  List.of(
                      "node",
                      script.toString(),
                      "read",
                      "--config",
                      config.toString(),
                      "--catalog",
                      catalog.toString())));
      if (i == 0) {
        verify(a, b, n);
      }
      ReadBench.add(r, a, b, n);
      ws.log.printf(
          "  node run %d/%d: c8kit %s, Node %s%n",
          i + 1, o.nodeRuns, ReadBench.figures(a, n), ReadBench.figures(b, n));
    }
    r.details.put("cdkVersion", version);
    r.details.put(
        "verified",
        "stream and data of the first "
            + COMPARED_LINES
            + " records equal as JSON "
            + "(numbers by value), last record id = count, the CDK logs the count");
    r.note =
        "the Node source writes {\"record\":…,\"type\":\"RECORD\"} and numbers as JavaScript prints them "
            + "(1234.5 for 1234.50, 512 for 512.0): a few bytes shorter per record";
    return r;
  }

  private static String nodeVersion(Path dir) {
    try {
      JsonNode p =
          Workspace.JSON.readTree(
              dir.resolve("node_modules/faros-airbyte-cdk/package.json").toFile());
      return p.path("version").asText("?");
    } catch (Exception e) {
      return "?";
    }
  }

  /** The same records in the same order (see the class comment). */
  static void verify(Launcher.Run c8kit, Launcher.Run node, long records) throws Exception {
    ReadBench.Lines a = ReadBench.Lines.of(c8kit);
    ReadBench.Lines b = ReadBench.Lines.of(node);
    int compared = Math.min(COMPARED_LINES, Math.min(a.firstTailIndex, b.firstTailIndex));
    if (compared == 0 || b.recordLines.isEmpty()) {
      throw new IllegalStateException("the Node source wrote no RECORD lines");
    }
    for (int k = 0; k < compared; k++) {
      JsonNode x = Workspace.JSON.readTree(a.recordLines.get(k)).path("record");
      JsonNode y = Workspace.JSON.readTree(b.recordLines.get(k)).path("record");
      if (!x.path("stream").equals(y.path("stream"))
          || !x.path("data").equals(ReadBench.NUMBERS_BY_VALUE, y.path("data"))) {
        throw new IllegalStateException(
            "RECORD "
                + (k + 1)
                + " differs:\n  c8kit: "
                + a.recordLines.get(k)
                + "\n  Node:  "
                + b.recordLines.get(k));
      }
    }
    JsonNode last = Workspace.JSON.readTree(b.recordLines.get(b.recordLines.size() - 1));
    long lastId = last.path("record").path("data").path("id").asLong(-1);
    String tail = new String(node.tail.length > 0 ? node.tail : node.head, StandardCharsets.UTF_8);
    if (lastId != records || !tail.contains("Read " + records + " records")) {
      throw new IllegalStateException(
          "the Node source did not emit "
              + records
              + " records: last id "
              + lastId
              + ", tail: "
              + tail.substring(Math.max(0, tail.length() - 1500)));
    }
  }
}
