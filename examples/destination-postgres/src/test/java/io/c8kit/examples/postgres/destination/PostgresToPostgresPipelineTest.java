package io.c8kit.examples.postgres.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.airbyte.ConnectorCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * postgres → postgres: the source's runnable jar ({@code java -jar source-postgres.jar read}) piped
 * into this destination's {@code write}, the way the platform runs a sync: discover, configure the
 * catalog, read, rewrite the namespace to the destination's (the platform's "custom namespace"),
 * write, keep the destination's echoed state for the next, incremental, sync. Row counts, values
 * and dedup are checked in the target database.
 */
class PostgresToPostgresPipelineTest {
  static PostgresTestServer source;
  static PostgresTestServer target;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws Exception {
    source = PostgresTestServer.start("c8k_pipe_src");
    target = PostgresTestServer.start("c8k_pipe_dst");
    source.sql(
        "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, balance numeric(14, 4),"
            + " tags text[], doc jsonb, born date, updated_at timestamptz NOT NULL)",
        "INSERT INTO customers SELECT g, 'c' || g, g * 1.0001, ARRAY['t' || (g % 3), 'x'],"
            + " jsonb_build_object('g', g, 'even', g % 2 = 0), date '1990-01-01' + g,"
            + " timestamptz '2024-01-01 00:00:00+00' + (g / 100) * interval '1 hour'"
            + " FROM generate_series(1, 5000) g",
        "CREATE TABLE events (kind text, at timestamp)",
        "INSERT INTO events SELECT 'k' || (g % 7), timestamp '2024-01-01' + g * interval '1 second'"
            + " FROM generate_series(1, 1000) g");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  private static Path sourceJar() {
    Path jar =
        Path.of(
            System.getProperty(
                "c8kit.sourcePostgresJar", "../source-postgres/target/source-postgres.jar"));
    if (!Files.isRegularFile(jar)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("the source-postgres jar is missing: " + jar);
      }
      Assumptions.abort("build examples/source-postgres first (missing " + jar + ")");
    }
    return jar;
  }

