package io.c8kit.acceptance.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Where the PostgreSQL test server's settings come from, and what happens without one (no server
 * needed).
 */
class PostgresTestServerTest {
  @TempDir Path dir;

  private Path envFile(String text) throws Exception {
    return Files.writeString(dir.resolve("env"), text);
  }

  @Test
  void settingsComeFromTheEnvFileThatPostgresUpWrites() throws Exception {
    Path file =
        envFile(
            "export C8KIT_PG_HOST=127.0.0.1 C8KIT_PG_PORT=54329 C8KIT_PG_USER=c8kit"
                + " C8KIT_PG_PASSWORD='p w' C8KIT_PG_DATABASE=\"d\"\nexport C8KIT_PG_JDBC_URL=jdbc:postgresql://x\n");
    Map<String, String> s =
        PostgresTestServer.settings(
            Map.of("C8KIT_PG_ENV_FILE", file.toString(), "C8KIT_PG_PASSWORD", "from-env"));
    assertEquals("127.0.0.1", s.get("C8KIT_PG_HOST"));
    assertEquals("54329", s.get("C8KIT_PG_PORT"));
    assertEquals("c8kit", s.get("C8KIT_PG_USER"));
    assertEquals("d", s.get("C8KIT_PG_DATABASE"));
    assertEquals(
        "from-env", s.get("C8KIT_PG_PASSWORD"), "a variable that is set wins over the file");
  }

  @Test
  void theFileIsIgnoredWhenTheHostIsSet() throws Exception {
    Path file = envFile("C8KIT_PG_HOST=file-host C8KIT_PG_USER=file-user\n");
    Map<String, String> s =
        PostgresTestServer.settings(
            Map.of("C8KIT_PG_ENV_FILE", file.toString(), "C8KIT_PG_HOST", "env-host"));
    assertEquals(Map.of("C8KIT_PG_HOST", "env-host"), s);
  }

  @Test
  void withoutSettingsTheTestIsSkippedOrFailsUnderCi() {
    String missing = dir.resolve("missing").toString();
    TestAbortedException skipped =
        assertThrows(
            TestAbortedException.class,
            () -> PostgresTestServer.start("t", Map.of("C8KIT_PG_ENV_FILE", missing)));
    assertTrue(skipped.getMessage().startsWith("PostgreSQL not available: "), skipped.getMessage());
    AssertionFailedError failed =
        assertThrows(
            AssertionFailedError.class,
            () ->
                PostgresTestServer.start("t", Map.of("C8KIT_PG_ENV_FILE", missing, "CI", "true")));
    assertTrue(
        failed.getMessage().startsWith("PostgreSQL is required under CI=true: "),
        failed.getMessage());
  }

  @Test
  void aMissingDriverIsABuildMistakeNotAMissingServer() {
    // The kit itself has no PostgreSQL driver: the connector module brings it.
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                PostgresTestServer.start(
                    "t",
                    Map.of(
                        "C8KIT_PG_HOST",
                        "::1",
                        "C8KIT_PG_USER",
                        "u",
                        "C8KIT_PG_DATABASE",
                        "my db")));
    assertTrue(e.getMessage().contains("jdbc:postgresql://[::1]:5432/my%20db"), e.getMessage());
    assertTrue(e.getMessage().contains("org.postgresql:postgresql"), e.getMessage());
  }
}
