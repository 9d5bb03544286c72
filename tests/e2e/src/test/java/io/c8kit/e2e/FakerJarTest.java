package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.examples.faker.FakerConnector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faker source's runnable jar as a separate JVM, the way a user or the platform runs it: every
 * command, both command forms, exit codes, the read's message sequence and state, incremental
 * resume from the states it printed, and that the jar's output equals the in-process connector's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakerJarTest {
  private static final List<String> STREAMS = List.of("users", "products", "purchases");

  @TempDir static Path dir;
  private Path jar;
  private JsonNode catalog;

  @BeforeAll
  void discoverOnce() {
    jar = Artifacts.jar(Artifacts.SOURCE_FAKER);
    Path config = Proc.json(dir, "discover-config.json", "{\"count\": 5}");
    Proc.Result r = Proc.jar(jar, dir, "discover", "--config", config.toString());
    assertEquals(0, r.exitCode(), r::toString);
    catalog = r.messages().only("CATALOG").get("catalog");
  }

  private Proc.Result run(String... args) {
    return Proc.jar(jar, dir, args);
  }

  private Path config(String name, String json) {
    return Proc.json(dir, name, json);
  }

  // ---------------------------------------------------------------------------------------- spec

  @Test
  void specPrintsOneSpecMessageInBothCommandForms() {
    Proc.Result plain = run("spec");
    Proc.Result dashed = run("--spec");
    for (Proc.Result r : List.of(plain, dashed)) {
      assertEquals(0, r.exitCode(), r::toString);
      Messages m = r.messages();
      JsonNode spec = m.only("SPEC").get("spec");
      assertEquals(
          List.of("SPEC"), m.types().stream().filter(t -> !t.equals("LOG")).toList(), r::toString);
      JsonNode props = spec.path("connectionSpecification").path("properties");
      for (String p :
          List.of("count", "seed", "records_per_slice", "always_updated", "parallelism")) {
        assertTrue(props.has(p), () -> "spec lacks property " + p + ": " + spec);
      }
      assertEquals(1000, props.path("count").path("default").asInt(), spec::toString);
      assertEquals(
          "https://docs.airbyte.com/integrations/sources/faker",
          spec.path("documentationUrl").asText());
    }
    assertEquals(plain.messages().only("SPEC"), dashed.messages().only("SPEC"));
  }

  @Test
  void specOfTheJarEqualsTheInProcessConnectorsSpec() {
    // Exactly `java -jar source-faker.jar spec`, without the tests' start-up flags.
    Proc.Result r = Proc.plainJar(jar, dir, "spec");
    InProcess ip = InProcess.run("spec");
    assertEquals(0, ip.exitCode, ip.stdout);
    assertEquals(ip.messages().only("SPEC"), r.messages().only("SPEC"));
    // The jar answers spec on the generated main's fast path; the in-process run goes through the
    // full CLI. Both must write the same bytes.
    assertEquals(ip.stdout, r.stdout());
    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void helpGoesToStderrAndExitsZero() {
    Proc.Result r = run("--help");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.messages().all().isEmpty(), r::toString);
    assertTrue(r.stderr().contains("Usage:"), r::toString);
  }

  // --------------------------------------------------------------------------------------- check

  @Test
  void checkSucceedsForEmptyAndSmallConfigs() {
    for (String json : List.of("{}", "{\"count\":10}")) {
      Path config = config("check-good.json", json);
      String command = json.equals("{}") ? "check" : "--check";
      {
        Proc.Result r = run(command, "--config", config.toString());
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode status = r.messages().only("CONNECTION_STATUS").get("connectionStatus");
        assertEquals("SUCCEEDED", status.path("status").asText(), () -> json + ": " + r);
      }
    }
  }

  @Test
  void checkWithTheEmptyCatalogArgumentOfThePlatformScriptStillSucceeds() {
    Path config = config("check-empty-catalog.json", "{}");
    Proc.Result r = run("check", "--config", config.toString(), "--catalog", "");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(
        "SUCCEEDED",
        r.messages().only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());
  }

  @Test
  void checkOfAnInvalidConfigIsAFailedStatusWithExitZero() {
    Map<String, String> bad =
        Map.of(
            "{\"count\":\"foo\"}", "count",
            "{\"count\":0}", "count",
            "not json at all", "");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path config = config("check-bad.json", e.getKey());
      Proc.Result r = run("check", "--config", config.toString());
      assertEquals(0, r.exitCode(), () -> e.getKey() + ": " + r);
      JsonNode status = r.messages().only("CONNECTION_STATUS").get("connectionStatus");
      assertEquals("FAILED", status.path("status").asText(), () -> e.getKey() + ": " + r);
      assertTrue(
          status.path("message").asText().contains(e.getValue()), () -> e.getKey() + ": " + status);
    }
  }

  @Test
  void checkWithoutConfigIsAUsageErrorWithExitTwo() {
    Proc.Result r = run("check");
    assertEquals(2, r.exitCode(), r::toString);
    JsonNode error = r.messages().traceErrors().get(0);
    assertEquals("config_error", error.path("failure_type").asText(), r::toString);
    assertTrue(r.stderr().contains("--config"), r::toString);
  }

  // ------------------------------------------------------------------------------------ discover

  @Test
  void discoverListsThreeStreamsWithCursorsAndPrimaryKeys() {
    Path config = config("discover-dashed.json", "{}");
    Proc.Result dashed = run("--discover", "--config", config.toString());
    assertEquals(0, dashed.exitCode(), dashed::toString);
    assertEquals(
        catalog, dashed.messages().only("CATALOG").get("catalog"), "both forms discover the same");

    List<JsonNode> streams =
        StreamSupport.stream(catalog.get("streams").spliterator(), false).toList();
    assertEquals(STREAMS, streams.stream().map(s -> s.get("name").asText()).toList());
    for (JsonNode s : streams) {
      String name = s.get("name").asText();
      assertEquals("[[\"id\"]]", s.path("source_defined_primary_key").toString(), name);
      JsonNode props = s.path("json_schema").path("properties");
      assertEquals("integer", props.path("id").path("type").asText(), name);
      assertEquals("date-time", props.path("updated_at").path("format").asText(), name);
      assertTrue(s.path("is_resumable").asBoolean(), name);
      if (name.equals("products")) {
        assertEquals("[\"full_refresh\"]", s.path("supported_sync_modes").toString());
        assertFalse(s.path("source_defined_cursor").asBoolean());
      } else {
        assertEquals(
            "[\"full_refresh\",\"incremental\"]", s.path("supported_sync_modes").toString(), name);
        assertTrue(s.path("source_defined_cursor").asBoolean(), name);
        assertEquals("[\"updated_at\"]", s.path("default_cursor_field").toString(), name);
      }
    }
    JsonNode users = streams.get(0).path("json_schema").path("properties");
    for (String field :
        List.of("name", "email", "age", "created_at", "academic_degree", "blood_type")) {
      assertTrue(users.has(field), () -> "users schema lacks " + field + ": " + users);
    }
  }

  // ---------------------------------------------------------------------------------------- read

  @Test
  void fullRefreshReadCountsStatusesAndStatesPerStream() {
    long before = System.currentTimeMillis();
    Path config =
        config("fr-config.json", "{\"count\": 25, \"seed\": 42, \"records_per_slice\": 10}");
    Path cat = Proc.json(dir, "fr-catalog.json", Catalogs.fullRefresh(catalog, "overwrite", 1));
    Proc.Result r = run("read", "--config", config.toString(), "--catalog", cat.toString());
    long after = System.currentTimeMillis();
    assertEquals(0, r.exitCode(), r::toString);
    Messages m = r.messages();

    Map<String, Integer> counts = m.recordCounts();
    // faker declares @Source(concurrency = 4): its streams interleave, so only the set is fixed
    assertEquals(
        new java.util.TreeSet<>(STREAMS),
        new java.util.TreeSet<>(counts.keySet()),
        "every stream is read");
    assertEquals(25, counts.get("users"));
    assertEquals(100, counts.get("products"));
    int purchases = counts.get("purchases");
    assertTrue(
        purchases > 0 && purchases <= 3 * 25, () -> "0..3 purchases per user, got " + purchases);

    for (String stream : STREAMS) {
      assertEquals(List.of("STARTED", "RUNNING", "COMPLETE"), m.statuses(stream), stream);
      List<JsonNode> states = m.states(stream);
      assertFalse(states.isEmpty(), () -> "no STATE for " + stream);
      double sum = 0;
      for (JsonNode s : states) {
        assertEquals("STREAM", s.path("type").asText(), s::toString);
        assertTrue(
            s.path("sourceStats").path("recordCount").isNumber(), () -> "no sourceStats: " + s);
        sum += s.path("sourceStats").path("recordCount").asDouble();
      }
      assertEquals(
          counts.get(stream), (int) sum, () -> stream + ": sourceStats add up to the records");
      assertEquals(
          "{}",
          states.get(states.size() - 1).path("stream").path("stream_state").toString(),
          () -> stream + ": a completed full refresh ends with an empty state");
    }
    // products has a page key: a resumable full refresh checkpoints {"page": id} every 10 records,
    // and the final {} covers the last ones.
    List<JsonNode> productStates = m.states("products");
    assertEquals(10, productStates.size(), productStates::toString);
    for (int i = 0; i < 9; i++) {
      assertEquals(
          (i + 1) * 10,
          productStates.get(i).path("stream").path("stream_state").path("page").asInt(),
          productStates::toString);
    }

    for (JsonNode rec : m.ofType("RECORD")) {
      long emittedAt = rec.path("record").path("emitted_at").asLong();
      assertTrue(
          emittedAt >= before && emittedAt <= after, () -> "emitted_at is the wall clock: " + rec);
    }
    List<Long> ids = m.data("users").stream().map(d -> d.get("id").asLong()).toList();
    assertEquals(25, ids.stream().distinct().count(), "user ids are unique");
  }

  @Test
  void theJarReadsExactlyWhatTheInProcessConnectorReads() {
    String json = "{\"count\": 30, \"seed\": 7, \"always_updated\": false}";
    Path config = config("same-config.json", json);
    Path cat =
        Proc.json(
            dir,
            "same-catalog.json",
            Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));
    Proc.Result jarRun = run("read", "--config", config.toString(), "--catalog", cat.toString());
    InProcess inProcess =
        InProcess.run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(0, jarRun.exitCode(), jarRun::toString);
    assertEquals(0, inProcess.exitCode, inProcess.stdout);
    for (String stream : STREAMS) {
      assertEquals(inProcess.messages().data(stream), jarRun.messages().data(stream), stream);
      assertEquals(inProcess.messages().states(stream), jarRun.messages().states(stream), stream);
    }
  }

  @Test
  void incrementalReadResumedFromItsLastStatesReturnsOnlyTheBoundaryTies() {
    Path config =
        config("inc-config.json", "{\"count\": 25, \"seed\": 3, \"always_updated\": false}");
    Path cat =
        Proc.json(
            dir, "inc-catalog.json", Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));
    Proc.Result first = run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(0, first.exitCode(), first::toString);
    Messages m1 = first.messages();
    assertEquals(25, m1.records("users").size());

    ArrayNode state = m1.lastStatesAsInput();
    assertEquals(3, state.size(), state::toString);
    JsonNode usersState = null;
    for (JsonNode s :
        state) { // in the order the streams happened to end: faker reads them concurrently
      if (s.path("stream").path("stream_descriptor").path("name").asText().equals("users")) {
        usersState = s.path("stream").path("stream_state");
      }
    }
    assertNotNull(usersState, state::toString);
    assertEquals("[\"updated_at\"]", usersState.path("cursor_field").toString(), state::toString);
    JsonNode lastUser = m1.data("users").get(24);
    assertEquals(
        lastUser.get("updated_at").asText(),
        usersState.path("cursor").asText(),
        "the users cursor is the last record's updated_at");

    Path statePath = Proc.json(dir, "inc-state.json", state);
    Proc.Result second =
        run(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            cat.toString(),
            "--state",
            statePath.toString());
    assertEquals(0, second.exitCode(), second::toString);
    Messages m2 = second.messages();
    // Stable records: only the record at the boundary (>= cursor) comes again, nothing new.
    assertEquals(List.of(lastUser), m2.data("users"));
    List<JsonNode> purchases1 = m1.data("purchases");
    assertEquals(List.of(purchases1.get(purchases1.size() - 1)), m2.data("purchases"));
    assertEquals(100, m2.records("products").size(), "products is a full refresh: all again");
    for (String stream : List.of("users", "purchases")) {
      List<JsonNode> states = m2.states(stream);
      assertFalse(states.isEmpty(), stream);
      assertEquals(
          m1.states(stream).get(m1.states(stream).size() - 1).path("stream"),
          states.get(states.size() - 1).path("stream"),
          () -> stream + ": nothing new, the cursor stays");
    }
  }

  @Test
  void resumingFromAMidStreamCheckpointReEmitsEverythingAfterIt() {
    Path config =
        config(
            "mid-config.json",
            "{\"count\": 25, \"seed\": 5, \"always_updated\": false, \"records_per_slice\": 10}");
    ObjectNode users =
        Catalogs.incremental(catalog, "append", "overwrite", 1, java.util.Set.of("users"));
    Path cat = Proc.json(dir, "mid-catalog.json", users);
    Proc.Result first = run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(0, first.exitCode(), first::toString);
    List<JsonNode> states = first.messages().states("users");
    assertEquals(
        3,
        states.size(),
        () -> "checkpoints after 10 and 20 records, then the final one: " + states);
    assertEquals(
        List.of(10.0, 10.0, 5.0),
        states.stream().map(s -> s.path("sourceStats").path("recordCount").asDouble()).toList());

    ObjectNode checkpoint = states.get(0).deepCopy();
    checkpoint.remove("sourceStats");
    Path statePath =
        Proc.json(dir, "mid-state.json", Messages.JSON.createArrayNode().add(checkpoint));
    Proc.Result resumed =
        run(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            cat.toString(),
            "--state",
            statePath.toString());
    assertEquals(0, resumed.exitCode(), resumed::toString);
    // The checkpoint covers records 1..10; resuming with >= its cursor re-reads record 10 and all
    // after.
    List<JsonNode> all = first.messages().data("users");
    assertEquals(all.subList(9, 25), resumed.messages().data("users"));
  }

  @Test
  void alwaysUpdatedRecordsComeBackOnTheNextIncrementalRead() throws Exception {
    Path config = config("upd-config.json", "{\"count\": 12, \"seed\": 9}");
    ObjectNode users =
        Catalogs.incremental(catalog, "append_dedup", "overwrite", 1, java.util.Set.of("users"));
    Path cat = Proc.json(dir, "upd-catalog.json", users);
    Proc.Result first = run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(0, first.exitCode(), first::toString);
    Path statePath = Proc.json(dir, "upd-state.json", first.messages().lastStatesAsInput());
    Thread.sleep(20);
    Proc.Result second =
        run(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            cat.toString(),
            "--state",
            statePath.toString());
    assertEquals(0, second.exitCode(), second::toString);
    List<JsonNode> again = second.messages().data("users");
    assertEquals(12, again.size(), "every user has a new updated_at");
    Instant cursor =
        Instant.parse(
            first
                .messages()
                .states("users")
                .get(0)
                .path("stream")
                .path("stream_state")
                .path("cursor")
                .asText());
    for (JsonNode u : again) {
      assertFalse(Instant.parse(u.get("updated_at").asText()).isBefore(cursor), u::toString);
    }
    assertNotEquals(first.messages().states("users"), second.messages().states("users"));
  }

  @Test
  void aFarFutureStateReadsNothingButStillWritesAState() {
    Path config = config("future-config.json", "{\"count\": 10}");
    ObjectNode inc =
        Catalogs.incremental(
            catalog, "append", "overwrite", 1, java.util.Set.of("users", "purchases"));
    Path cat = Proc.json(dir, "future-catalog.json", inc);
    Path state =
        Proc.json(
            dir,
            "future-state.json",
            "["
                + "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
                + "\"stream_state\":{\"cursor_field\":[\"updated_at\"],\"cursor\":\"2999-01-01T00:00:00Z\"}}},"
                + "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"purchases\"},"
                + "\"stream_state\":{\"cursor\":99999999999999999}}}]");
    Proc.Result r =
        run(
            "read",
            "--config",
            config.toString(),
            "--catalog",
            cat.toString(),
            "--state",
            state.toString());
    assertEquals(0, r.exitCode(), r::toString);
    Messages m = r.messages();
    assertTrue(m.ofType("RECORD").isEmpty(), r::toString);
    assertEquals(1, m.states("users").size(), r::toString);
    assertEquals(1, m.states("purchases").size(), r::toString);
    assertEquals(
        "2999-01-01T00:00:00Z",
        m.states("users").get(0).path("stream").path("stream_state").path("cursor").asText());
  }

  @Test
  void dashedReadFormWorksToo() {
    Path config = config("dashed-config.json", "{\"count\": 3}");
    ObjectNode users = Catalogs.fullRefresh(catalog, "overwrite", 1);
    Path cat = Proc.json(dir, "dashed-catalog.json", users);
    Proc.Result r =
        run("--read", "--config", config.toString(), "--catalog", cat.toString(), "--state", "");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(3, r.messages().records("users").size(), r::toString);
  }

  // -------------------------------------------------------------------------------------- errors

  @Test
  void anInvalidCatalogIsATraceErrorAndExitOne() {
    Path config = config("bad-cat-config.json", "{\"count\": 3}");
    // The catalog of CAT's test_airbyte_trace_message_on_failure.
    Path cat =
        Proc.json(
            dir,
            "bad-catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":"
                + "\"__AIRBYTE__stream_that_does_not_exist\",\"json_schema\":{},\"supported_sync_modes\":"
                + "[\"full_refresh\"]},\"sync_mode\":\"INVALID\",\"destination_sync_mode\":\"INVALID\"}]}");
    Proc.Result r = run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(1, r.exitCode(), r::toString);
    Messages m = r.messages();
    assertEquals(1, m.traceErrors().size(), r::toString);
    assertEquals("config_error", m.traceErrors().get(0).path("failure_type").asText(), r::toString);
    assertTrue(m.ofType("RECORD").isEmpty(), r::toString);
  }

  @Test
  void anUnknownStreamInTheCatalogIsAConfigErrorBeforeAnyRecord() {
    Path config = config("unknown-stream-config.json", "{\"count\": 3}");
    Path cat =
        Proc.json(
            dir,
            "unknown-stream-catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":\"nope\","
                + "\"json_schema\":{},\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
                + "\"destination_sync_mode\":\"append\"}]}");
    Proc.Result r = run("read", "--config", config.toString(), "--catalog", cat.toString());
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(
        "config_error",
        r.messages().traceErrors().get(0).path("failure_type").asText(),
        r::toString);
    assertTrue(
        r.messages().traceErrors().get(0).path("message").asText().contains("nope"), r::toString);
    assertTrue(r.messages().ofType("RECORD").isEmpty(), r::toString);
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithExitTwo() {
    Proc.Result r = run("frobnicate");
    assertEquals(2, r.exitCode(), r::toString);
    assertEquals(1, r.messages().traceErrors().size(), r::toString);
    assertTrue(r.stderr().contains("Usage:"), r::toString);
    Proc.Result write = run("write", "--config", "x", "--catalog", "y");
    assertEquals(2, write.exitCode(), () -> "a source has no write command: " + write);
  }

  @Test
  void aMissingConfigFileIsAConfigErrorOnReadAndAFailedCheck() {
    Path missing = dir.resolve("no-such-config.json");
    Proc.Result check = run("check", "--config", missing.toString());
    assertEquals(0, check.exitCode(), check::toString);
    assertEquals(
        "FAILED",
        check
            .messages()
            .only("CONNECTION_STATUS")
            .path("connectionStatus")
            .path("status")
            .asText());
    Proc.Result discover = run("discover", "--config", missing.toString());
    assertEquals(1, discover.exitCode(), discover::toString);
    assertEquals(
        "config_error", discover.messages().traceErrors().get(0).path("failure_type").asText());
  }

  /**
   * The generated connector run in this JVM through ConnectorCli.run, for comparison with the jar.
   */
  private static final class InProcess {
    final int exitCode;
    final String stdout;

    private InProcess(int exitCode, String stdout) {
      this.exitCode = exitCode;
      this.stdout = stdout;
    }

    static InProcess run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          ConnectorCli.run(
              new FakerConnector(), args, new ByteArrayInputStream(new byte[0]), out, err);
      return new InProcess(code, out.toString(StandardCharsets.UTF_8));
    }

    Messages messages() {
      return Messages.parse(stdout, () -> stdout);
    }
  }
}