  /** Runs the source jar; returns its stdout. */
  private byte[] sourceJar(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                sourceJar().toString()));
    cmd.addAll(List.of(args));
    Path err = dir.resolve("source-stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(
        0,
        p.exitValue(),
        "source "
            + args[0]
            + " failed:\n"
            + new String(out, StandardCharsets.UTF_8)
            + Files.readString(err));
    return out;
  }

  private Path write(String name, JsonNode json) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, json.toString());
    return f;
  }

  private ObjectNode sourceConfig() {
    ObjectNode c = Sync.JSON.createObjectNode();
    c.put("host", source.host())
        .put("port", source.port())
        .put("database", source.database())
        .put("username", source.user())
        .put("password", source.password());
    c.putArray("schemas").add(source.schema());
    return c;
  }

  private ObjectNode configuredCatalog() throws Exception {
    byte[] out = sourceJar("discover", "--config", write("src.json", sourceConfig()).toString());
    JsonNode catalog = null;
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      JsonNode m = Sync.JSON.readTree(line);
      if ("CATALOG".equals(m.path("type").asText())) {
        catalog = m.get("catalog");
      }
    }
    ObjectNode configured = Sync.JSON.createObjectNode();
    ArrayNode streams = configured.putArray("streams");
    for (JsonNode s : catalog.get("streams")) {
      ObjectNode cs = streams.addObject();
      cs.set("stream", s);
      if (s.get("name").asText().equals("customers")) {
        cs.put("sync_mode", "incremental").put("destination_sync_mode", "append_dedup");
        cs.putArray("cursor_field").add("updated_at");
        cs.putArray("primary_key").addArray().add("id");
      } else {
        cs.put("sync_mode", "full_refresh").put("destination_sync_mode", "overwrite");
      }
      cs.put("generation_id", 1).put("minimum_generation_id", 0).put("sync_id", 1);
    }
    return configured;
  }

  /** The platform's namespace mapping: every stream, record and state goes to the target schema. */
  private String toTargetNamespace(byte[] sourceOutput) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String line : new String(sourceOutput, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode m = (ObjectNode) Sync.JSON.readTree(line);
      switch (m.path("type").asText()) {
        case "RECORD" -> ((ObjectNode) m.get("record")).put("namespace", target.schema());
        case "STATE" ->
            ((ObjectNode) m.at("/state/stream/stream_descriptor"))
                .put("namespace", target.schema());
        case "TRACE" -> {
          if (m.at("/trace/stream_status/stream_descriptor").isObject()) {
            ((ObjectNode) m.at("/trace/stream_status/stream_descriptor"))
                .put("namespace", target.schema());
          }
        }
        default -> {}
      }
      out.append(m).append('\n');
    }
    return out.toString();
  }

  /**
   * One sync; returns the destination's echoed states (with the source's namespace, for the next
   * read).
   */
  private List<JsonNode> sync(ObjectNode catalog, List<JsonNode> states) throws Exception {
    Path catalogFile = write("catalog.json", catalog);
    List<String> args =
        new ArrayList<>(
            List.of(
                "read",
                "--config",
                write("src.json", sourceConfig()).toString(),
                "--catalog",
                catalogFile.toString()));
    if (!states.isEmpty()) {
      ArrayNode stateFile = Sync.JSON.createArrayNode();
      states.forEach(stateFile::add);
      args.addAll(List.of("--state", write("state.json", stateFile).toString()));
    }
    String records = toTargetNamespace(sourceJar(args.toArray(String[]::new)));
    ObjectNode destCatalog = catalog.deepCopy();
    for (JsonNode s : destCatalog.get("streams")) {
      ((ObjectNode) s.get("stream")).put("namespace", target.schema());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {
              "write",
              "--config",
              write("dst.json", Sync.config(target, true)).toString(),
              "--catalog",
              write("dst-catalog.json", destCatalog).toString()
            },
            new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    assertEquals(
        0, exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    List<JsonNode> echoed = new ArrayList<>();
    java.util.Map<String, JsonNode> latest = new java.util.LinkedHashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode m = Sync.JSON.readTree(line);
      if ("STATE".equals(m.path("type").asText())) {
        ObjectNode state = (ObjectNode) m.get("state").deepCopy();
        ((ObjectNode) state.at("/stream/stream_descriptor")).put("namespace", source.schema());
        latest.put(state.at("/stream/stream_descriptor/name").asText(), state);
      }
    }
    echoed.addAll(latest.values());
    return echoed;
  }

  @Test
  void fullThenIncrementalSyncWithDedup() throws Exception {
    ObjectNode catalog = configuredCatalog();
    List<JsonNode> states = sync(catalog, List.of());
    assertEquals(5000, target.count("SELECT count(*) FROM customers"));
    assertEquals(1000, target.count("SELECT count(*) FROM events"));
    // Values arrive exactly: numeric sums, arrays and jsonb, dates.
    assertEquals(
        source.rows(
            "SELECT sum(balance)::text, min(born)::text, max(updated_at)::text FROM customers"),
        target.rows(
            "SELECT sum(balance)::text, min(born)::text, max(updated_at)::text FROM customers"));
    assertEquals(
        List.of(List.of("[\"t1\", \"x\"]", "{\"g\": 7, \"even\": false}")),
        target.rows("SELECT tags::text, doc::text FROM customers WHERE id = 7"));

    source.sql(
        "UPDATE customers SET name = 'updated', updated_at = timestamptz '2024-06-01 00:00:00+00'"
            + " WHERE id <= 10",
        "INSERT INTO customers SELECT g, 'new' || g, 0, NULL, NULL, NULL,"
            + " timestamptz '2024-06-02 00:00:00+00' FROM generate_series(5001, 5005) g");
    sync(catalog, states);
    assertEquals(5005, target.count("SELECT count(*) FROM customers"));
    assertEquals(5005, target.count("SELECT count(DISTINCT id) FROM customers"));
    assertEquals(10, target.count("SELECT count(*) FROM customers WHERE name = 'updated'"));
    assertEquals(
        1000, target.count("SELECT count(*) FROM events"), "overwrite replaced, not appended");
  }
}
