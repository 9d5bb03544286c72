package io.c8kit.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * singer-python's parse_args behaviour: flags, argparse errors (exit 2), missing files (exit 1).
 */
class TapCommandLineTest {
  private static final String USAGE =
      "usage: tap-singer-test [-h] -c CONFIG [-s STATE] [-p PROPERTIES]"
          + " [--catalog CATALOG] [-d] [--about] [--format {json,markdown}]\n";

  @TempDir Path dir;

  @Test
  void missingConfigIsAnArgparseError() {
    SingerRun run = SingerRun.tap("--discover");
    assertEquals(2, run.code());
    assertEquals(
        USAGE + "tap-singer-test: error: the following arguments are required: -c/--config\n",
        run.stderr());
    assertEquals("", run.stdout());
  }

  @Test
  void unknownFlagIsAnArgparseError() {
    SingerRun run = SingerRun.tap("-c", "x.json", "--bogus", "extra");
    assertEquals(2, run.code());
    assertTrue(
        run.stderr().endsWith("tap-singer-test: error: unrecognized arguments: --bogus extra\n"),
        run.stderr());
  }

  @Test
  void flagWithoutValueAndAmbiguousPrefixAreErrors() {
    assertTrue(
        SingerRun.tap("--config")
            .stderr()
            .endsWith("error: argument -c/--config: expected one argument\n"));
    SingerRun ambiguous = SingerRun.tap("--c", "x");
    assertEquals(2, ambiguous.code());
    assertTrue(
        ambiguous
            .stderr()
            .endsWith("error: ambiguous option: --c could match --config, --catalog\n"),
        ambiguous.stderr());
  }

  @Test
  void equalsFormsClustersAndPrefixesAreAccepted() {
    String config = SingerRun.write(dir, "c.json", "{\"api_key\": \"k\"}").toString();
    assertEquals(0, SingerRun.tap("--config=" + config, "--disc").code());
    assertEquals(0, SingerRun.tap("-dc" + config).code());
    assertEquals(0, SingerRun.tap("-c" + config, "-d").code());
  }

  @Test
  void missingOrBrokenFilesAreOneLineErrorsWithExitOne() {
    SingerRun missing = SingerRun.tap("-c", dir.resolve("nope.json").toString());
    assertEquals(1, missing.code());
    assertEquals(
        "CRITICAL Config file not found: " + dir.resolve("nope.json") + "\n", missing.stderr());
    String config = SingerRun.write(dir, "c.json", "{\"api_key\": \"k\"}").toString();
    SingerRun state = SingerRun.tap("-c", config, "--state", dir.resolve("none.json").toString());
    assertEquals(1, state.code());
    assertTrue(state.stderr().startsWith("CRITICAL State file not found"), state.stderr());
    String bad = SingerRun.write(dir, "s.json", "[1]").toString();
    SingerRun badState = SingerRun.tap("-c", config, "--state", bad);
    assertEquals(1, badState.code());
    assertTrue(badState.stderr().contains("must hold a JSON object"), badState.stderr());
    assertEquals("", badState.stdout());
  }

  @Test
  void invalidConfigNamesTheProblemAndMasksNothingItShouldNot() {
    String config = SingerRun.write(dir, "c.json", "{\"count\": 3}").toString();
    SingerRun run = SingerRun.tap("-c", config, "-d");
    assertEquals(1, run.code());
    assertTrue(
        run.stderr().startsWith("CRITICAL ") && run.stderr().contains("api_key"), run.stderr());
  }

  @Test
  void unknownStreamInCatalogIsAConfigError() {
    String config = SingerRun.write(dir, "c.json", "{\"api_key\": \"k\"}").toString();
    String catalog =
        SingerRun.write(
                dir,
                "cat.json",
                "{\"streams\": [{\"tap_stream_id\": \"ghosts\", "
                    + "\"metadata\": [{\"breadcrumb\": [], \"metadata\": {\"selected\": true}}]}]}")
            .toString();
    SingerRun run = SingerRun.tap("-c", config, "--catalog", catalog);
    assertEquals(1, run.code());
    assertTrue(
        run.stderr().contains("selects stream \"ghosts\", which this tap does not have"),
        run.stderr());
  }

  @Test
  void helpGoesToStdoutWithExitZero() {
    SingerRun run = SingerRun.tap("-h");
    assertEquals(0, run.code());
    assertTrue(run.stdout().startsWith(USAGE), run.stdout());
    assertTrue(
        run.stdout().contains("Property selections: DEPRECATED, Please use --catalog instead"));
  }

  @Test
  void aboutJsonListsCapabilitiesAndSensitiveSettingsWithoutConfig() throws Exception {
    SingerRun run = SingerRun.tap("--about", "--format", "json");
    assertEquals(0, run.code(), run.stderr());
    JsonNode about = PythonJson.MAPPER.readTree(run.stdout());
    assertEquals("tap-singer-test", about.get("name").asText());
    assertEquals("1.0.0", about.get("version").asText());
    assertEquals(
        "[\"about\",\"activate-version\",\"catalog\",\"discover\",\"properties\",\"state\"]",
        about.get("capabilities").toString());
    assertTrue(about.get("settings").get("properties").get("api_key").get("sensitive").asBoolean());
    assertFalse(about.get("settings").get("properties").get("count").has("sensitive"));
    assertEquals("[\"api_key\"]", about.get("settings").get("required").toString());
  }

  @Test
  void aboutMarkdownIsASettingsTable() {
    SingerRun run = SingerRun.tap("--about", "--format=markdown");
    assertEquals(0, run.code(), run.stderr());
    assertTrue(run.stdout().startsWith("# `tap-singer-test`\n\nA test source.\n"), run.stdout());
    assertTrue(
        run.stdout().contains("| api_key | True | None | True | Key of the test service. |\n"),
        run.stdout());
    assertTrue(
        run.stdout().contains("| count | False | 5 | False | How many users. |\n"), run.stdout());
    SingerRun bad = SingerRun.tap("--about", "--format", "yaml");
    assertEquals(2, bad.code());
    assertTrue(
        bad.stderr()
            .endsWith(
                "error: argument --format: invalid choice: 'yaml' (choose from 'json', 'markdown')\n"));
  }
}
