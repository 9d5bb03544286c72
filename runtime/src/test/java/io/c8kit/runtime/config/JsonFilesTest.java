package io.c8kit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
  @TempDir Path dir;

  private String file(String content) throws Exception {
    Path f = dir.resolve("f.json");
    Files.writeString(f, content);
    return f.toString();
  }

  @Test
  void configErrorsNameTheFileAndPosition() throws Exception {
    String missing = dir.resolve("missing.json").toString();
    assertEquals(
        "Config file not found: " + missing,
        assertThrows(ConfigException.class, () -> JsonFiles.readConfig(missing)).getMessage());
    assertEquals(
        "Config file " + dir + " is a directory",
        assertThrows(ConfigException.class, () -> JsonFiles.readConfig(dir.toString()))
            .getMessage());
    String f = file("{\n  \"a\": tops3cret\n}");
    ConfigException e = assertThrows(ConfigException.class, () -> JsonFiles.readConfig(f));
    assertTrue(
        e.getMessage().startsWith("Config file " + f + " is not valid JSON: "), e.getMessage());
    assertTrue(e.getMessage().contains("Unrecognized token: was expecting"), e.getMessage());
    assertTrue(e.getMessage().matches(".*\\(line 2, column \\d+\\)"), e.getMessage());
    assertTrue(!e.getMessage().contains("tops3cret"), e.getMessage());
    assertNull(e.getCause(), "Jackson's own text could quote the token");
    assertEquals(
        "Config file " + file("   ") + " is empty; expected a JSON object",
        assertThrows(ConfigException.class, () -> JsonFiles.readConfig(f)).getMessage());
    String two = file("{} {}");
    assertTrue(
        assertThrows(ConfigException.class, () -> JsonFiles.readConfig(two))
            .getMessage()
            .contains("unexpected content after the first value"));
  }

  @Test
  void catalogIsParsedStrictly() throws Exception {
    ConfiguredAirbyteCatalog c =
        JsonFiles.readCatalog(
            file(
                "{\"streams\":[{\"stream\":{\"name\":"
                    + "\"a\"},\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"append\",\"x\":1}]}"));
    assertEquals(SyncMode.INCREMENTAL, c.streams.get(0).syncMode);
    String bad = file("{\"streams\":[{\"stream\":{\"name\":\"a\"},\n\"sync_mode\":\"INVALID\"}]}");
    ConfigException e = assertThrows(ConfigException.class, () -> JsonFiles.readCatalog(bad));
    assertEquals(
        "Catalog file "
            + bad
            + " is invalid: unknown sync_mode \"INVALID\"; expected one "
            + "of full_refresh, incremental at $.streams[0].sync_mode (line 2, column 13)",
        e.getMessage());
    String noName = file("{\"streams\":[{\"sync_mode\":\"full_refresh\"}]}");
    assertTrue(
        assertThrows(ConfigException.class, () -> JsonFiles.readCatalog(noName))
            .getMessage()
            .contains("$.streams[0] needs a stream with a name"));
    String noStreams = file("{\"streams\":null}");
    assertTrue(
        assertThrows(ConfigException.class, () -> JsonFiles.readCatalog(noStreams))
            .getMessage()
            .contains("has no \"streams\" array"));
  }

  @Test
  void truncatedFilesAreNamedWithoutJacksonsSourceNoise() throws Exception {
    String catalog = file("{\"streams\": [");
    String message =
        assertThrows(ConfigException.class, () -> JsonFiles.readCatalog(catalog)).getMessage();
    assertTrue(message.startsWith("Catalog file " + catalog + " is invalid: "), message);
    assertTrue(message.contains("Unexpected end-of-input"), message);
    assertTrue(message.contains("[line: 1, column: 13]"), message);
    assertTrue(!message.contains("Source:") && !message.contains("REDACTED"), message);
    String config = file("{\"count\": [");
    String configMessage =
        assertThrows(ConfigException.class, () -> JsonFiles.readConfig(config)).getMessage();
    assertTrue(configMessage.contains("not valid JSON: Unexpected end-of-input"), configMessage);
    assertTrue(!configMessage.contains("Source:"), configMessage);
  }

  @Test
  void stateMayBeEmptyOrAnyJson() throws Exception {
    assertNull(JsonFiles.readState(file("")));
    assertEquals("[]", JsonFiles.readState(file("[]")).toString());
    assertEquals("{}", JsonFiles.readState(file(" {} ")).toString());
    // The STATE lines a read printed, one per line, are one array of those messages.
    assertEquals(
        "[{\"type\":\"STATE\",\"n\":1},{\"type\":\"STATE\",\"n\":2}]",
        JsonFiles.readState(file("{\"type\":\"STATE\",\"n\":1}\n{\"type\":\"STATE\",\"n\":2}\n"))
            .toString());
    String bad = file("[{");
    assertTrue(
        assertThrows(ConfigException.class, () -> JsonFiles.readState(bad))
            .getMessage()
            .startsWith("State file " + bad + " is not valid JSON"));
  }
}
