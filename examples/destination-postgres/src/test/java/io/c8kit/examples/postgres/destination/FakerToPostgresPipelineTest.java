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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * faker → postgres: the faker source's runnable jar piped into this destination, twice: users and
 * purchases incremental + append_dedup, products full refresh + overwrite. Row counts equal the
 * records the source sent (per stream), and after a second sync that re-emits every user with a new
 * updated_at, dedup still leaves exactly one row per id.
 */
class FakerToPostgresPipelineTest {
  static PostgresTestServer target;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    target = PostgresTestServer.start("c8k_pipe_faker");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (target != null) {
      target.close();
    }
  }

  private static Path jar() {
    Path jar =
        Path.of(
            System.getProperty("c8kit.sourceFakerJar", "../source-faker/target/source-faker.jar"));
    if (!Files.isRegularFile(jar)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("the source-faker jar is missing: " + jar);
      }
      Assumptions.abort("build examples/source-faker first (missing " + jar + ")");
    }
    return jar;
  }

  private String faker(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString()));
    cmd.addAll(List.of(args));
    Path err = dir.resolve("faker-stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), "faker " + args[0] + " failed: " + Files.readString(err));
    return new String(out, StandardCharsets.UTF_8);
  }

  private Path file(String name, JsonNode json) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, json.toString());
    return f;
  }

  /**
   * Runs one sync; returns the records the source sent per stream and the destination's last
   * states.
   */
  private Map<String, Integer> sync(
      Path config, ObjectNode catalog, List<JsonNode> states, List<JsonNode> echoed)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "read",
                "--config",
                config.toString(),
                "--catalog",
                file("catalog.json", catalog).toString()));
    if (!states.isEmpty()) {
      ArrayNode s = Sync.JSON.createArrayNode();
      states.forEach(s::add);
      args.addAll(List.of("--state", file("state.json", s).toString()));
    }
    String messages = faker(args.toArray(String[]::new));
    Map<String, Integer> sent = new HashMap<>();
    for (String line : messages.split("\n")) {
      JsonNode m = line.isBlank() ? null : Sync.JSON.readTree(line);
      if (m != null && "RECORD".equals(m.path("type").asText())) {
        sent.merge(m.at("/record/stream").asText(), 1, Integer::sum);
      }
    }
    String out = write(messages, catalog, Sync.config(target, true));
    Map<String, JsonNode> latest = new HashMap<>();
    for (String line : out.split("\n")) {
      JsonNode m = line.isBlank() ? null : Sync.JSON.readTree(line);
      if (m != null && "STATE".equals(m.path("type").asText())) {
        latest.put(m.at("/state/stream/stream_descriptor/name").asText(), m.get("state"));
      }
    }
    echoed.clear();
    echoed.addAll(latest.values());
    return sent;
  }

  /** A faker config that re-emits every user on each sync ({@code always_updated}). */
  private Path fakerConfig(int count, int seed, int recordsPerSlice) throws Exception {
    ObjectNode c =
        Sync.JSON
            .createObjectNode()
            .put("count", count)
            .put("seed", seed)
            .put("records_per_slice", recordsPerSlice)
            .put("always_updated", true);
    return file("faker.json", c);
  }

  /** Runs this destination's {@code write} in-process over {@code messages}; returns its stdout. */
  private String write(String messages, ObjectNode catalog, ObjectNode destination)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {
              "write",
              "--config",
              file("dst.json", destination).toString(),
              "--catalog",
              file("catalog.json", catalog).toString()
            },
            new ByteArrayInputStream(messages.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    assertEquals(
        0, exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The faker's streams as discovered with {@code config}: users and purchases incremental +
   * append_dedup on updated_at, products full refresh + overwrite, all keyed by id.
   */
  private ObjectNode configuredCatalog(Path config) throws Exception {
    JsonNode catalog = null;
    for (String line : faker("discover", "--config", config.toString()).split("\n")) {
      JsonNode m = line.isBlank() ? null : Sync.JSON.readTree(line);
      if (m != null && "CATALOG".equals(m.path("type").asText())) {
        catalog = m.get("catalog");
      }
    }
    ObjectNode configured = Sync.JSON.createObjectNode();
    for (JsonNode s : catalog.get("streams")) {
      ObjectNode cs = configured.withArray("streams").addObject();
      cs.set("stream", s);
      boolean incremental =
          s.get("name").asText().equals("users") || s.get("name").asText().equals("purchases");
      cs.put("sync_mode", incremental ? "incremental" : "full_refresh");
      cs.put("destination_sync_mode", incremental ? "append_dedup" : "overwrite");
      if (incremental) {
        cs.putArray("cursor_field").add("updated_at");
      }
      cs.putArray("primary_key").addArray().add("id");
    }
    return configured;
  }

  @Test
  void twoSyncsWithDedupAndOverwrite() throws Exception {
    Path config = fakerConfig(300, 7, 50);
    ObjectNode configured = configuredCatalog(config);
    List<JsonNode> states = new ArrayList<>();
    Map<String, Integer> sent = sync(config, configured, List.of(), states);
    assertEquals(300, sent.get("users"));
    assertEquals(300, target.count("SELECT count(*) FROM users"));
    assertEquals(100, target.count("SELECT count(*) FROM products"));
    assertEquals((long) sent.get("purchases"), target.count("SELECT count(*) FROM purchases"));

    Map<String, Integer> second = sync(config, configured, new ArrayList<>(states), states);
    assertTrue(second.getOrDefault("users", 0) > 0, "always_updated re-emits users: " + second);
    assertEquals(300, target.count("SELECT count(*) FROM users"));
    assertEquals(300, target.count("SELECT count(DISTINCT id) FROM users"));
    assertEquals(
        target.count("SELECT count(DISTINCT id) FROM purchases"),
        target.count("SELECT count(*) FROM purchases"));
    assertEquals(
        100, target.count("SELECT count(*) FROM products"), "overwrite replaced, not appended");
  }

  /**
   * The same input written with one writing thread and with three (one per stream, batches of 300
   * records, so that many batches of different streams are under way at once) leaves the same rows
   * in every table and echoes the same STATE lines in the same order, over two syncs (dedup and
   * overwrite included).
   */
  @Test
  void writingStreamsAtOnceLeavesWhatWritingThemInTurnLeaves() throws Exception {
    Path config = fakerConfig(3000, 11, 200);
    ObjectNode configured = configuredCatalog(config);
    String messages =
        faker(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            file("catalog.json", configured).toString());
    Map<String, List<String>> echoed = new HashMap<>();
    Map<String, List<List<String>>> tables = new HashMap<>();
    for (String threads : List.of("1", "3")) {
      String schema = target.schema() + "_w" + threads;
      ObjectNode destination = Sync.config(target, true).put("schema", schema);
      System.setProperty("C8KIT_WRITE_CONCURRENCY", threads);
      System.setProperty("C8KIT_FLUSH_RECORDS", "300");
      try {
        List<String> states = new ArrayList<>();
        for (int sync = 0; sync < 2; sync++) {
          String out = write(messages, configured, destination);
          assertEquals(
              !threads.equals("1"),
              out.contains("writing up to 3 streams at once"),
              "the engine's LOG line on concurrency");
          for (String line : out.split("\n")) {
            if (line.startsWith("{\"type\":\"STATE\"")) {
              states.add(line);
            }
          }
        }
        echoed.put(threads, states);
        for (String table : List.of("users", "products", "purchases")) {
          tables.put(
              threads + table,
              target.rows(
                  "SELECT (to_jsonb(t) - '_airbyte_raw_id' - '_airbyte_loaded_at')::text FROM "
                      + schema
                      + "."
                      + table
                      + " t ORDER BY 1"));
        }
      } finally {
        System.clearProperty("C8KIT_WRITE_CONCURRENCY");
        System.clearProperty("C8KIT_FLUSH_RECORDS");
        target.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
    assertTrue(echoed.get("1").size() > 10, "states echoed: " + echoed.get("1").size());
    assertEquals(echoed.get("1"), echoed.get("3"), "the STATE lines, in order");
    for (String table : List.of("users", "products", "purchases")) {
      List<List<String>> one = tables.get("1" + table);
      assertTrue(!one.isEmpty(), table + " is empty");
      assertEquals(one, tables.get("3" + table), table);
    }
    assertEquals(3000, tables.get("1users").size(), "dedup keeps one row per user");
  }
}
