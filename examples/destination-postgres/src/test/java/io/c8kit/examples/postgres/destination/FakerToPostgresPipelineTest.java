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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {
              "write",
              "--config",
              file("dst.json", Sync.config(target, true)).toString(),
              "--catalog",
              file("catalog.json", catalog).toString()
            },
            new ByteArrayInputStream(messages.getBytes(StandardCharsets.UTF_8)),
            out,
            err);
    assertEquals(
        0, exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    Map<String, JsonNode> latest = new HashMap<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode m = line.isBlank() ? null : Sync.JSON.readTree(line);
      if (m != null && "STATE".equals(m.path("type").asText())) {
        latest.put(m.at("/state/stream/stream_descriptor/name").asText(), m.get("state"));
      }
    }
    echoed.clear();
    echoed.addAll(latest.values());
    return sent;
  }

  @Test
  void twoSyncsWithDedupAndOverwrite() throws Exception {
    Path config =
        file(
            "faker.json",
            Sync.JSON.readTree(
                "{\"count\": 300, \"seed\": 7, \"records_per_slice\": 50, \"always_updated\": true}"));
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
}
