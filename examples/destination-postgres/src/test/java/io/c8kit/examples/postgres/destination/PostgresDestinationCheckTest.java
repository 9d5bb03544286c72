package io.c8kit.examples.postgres.destination;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.airbyte.ConnectorCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The destination's check against a real server, and its spec through the CLI. */
class PostgresDestinationCheckTest {
  static final String WRONG_PASSWORD = "Wr0ng-Secret-p4ss";
  static PostgresTestServer pg;
  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    pg = PostgresTestServer.start("c8k_dst_check");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.sql("DROP SCHEMA IF EXISTS " + pg.schema() + "_made CASCADE");
      pg.close();
    }
  }

  private static PostgresDestination.Config with(
      String host, int port, String database, String schema, Optional<String> password) {
    return new PostgresDestination.Config(
        host,
        port,
        database,
        schema,
        pg.user(),
        password,
        Optional.empty(),
        Optional.empty(),
        true);
  }

  private static String failure(PostgresDestination.Config config) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> new PostgresDestination().check(config));
    assertFalse(e.getMessage().contains(WRONG_PASSWORD), e.getMessage());
    return e.getMessage();
  }

  @Test
  void createsTheSchemaAndProbesATable() throws Exception {
    String schema = pg.schema() + "_made";
    assertDoesNotThrow(
        () ->
            new PostgresDestination()
                .check(
                    with(pg.host(), pg.port(), pg.database(), schema, Optional.of(pg.password()))));
    assertEquals(1, pg.count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"));
    assertEquals(
        0,
        pg.count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'"),
        "the probe table is dropped");
  }

  @Test
  void distinctFailures() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertEquals(
        "Could not connect to 127.0.0.1:" + closedPort + " — is the server running and reachable?",
        failure(
            with("127.0.0.1", closedPort, pg.database(), pg.schema(), Optional.of(pg.password()))));
    assertEquals(
        "Database c8k_no_such_db does not exist on " + pg.host() + ":" + pg.port(),
        failure(
            with(pg.host(), pg.port(), "c8k_no_such_db", pg.schema(), Optional.of(pg.password()))));
    PostgresDestination.Config wrong =
        with(pg.host(), pg.port(), pg.database(), pg.schema(), Optional.of(WRONG_PASSWORD));
    try (Connection c = PgConnections.open(wrong)) {
      // A trusting server is a broken test setup (scripts/postgres-up.sh uses scram): fail, never
      // skip.
      assertFalse(c.isValid(5), "the test server accepts any password (trust auth)");
    } catch (ConfigException | java.sql.SQLException expected) {
      // passwords are checked
    }
    assertEquals(
        "Authentication failed for user "
            + pg.user()
            + " — check the username and password (and that pg_hba.conf allows this client)",
        failure(wrong));
  }

  @Test
  void specThroughTheCli() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {"spec"},
            new ByteArrayInputStream(new byte[0]),
            out,
            new ByteArrayOutputStream());
    assertEquals(0, exit);
    JsonNode spec = Sync.JSON.readTree(out.toString(StandardCharsets.UTF_8).trim()).get("spec");
    assertEquals(
        "[\"append\",\"overwrite\",\"append_dedup\"]",
        spec.get("supported_destination_sync_modes").toString());
    assertTrue(spec.at("/connectionSpecification/properties/password/airbyte_secret").asBoolean());
    assertEquals("public", spec.at("/connectionSpecification/properties/schema/default").asText());
  }

  @Test
  void checkThroughTheCliReportsFailedWithoutThePassword() throws Exception {
    ObjectNode config = Sync.config(pg, true).put("password", WRONG_PASSWORD);
    Path file = dir.resolve("config.json");
    Files.writeString(file, config.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ConnectorCli.run(
            new PostgresConnector(),
            new String[] {"check", "--config", file.toString()},
            new ByteArrayInputStream(new byte[0]),
            out,
            err);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, stdout);
    assertTrue(
        stdout.contains("\"status\":\"FAILED\"") || stdout.contains("\"SUCCEEDED\""), stdout);
    assertFalse(
        stdout.contains(WRONG_PASSWORD)
            || err.toString(StandardCharsets.UTF_8).contains(WRONG_PASSWORD),
        "password leaked");
  }
}
