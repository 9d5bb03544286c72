package io.c8kit.examples.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.airbyte.ConnectorCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a configured catalog and the input of one {@code write} run, then runs it in-process
 * through {@code ConnectorCli.run(new PostgresConnector(), …)}. Hooks can run just before a given
 * input line is handed to the connector (the input is served one line per read, so the connector
 * cannot read ahead).
 */
final class Sync {
  /** Keeps numbers exact: 12345678901234567890.123456789 must reach the connector as written. */
  static final ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .disable(
              com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final ArrayNode streams = JSON.createArrayNode();
  private final List<String> lines = new ArrayList<>();
  private final Map<Integer, ThrowingRunnable> hooks = new HashMap<>();

  /** A condition polled by tests. */
  @FunctionalInterface
  interface Condition {
    boolean test() throws Exception;
  }

  /** Runs before a line is served. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Adds a configured stream. */
  Sync stream(
      String name,
      String namespace,
      String jsonSchema,
      String destinationSyncMode,
      List<String> primaryKey,
      String cursor,
      long generation,
      long minimumGeneration) {
    try {
      ObjectNode s = JSON.createObjectNode();
      s.put("name", name);
      if (namespace != null) {
        s.put("namespace", namespace);
      }
      s.set("json_schema", JSON.readTree(jsonSchema));
      s.putArray("supported_sync_modes").add("full_refresh").add("incremental");
      ObjectNode c = JSON.createObjectNode();
      c.set("stream", s);
      c.put("sync_mode", destinationSyncMode.equals("overwrite") ? "full_refresh" : "incremental");
      c.put("destination_sync_mode", destinationSyncMode);
      if (primaryKey != null) {
        ArrayNode pk = c.putArray("primary_key");
        primaryKey.forEach(k -> pk.addArray().add(k));
      }
      if (cursor != null) {
        c.putArray("cursor_field").add(cursor);
      }
      c.put("generation_id", generation);
      c.put("minimum_generation_id", minimumGeneration);
      c.put("sync_id", 100 + generation);
      streams.add(c);
      return this;
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode descriptor(String name, String namespace) {
    ObjectNode d = JSON.createObjectNode().put("name", name);
    if (namespace != null) {
      d.put("namespace", namespace);
    }
    return d;
  }

  Sync record(String stream, String namespace, String data) {
    try {
      ObjectNode r = JSON.createObjectNode().put("stream", stream);
      if (namespace != null) {
        r.put("namespace", namespace);
      }
      r.set("data", JSON.readTree(data));
      r.put("emitted_at", 1_700_000_000_000L + lines.size());
      lines.add(JSON.createObjectNode().put("type", "RECORD").set("record", r).toString());
      return this;
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  Sync state(String stream, String namespace, int marker) {
    ObjectNode st = JSON.createObjectNode().put("type", "STREAM");
    ObjectNode s = st.putObject("stream");
    s.set("stream_descriptor", descriptor(stream, namespace));
    s.putObject("stream_state").put("marker", marker);
    lines.add(JSON.createObjectNode().put("type", "STATE").set("state", st).toString());
    return this;
  }

  Sync complete(String stream, String namespace) {
    ObjectNode t = JSON.createObjectNode().put("type", "STREAM_STATUS").put("emitted_at", 1.7e12);
    ObjectNode ss = t.putObject("stream_status");
    ss.set("stream_descriptor", descriptor(stream, namespace));
    ss.put("status", "COMPLETE");
    lines.add(JSON.createObjectNode().put("type", "TRACE").set("trace", t).toString());
    return this;
  }

  /** Runs {@code hook} just before the next line added is served. */
  Sync beforeNext(ThrowingRunnable hook) {
    hooks.put(lines.size(), hook);
    return this;
  }

  /** The result of a run: exit code, stdout messages, stderr. */
  record Result(int exit, List<JsonNode> messages, String stdout, String stderr) {
    List<JsonNode> states() {
      return messages.stream().filter(m -> m.path("type").asText().equals("STATE")).toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  Result write(Path dir, ObjectNode config) throws IOException {
    Path configFile = dir.resolve("config.json");
    Files.writeString(configFile, config.toString());
    Path catalogFile = dir.resolve("catalog.json");
    ObjectNode catalog = JSON.createObjectNode();
    catalog.set("streams", streams);
    Files.writeString(catalogFile, catalog.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {
              "write", "--config", configFile.toString(), "--catalog", catalogFile.toString()
            },
            new LineStream(),
            out,
            err);
    List<JsonNode> messages = new ArrayList<>();
    String stdout = out.toString(StandardCharsets.UTF_8);
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        messages.add(JSON.readTree(line));
      }
    }
    return new Result(exit, messages, stdout, err.toString(StandardCharsets.UTF_8));
  }

  /** Serves the lines one read at a time, running each line's hook first. */
  private final class LineStream extends InputStream {
    private int next;
    private byte[] current = new byte[0];
    private int pos;

    private boolean advance() throws IOException {
      while (pos >= current.length) {
        if (next >= lines.size()) {
          return false;
        }
        ThrowingRunnable hook = hooks.get(next);
        if (hook != null) {
          try {
            hook.run();
          } catch (Exception e) {
            throw new IOException("hook before line " + next + " failed: " + e, e);
          } catch (AssertionError e) {
            hookFailure = e;
          }
        }
        current = (lines.get(next++) + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return advance() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!advance()) {
        return -1;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** An assertion that failed inside a hook (rethrown by {@link #assertHooksPassed()}). */
  AssertionError hookFailure;

  void assertHooksPassed() {
    if (hookFailure != null) {
      throw hookFailure;
    }
  }

  static ObjectNode config(PostgresTestServer pg, boolean useCopy) {
    ObjectNode c = JSON.createObjectNode();
    c.put("host", pg.host())
        .put("port", pg.port())
        .put("database", pg.database())
        .put("username", pg.user())
        .put("password", pg.password())
        .put("schema", pg.schema())
        .put("use_copy", useCopy);
    return c;
  }
}
