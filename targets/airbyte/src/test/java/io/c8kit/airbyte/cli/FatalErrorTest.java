package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.airbyte.ConnectorCli;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors, not exceptions: still exactly one TRACE ERROR and exit 1. */
class FatalErrorTest {
  @TempDir Path dir;

  private final HandwrittenSource source = new HandwrittenSource();

  private String config(String behavior) throws Exception {
    return Cli.write(
            dir,
            "config.json",
            "{\"host\":\"h\",\"api_key\":\"k-secret-1\"," + "\"behavior\":\"" + behavior + "\"}")
        .toString();
  }

  @Test
  void stackOverflowInDiscoverIsOneSystemErrorTrace() throws Exception {
    Cli.Result r = Cli.run(source, "discover", "--config", config("overflow"));
    assertEquals(1, r.code());
    JsonNode error = r.onlyError();
    assertEquals("system_error", error.path("failure_type").asText());
    assertEquals(
        "Something went wrong in the connector: java.lang.StackOverflowError",
        error.path("message").asText());
    assertEquals(1, r.messages().size());
  }

  @Test
  void outOfMemoryInDiscoverIsOneSystemErrorTrace() throws Exception {
    Cli.Result r = Cli.run(source, "discover", "--config", config("oom"));
    assertEquals(1, r.code());
    assertEquals(
        "Something went wrong in the connector: Java heap space",
        r.onlyError().path("message").asText());
  }

  @Test
  void checkDoesNotRunDiscovery() throws Exception {
    Cli.Result r = Cli.run(source, "check", "--config", config("overflow"));
    assertEquals(0, r.code(), "check does not call discover");
    assertEquals(
        "SUCCEEDED", r.only("CONNECTION_STATUS").path("connectionStatus").path("status").asText());
  }

  @Test
  void aStdoutThatFailsOnceStillGetsTheTraceAndExitOne() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    OutputStream flaky =
        new OutputStream() {
          private boolean failed;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (!failed) {
              failed = true;
              throw new IOException("Broken pipe");
            }
            captured.write(b, off, len);
          }
        };
    int code =
        ConnectorCli.run(
            source,
            new String[] {"spec"},
            new ByteArrayInputStream(new byte[0]),
            flaky,
            new ByteArrayOutputStream());
    assertEquals(1, code);
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, Cli.parse(out).size(), out);
    assertTrue(
        out.contains("\"failure_type\":\"system_error\"") && out.contains("Broken pipe"), out);
  }
}
