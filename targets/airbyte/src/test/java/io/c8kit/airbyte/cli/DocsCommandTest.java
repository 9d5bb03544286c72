package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenDestination;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs}: the reference page in Markdown on stdout (not an Airbyte command). */
class DocsCommandTest {
  @TempDir Path dir;

  private static String docs(io.c8kit.runtime.Connector<?> connector, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] argv = new String[args.length + 1];
    argv[0] = "docs";
    System.arraycopy(args, 0, argv, 1, args.length);
    int code = ConnectorCli.run(connector, argv, InputStream.nullInputStream(), out, err);
    assertEquals(0, code, out + "\n" + err);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSourcePageHasItsSettingsAndStaticStreamsWithoutAConfig() {
    String page = docs(new HandwrittenSource());
    assertTrue(page.startsWith("# Handwritten Source (source-handwritten-source 1.2.3)\n"), page);
    assertTrue(page.contains("| `api_key` | string |"), page);
    assertTrue(page.contains("### users\n"), page);
    assertTrue(page.contains("- cursor: `updated_at`"), page);
    assertFalse(page.contains("### events"), "discovered streams need a config:\n" + page);
    assertEquals(page, docs(new HandwrittenSource()), "deterministic");
  }

  @Test
  void withAConfigTheDiscoveredStreamsAreListedToo() throws Exception {
    String config =
        Cli.write(dir, "config.json", "{\"host\":\"db\",\"api_key\":\"k-1234567\"}").toString();
    String page = docs(new HandwrittenSource(), "--config", config);
    assertTrue(page.contains("### events\n"), page);
    assertFalse(page.contains("k-1234567"), page);
  }

  @Test
  void aDestinationPageHasItsSyncModes() {
    String page = docs(new HandwrittenDestination());
    assertTrue(page.contains("## Sync modes\n"), page);
    assertFalse(page.contains("## Streams"), page);
  }
}
