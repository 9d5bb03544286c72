package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read} and {@code write} through the CLI. These depend on the read and write engines
 * ({@code ReadEngine.read}, {@code SourceCatalog.discover}, {@code AirbyteWrite.write}); the CLI's
 * part is argument and file handling, and turning their exceptions into one TRACE ERROR.
 */
class ConnectorCliReadWriteTest {
  static final String SECRET = ConnectorCliSourceTest.SECRET;

  @TempDir Path dir;

  private final HandwrittenSource source = new HandwrittenSource();

  private String file(String name, String json) throws Exception {
    return Cli.write(dir, name, json).toString();
  }

  private String config(String behavior) throws Exception {
    return file(
        "config.json",
        "{\"host\":\"db.local\",\"api_key\":\""
            + SECRET
            + "\",\"count\":3,\"behavior\":\""
            + behavior
            + "\"}");
  }

  /** The discovered catalog as a configured catalog: every stream full refresh + append. */
  private String configuredCatalog(String cfg, List<String> streams) throws Exception {
    Cli.Result discovered = Cli.run(source, "discover", "--config", cfg);
    assertEquals(0, discovered.code(), discovered.stdout());
    ArrayNode configured = JsonNodeFactory.instance.arrayNode();
    for (JsonNode stream : discovered.only("CATALOG").path("catalog").path("streams")) {
      if (!streams.contains(stream.path("name").asText())) {
        continue;
      }
      ObjectNode c = configured.addObject();
      c.set("stream", stream);
      c.put("sync_mode", "full_refresh");
      c.put("destination_sync_mode", "append");
    }
    ObjectNode catalog = JsonNodeFactory.instance.objectNode();
    catalog.set("streams", configured);
    return file("catalog.json", catalog.toString());
  }

