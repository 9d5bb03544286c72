package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spec, check, discover and usage errors of a hand-written source, run in-process. */
class ConnectorCliSourceTest {
  static final String SECRET = "SECRET-abc123xyz";
  static final String GOOD = "{\"host\":\"db.local\",\"api_key\":\"" + SECRET + "\",\"count\":3}";

  @TempDir Path dir;

  private final HandwrittenSource source = new HandwrittenSource();

  private String config(String json) throws Exception {
    return Cli.write(dir, "config.json", json).toString();
  }

  private static String behaving(String behavior) {
    return "{\"host\":\"db.local\",\"api_key\":\""
        + SECRET
        + "\",\"behavior\":\""
        + behavior
        + "\"}";
  }

  // ---------------------------------------------------------------- spec

  @Test
  void specPrintsTheWholeSpecificationFromTheResource() throws Exception {
    for (String form : List.of("spec", "--spec")) {
      Cli.Result r = Cli.run(source, form);
      assertEquals(0, r.code(), r.stdout());
      assertEquals(1, r.messages().size(), r.stdout());
      JsonNode expected;
      try (InputStream in =
          getClass().getResourceAsStream("/META-INF/c8kit/handwritten-source/spec.json")) {
        expected = new ObjectMapper().readTree(in);
      }
      assertEquals(expected, r.only("SPEC").path("spec"));
      assertEquals("", r.stderr());
    }
  }

  @Test
  void destinationSpecKeepsSyncModesAndIncrementalFlag() {
    Cli.Result r = Cli.run(new HandwrittenDestination(), "spec");
    assertEquals(0, r.code());
    JsonNode spec = r.only("SPEC").path("spec");
    assertEquals(
        "[\"append\",\"overwrite\"]", spec.path("supported_destination_sync_modes").toString());
    assertTrue(spec.path("supportsIncremental").asBoolean());
  }

  // ---------------------------------------------------------------- check

