package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.airbyte.handwritten.Cli.Result;
import io.c8kit.airbyte.handwritten.HandwrittenMain;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People mode: with {@code --verbose} (or a terminal) a failure also reaches stderr as one line and
 * a hint, the stack trace only with {@code --debug}; stdout stays exactly the protocol; bad input
 * files carry no Java trace anywhere.
 */
class PeopleModeTest {
  private static final String ORDERS =
      "{\"streams\":[{\"stream\":{\"name\":\"orders\",\"json_schema\":{},"
          + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
          + "\"destination_sync_mode\":\"append\"}]}";

  @TempDir Path dir;

  private String config(String behavior) throws Exception {
    return Cli.write(
            dir,
            "config.json",
            "{\"host\":\"db\",\"api_key\":\"k-1234567\"," + "\"behavior\":\"" + behavior + "\"}")
        .toString();
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  @Test
  void unknownCommandSuggestsTheClosestOne() {
    Result r = Cli.run(new HandwrittenSource(), "chek", "--verbose");
    assertEquals(CliRunner.USAGE, r.code());
    assertEquals(
        "Invalid command line: unknown command 'chek', did you mean 'check'?",
        r.onlyError().path("message").asText());
    assertEquals(
        List.of(
            "error: unknown command 'chek', did you mean 'check'?",
            "hint: run it with --help to list the commands of handwritten-source and their options"),
        lines(r.stderr()));
  }

  @Test
  void machineModeKeepsStderrForTheUsageAndNothingElse() {
    Result r = Cli.run(new HandwrittenSource(), "chek");
    assertEquals(CliRunner.USAGE, r.code());
    assertTrue(
        r.stderr().startsWith("unknown command 'chek', did you mean 'check'?\n"), r.stderr());
    assertTrue(r.stderr().contains("Usage:"), r.stderr());
    assertFalse(r.stderr().contains("error: "), r.stderr());
  }

  @Test
  void unknownCommandFarFromAnyListsTheCommands() {
    assertEquals(
        "unknown command 'frobnicate'; commands: spec, check, discover, read",
        CommandLineParser.unknownCommand(
            "frobnicate", List.of("spec", "check", "discover", "read")));
    assertEquals(
        "unknown command 'disc', did you mean 'discover'?",
        CommandLineParser.unknownCommand("disc", List.of("spec", "check", "discover", "read")));
    assertEquals(
        "unknown command 'raed', did you mean 'read'?",
        CommandLineParser.unknownCommand("raed", List.of("spec", "check", "discover", "read")));
  }

  @Test
  void aMissingConfigFileIsOneLineWithAHintAndNoTraceAnywhere() {
    Path missing = dir.resolve("nope.json");
    Result r =
        Cli.run(new HandwrittenSource(), "discover", "--config", missing.toString(), "--verbose");
    assertEquals(CliRunner.FAILURE, r.code());
    JsonNode error = r.onlyError();
    assertEquals("Config file not found: " + missing, error.path("message").asText());
    assertFalse(error.has("stack_trace"), error.toString());
    List<String> stderr = lines(r.stderr());
    assertEquals(2, stderr.size(), r.stderr());
    assertEquals("error: Config file not found: " + missing, stderr.get(0));
    assertTrue(
        stderr.get(1).startsWith("hint: every option takes the path of a JSON file"), r.stderr());
  }

  @Test
  void aMalformedCatalogCarriesNoJacksonTextAndNoTrace() throws Exception {
    Path catalog = Cli.write(dir, "catalog.json", "{\"streams\": [ {\"stream\": }]}");
    Result r =
        Cli.run(
            new HandwrittenSource(),
            "read",
            "--config",
            config("ok"),
            "--catalog",
            catalog.toString(),
            "--debug");
    assertEquals(CliRunner.FAILURE, r.code());
    JsonNode error = r.onlyError();
    assertTrue(
        error.path("message").asText().startsWith("Catalog file " + catalog + " is invalid: "),
        error.toString());
    assertTrue(error.path("message").asText().endsWith("(line 1, column 26)"), error.toString());
    assertFalse(error.has("stack_trace"), error.toString());
    r.assertNeverShows("REDACTED");
    r.assertNeverShows("INCLUDE_SOURCE_IN_LOCATION");
  }

  @Test
  void aSystemErrorHintsAtDebugAndDebugShowsTheMaskedTrace() throws Exception {
    Path catalog = Cli.write(dir, "catalog.json", ORDERS);
    Result quiet =
        Cli.run(
            new HandwrittenSource(),
            "--verbose",
            "read",
            "--config",
            config("fail"),
            "--catalog",
            catalog.toString());
    assertEquals(CliRunner.FAILURE, quiet.code());
    assertTrue(quiet.onlyError().has("stack_trace"), "the platform still gets the trace of a bug");
    assertTrue(
        quiet
            .stderr()
            .contains(
                "error: Something went wrong in the connector: Stream 'orders' failed: orders exploded for ****"),
        quiet.stderr());
    assertTrue(
        quiet.stderr().contains("hint: run the command again with --debug to see the stack trace"),
        quiet.stderr());
    assertFalse(quiet.stderr().contains("\tat "), quiet.stderr());
    quiet.assertNeverShows("k-1234567");

    Result debug =
        Cli.run(
            new HandwrittenSource(),
            "read",
            "--config",
            config("fail"),
            "--catalog",
            catalog.toString(),
            "--debug");
    assertTrue(debug.stderr().contains("\tat "), debug.stderr());
    assertTrue(
        debug.stderr().contains("IllegalStateException: orders exploded for ****"), debug.stderr());
    debug.assertNeverShows("k-1234567");
  }

  @Test
  void aFailedCheckIsOneLineOnStderrAndStillAStatusOnStdout() throws Exception {
    Result r =
        Cli.run(
            new HandwrittenSource(),
            "check",
            "--config",
            config("config_error"),
            "--log-format",
            "text");
    assertEquals(CliRunner.OK, r.code());
    assertEquals(
        "FAILED", r.only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());
    assertTrue(r.stderr().startsWith("check failed: Wrong API key **** for db\n"), r.stderr());
    r.assertNeverShows("k-1234567");
  }

  @Test
  void logFormatJsonTurnsPeopleModeOffEvenOnATerminal() {
    PeopleMode mode = PeopleMode.of(new String[] {"--log-format=json", "spec"}, true);
    assertFalse(mode.on());
    assertEquals(List.of("spec"), List.of(mode.args()));
    assertTrue(PeopleMode.of(new String[] {"spec"}, true).on());
    assertFalse(PeopleMode.of(new String[] {"spec"}, false).on());
  }

  /** A real process whose stderr is a terminal (util-linux {@code script} gives it a pty). */
  @Test
  void aTerminalOnStderrTurnsItOnWithoutAnyOption() throws Exception {
    Path out = dir.resolve("out.txt");
    Path typescript = dir.resolve("typescript.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        java
            + " -cp "
            + System.getProperty("java.class.path")
            + " "
            + HandwrittenMain.class.getName()
            + " chek > "
            + out;
    List<String> cmd =
        new ArrayList<>(List.of("script", "-q", "-e", "-c", command, typescript.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script did not finish");
    String terminal = Files.readString(typescript, StandardCharsets.UTF_8);
    assertTrue(terminal.contains("error: unknown command 'chek', did you mean 'check'?"), terminal);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(1, Cli.parse(stdout).size(), stdout);
    assertFalse(stdout.contains("error:"), stdout);
  }
}