  @Test
  void readEmitsRecordsAndStatesAndExitsZero() throws Exception {
    String cfg = config("ok");
    String catalog = configuredCatalog(cfg, List.of("users", "orders", "events"));
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog);
    assertEquals(0, r.code(), r.stdout() + r.stderr());
    assertEquals(7, r.ofType("RECORD").size(), r.stdout());
    assertTrue(r.ofType("STATE").size() >= 3, r.stdout());
    assertTrue(r.errors().isEmpty(), r.stdout());
  }

  @Test
  void readAcceptsEveryStateShapeAndTheBaseShForm() throws Exception {
    String cfg = config("ok");
    String catalog = configuredCatalog(cfg, List.of("users"));
    List<String> states =
        List.of(
            "{}",
            "[]",
            "",
            "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},"
                + "\"stream_state\":{}}}]");
    for (String state : states) {
      Cli.Result r =
          Cli.run(
              source,
              "--read",
              "--config",
              cfg,
              "--catalog",
              catalog,
              "--state",
              file("state.json", state));
      assertEquals(0, r.code(), state + "\n" + r.stdout());
      assertEquals(3, r.ofType("RECORD").size(), state);
    }
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog, "--state", "");
    assertEquals(0, r.code(), r.stdout());
  }

  @Test
  void invalidCatalogIsOneConfigErrorTraceNamingFileAndValue() throws Exception {
    String cfg = config("ok");
    String catalog =
        file(
            "bad_catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":"
                + "\"__AIRBYTE__stream_that_does_not_exist\",\"json_schema\":{\"type\":\"object\"},"
                + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"INVALID\","
                + "\"destination_sync_mode\":\"INVALID\"}]}");
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog);
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    String message = error.path("message").asText();
    assertTrue(message.startsWith("Catalog file " + catalog + " is invalid: "), message);
    assertTrue(
        message.contains("\"INVALID\"") && message.contains("$.streams[0].sync_mode"), message);
    assertEquals(1, r.messages().size(), r.stdout());
  }

  @Test
  void catalogWithUnknownStreamIsRejectedByTheReadEngine() throws Exception {
    String cfg = config("ok");
    String catalog =
        file(
            "catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":\"ghosts\","
                + "\"json_schema\":{\"type\":\"object\",\"properties\":{}},\"supported_sync_modes\":"
                + "[\"full_refresh\"]},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}");
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog);
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    assertTrue(error.path("message").asText().contains("ghosts"), error.toString());
  }

  @Test
  void missingOrMalformedCatalogAndStateFilesAreConfigErrors() throws Exception {
    String cfg = config("ok");
    String missing = dir.resolve("none.json").toString();
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", missing);
    assertEquals(1, r.code());
    assertEquals("Catalog file not found: " + missing, r.onlyError().path("message").asText());

    String catalog = configuredCatalog(cfg, List.of("users"));
    r =
        Cli.run(
            source,
            "read",
            "--config",
            cfg,
            "--catalog",
            catalog,
            "--state",
            file("state.json", "[{\"type\":"));
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    assertTrue(
        error
            .path("message")
            .asText()
            .startsWith("State file " + dir.resolve("state.json") + " is not valid JSON"),
        error.toString());
    assertTrue(r.ofType("RECORD").isEmpty());
  }

  @Test
  void failingStreamIsOneTraceWithItsStreamDescriptor() throws Exception {
    String cfg = config("fail");
    String catalog = configuredCatalog(cfg, List.of("users", "orders"));
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog);
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("system_error", error.path("failure_type").asText());
    assertEquals("{\"name\":\"orders\"}", error.path("stream_descriptor").toString());
    assertTrue(
        error.path("message").asText().startsWith(ErrorReporter.SYSTEM_PREFIX), error.toString());
    assertTrue(
        error.path("message").asText().contains("orders exploded for ****"), error.toString());
    assertEquals(3, r.ofType("RECORD").size());
    r.assertNeverShows(SECRET);
  }

  @Test
  void printlnInsideAStreamBecomesAMaskedLogMessage() throws Exception {
    String cfg = config("noisy");
    String catalog = configuredCatalog(cfg, List.of("users"));
    Cli.Result r = Cli.run(source, "read", "--config", cfg, "--catalog", catalog);
    assertEquals(0, r.code(), r.stdout());
    assertTrue(
        r.ofType("LOG").stream()
            .anyMatch(
                m -> m.path("log").path("message").asText().equals("reading users with ****")),
        r.stdout());
    r.assertNeverShows(SECRET);
  }

  @Test
  void writeStoresRecordsAndEchoesState() throws Exception {
    HandwrittenDestination destination = new HandwrittenDestination();
    String cfg = file("dest.json", "{\"target\":\"t1\",\"password\":\"" + SECRET + "\"}");
    String catalog =
        file(
            "catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":\"users\","
                + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}},"
                + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
                + "\"destination_sync_mode\":\"append\"}]}");
    String stdin =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1},"
            + "\"emitted_at\":1}}\n"
            + "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"users\"},\"stream_state\":{\"c\":1}},\"sourceStats\":{\"recordCount\":1.0},"
            + "\"id\":7}}\n";
    HandwrittenDestination.STORED.remove("t1");
    Cli.Result r =
        Cli.runWithStdin(destination, stdin, "write", "--config", cfg, "--catalog", catalog);
    assertEquals(0, r.code(), r.stdout() + r.stderr());
    JsonNode state = r.only("STATE").path("state");
    assertEquals(7, state.path("id").asInt());
    assertEquals(List.of("users:{\"id\":1}"), HandwrittenDestination.STORED.get("t1"));
  }

  /**
   * Bad input from upstream is reported as such — never "Something went wrong in the connector" —
   * with the line, the stream and a fitting type, after the STATEs of what was committed before it.
   */
  @Test
  void badInputIsReportedAsTheInputsFaultAfterTheCommittedStates() throws Exception {
    HandwrittenDestination destination = new HandwrittenDestination();
    String cfg = file("dest.json", "{\"target\":\"t3\",\"password\":\"" + SECRET + "\"}");
    String catalog =
        file(
            "catalog.json",
            "{\"streams\":[{\"stream\":{\"name\":\"users\","
                + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}},"
                + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
                + "\"destination_sync_mode\":\"append\"}]}");
    String ok =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1},\"emitted_at\":1}}\n"
            + "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"users\"},\"stream_state\":{\"c\":1}}}}\n"
            + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":2},\"emitted_at\":1}}\n";
    String[][] cases = {
      {
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":7,\"emitted_at\":1}}\n",
        "transient_error",
        "Invalid input on stdin line 4 (stream \"users\"): malformed RECORD"
      },
      {
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"da",
        "transient_error",
        "Invalid input on stdin line 4 (stream \"users\"): malformed JSON"
      },
      {
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"orders\",\"data\":{},\"emitted_at\":1}}\n",
        "config_error",
        "Invalid input on stdin line 4 (stream \"orders\"): RECORD for stream \"orders\", which is"
            + " not in the configured catalog"
      },
    };
    for (String[] c : cases) {
      HandwrittenDestination.STORED.remove("t3");
      Cli.Result r =
          Cli.runWithStdin(destination, ok + c[0], "write", "--config", cfg, "--catalog", catalog);
      assertEquals(1, r.code(), r.stdout());
      JsonNode error = r.onlyError();
      assertEquals(c[1], error.path("failure_type").asText(), error.toString());
      assertTrue(error.path("message").asText().startsWith(c[2]), error.toString());
      assertEquals(
          List.of("users:{\"id\":1}", "users:{\"id\":2}"), HandwrittenDestination.STORED.get("t3"));
      assertEquals(1, r.ofType("STATE").size(), r.stdout());
      assertTrue(r.stdout().indexOf("\"STATE\"") < r.stdout().indexOf("\"ERROR\""), r.stdout());
    }
    Cli.Result empty =
        Cli.runWithStdin(destination, "", "write", "--config", cfg, "--catalog", catalog);
    assertEquals(1, empty.code());
    assertEquals("transient_error", empty.onlyError().path("failure_type").asText());
    assertTrue(
        empty
            .onlyError()
            .path("message")
            .asText()
            .startsWith("The input held no RECORD, STATE or" + " STREAM_STATUS message"),
        empty.stdout());
  }

  @Test
  void writeWithMalformedInputIsOneTrace() throws Exception {
    HandwrittenDestination destination = new HandwrittenDestination();
    String cfg = file("dest.json", "{\"target\":\"t2\",\"password\":\"" + SECRET + "\"}");
    String catalog = file("catalog.json", "{\"streams\":[]}");
    Cli.Result r =
        Cli.runWithStdin(
            destination, "{not json\n", "write", "--config", cfg, "--catalog", catalog);
    assertEquals(1, r.code());
    r.onlyError();
    r.assertNeverShows(SECRET);
  }
}