  @Test
  void checkSucceedsWithExactlyOneStatus() throws Exception {
    Cli.Result r = Cli.run(source, "check", "--config", config(GOOD));
    assertEquals(0, r.code(), r.stdout());
    assertEquals(1, r.messages().size(), r.stdout());
    assertEquals(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}",
        r.stdout().trim());
  }

  @Test
  void checkInBaseShFormIgnoresEmptyCatalog() throws Exception {
    Cli.Result r = Cli.run(source, "--check", "--config", config(GOOD), "--catalog", "");
    assertEquals(0, r.code(), r.stderr());
    assertEquals(
        "SUCCEEDED", r.only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());
    r = Cli.run(source, "--config", config(GOOD), "--check");
    assertEquals(0, r.code(), r.stderr());
  }

  @Test
  void checkWithSchemaInvalidConfigFailsNamingTheFields() throws Exception {
    Cli.Result r =
        Cli.run(
            source,
            "check",
            "--config",
            config("{\"api_key\":\"" + SECRET + "\",\"port\":\"abc\",\"count\":-1}"));
    assertEquals(0, r.code());
    assertEquals(1, r.messages().size(), r.stdout());
    JsonNode status = r.only("CONNECTION_STATUS").path("connectionStatus");
    assertEquals("FAILED", status.path("status").asText());
    String message = status.path("message").asText();
    assertTrue(message.startsWith("Config is invalid: "), message);
    assertTrue(message.contains("$.host: is required"), message);
    assertTrue(message.contains("$.port: string found, integer expected"), message);
    assertTrue(message.contains("$.count: must have a minimum value of 0"), message);
    r.assertNeverShows(SECRET);
  }

  @Test
  void checkFunctionExceptionIsFailedWithMaskedMessage() throws Exception {
    Cli.Result r = Cli.run(source, "check", "--config", config(behaving("fail")));
    assertEquals(0, r.code());
    assertTrue(r.errors().isEmpty(), r.stdout());
    JsonNode status = r.only("CONNECTION_STATUS").path("connectionStatus");
    assertEquals("FAILED", status.path("status").asText());
    assertEquals(
        "Connection check failed: IllegalStateException: cannot reach db.local with key ****",
        status.path("message").asText());
    r.assertNeverShows(SECRET);
  }

  @Test
  void checkWithDeclaredConfigExceptionShowsItsMessage() throws Exception {
    Cli.Result r = Cli.run(source, "check", "--config", config(behaving("declared_error")));
    assertEquals(0, r.code());
    assertEquals(
        "denied for ****",
        r.only("CONNECTION_STATUS").path("connectionStatus").path("message").asText());
    r = Cli.run(source, "check", "--config", config(behaving("config_error")));
    assertEquals(
        "Wrong API key **** for db.local",
        r.only("CONNECTION_STATUS").path("connectionStatus").path("message").asText());
    assertTrue(r.errors().isEmpty());
  }

  @Test
  void checkWithMissingOrMalformedConfigFileFails() throws Exception {
    String missing = dir.resolve("nope.json").toString();
    Cli.Result r = Cli.run(source, "check", "--config", missing);
    assertEquals(0, r.code());
    assertEquals(
        "Config file not found: " + missing,
        r.only("CONNECTION_STATUS").path("connectionStatus").path("message").asText());
    r =
        Cli.run(
            source,
            "check",
            "--config",
            config("{\"host\": \"x\",\n \"api_key\": " + SECRET + "}"));
    assertEquals(0, r.code());
    String message = r.only("CONNECTION_STATUS").path("connectionStatus").path("message").asText();
    assertTrue(
        message.contains("is not valid JSON") && message.contains("line 2, column"), message);
    r.assertNeverShows(SECRET);
  }

  // ---------------------------------------------------------------- discover

  @Test
  void discoverEmitsOneCatalogWithStaticAndDiscoveredStreams() throws Exception {
    Cli.Result r = Cli.run(source, "discover", "--config", config(GOOD));
    assertEquals(0, r.code(), r.stdout() + r.stderr());
    JsonNode catalog = r.only("CATALOG").path("catalog");
    List<String> names = new ArrayList<>();
    catalog.path("streams").forEach(s -> names.add(s.path("name").asText()));
    assertEquals(List.of("users", "orders", "events"), names);
    assertTrue(r.errors().isEmpty());
  }

  @Test
  void discoverWithMissingConfigFileIsOneConfigErrorTrace() {
    String missing = dir.resolve("missing.json").toString();
    Cli.Result r = Cli.run(source, "--discover", "--config", missing);
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    assertEquals("Config file not found: " + missing, error.path("message").asText());
    assertTrue(
        error
            .path("internal_message")
            .asText()
            .startsWith("io.c8kit.runtime.config.InputFileException"));
    assertFalse(error.has("stack_trace"), "a bad input file needs no Java trace: " + error);
    assertEquals(1, r.messages().size());
  }

  @Test
  void discoverWithMalformedConfigNamesLineAndColumnButNotTheToken() throws Exception {
    Cli.Result r =
        Cli.run(
            source,
            "discover",
            "--config",
            config("{\n  \"host\": \"h\",\n  \"api_key\": " + SECRET + "\n}"));
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    String message = error.path("message").asText();
    assertTrue(
        message.startsWith("Config file " + dir.resolve("config.json") + " is not valid JSON"),
        message);
    assertTrue(message.contains("(line 3, column"), message);
    r.assertNeverShows(SECRET);
    r.assertNeverShows("abc123xyz");
  }

  @Test
  void discoverWithSchemaInvalidConfigIsConfigError() throws Exception {
    Cli.Result r =
        Cli.run(
            source,
            "discover",
            "--config",
            config("{\"host\":\"h\",\"api_key\":\"" + SECRET + "\",\"behavior\":\"dance\"}"));
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("config_error", error.path("failure_type").asText());
    assertTrue(error.path("message").asText().contains("$.behavior"), error.toString());
    r.assertNeverShows(SECRET);
  }

  @Test
  void configThatIsNotAnObjectIsConfigError() throws Exception {
    Cli.Result r = Cli.run(source, "discover", "--config", config("[1,2]"));
    assertEquals(1, r.code());
    assertTrue(
        r.onlyError().path("message").asText().endsWith("must hold a JSON object, not an array"));
  }

  // ---------------------------------------------------------------- usage errors

  @Test
  void usageErrorsExitTwoWithOneConfigErrorTraceAndUsageOnStderr() throws Exception {
    String cfg = config(GOOD);
    List<String[]> cases =
        List.of(
            new String[] {},
            new String[] {"dance"},
            new String[] {"--dance"},
            new String[] {"check", "--config", cfg, "--bogus"},
            new String[] {"check"},
            new String[] {"discover", "--config"},
            new String[] {"read", "--config", cfg},
            new String[] {"write", "--config", cfg, "--catalog", cfg},
            new String[] {"check", "--config", cfg, "--spec"},
            new String[] {"check", "--config", ""});
    for (String[] args : cases) {
      Cli.Result r = Cli.run(source, args);
      String label = String.join(" ", args);
      assertEquals(2, r.code(), label);
      JsonNode error = r.onlyError();
      assertEquals("config_error", error.path("failure_type").asText(), label);
      assertTrue(error.path("message").asText().startsWith("Invalid command line: "), label);
      assertEquals(1, r.messages().size(), label);
      assertTrue(r.stderr().contains("Usage: "), label + "\n" + r.stderr());
    }
  }

  @Test
  void commandsOfTheOtherKindAreUsageErrors() throws Exception {
    String cfg = config(GOOD);
    Cli.Result r = Cli.run(source, "--write", "--config", cfg, "--catalog", cfg);
    assertEquals(2, r.code());
    assertEquals(
        "Invalid command line: 'write' is not supported by a source; commands: spec, "
            + "check, discover, read, docs",
        r.onlyError().path("message").asText());
    HandwrittenDestination destination = new HandwrittenDestination();
    for (String command : List.of("discover", "read", "--discover")) {
      r = Cli.run(destination, command, "--config", cfg, "--catalog", cfg);
      assertEquals(2, r.code(), command);
      assertTrue(
          r.onlyError().path("message").asText().contains("is not supported by a destination"));
    }
  }

  @Test
  void helpGoesToStderrAndExitsZero() {
    Cli.Result r = Cli.run(source, "--help");
    assertEquals(0, r.code());
    assertEquals("", r.stdout());
    assertTrue(r.stderr().contains("Usage: handwritten-source"), r.stderr());
    assertTrue(r.stderr().contains("discover"), r.stderr());
    assertFalse(r.stderr().contains("write"), r.stderr());
  }
}
