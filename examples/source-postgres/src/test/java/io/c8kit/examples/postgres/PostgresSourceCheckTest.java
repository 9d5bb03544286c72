package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.ConfigException;
import io.c8kit.acceptance.services.PostgresTestServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check's outcomes against a real server: success and three distinct, password-free failures.
 */
class PostgresSourceCheckTest {
  static final String WRONG_PASSWORD = "Wr0ng-Secret-p4ss";
  static PostgresTestServer pg;

  @BeforeAll
  static void setUp() {
    pg = PostgresTestServer.start("c8k_src_check");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static PostgresSource.Config with(
      String host, int port, String database, Optional<String> password) {
    return new PostgresSource.Config(
        host,
        port,
        database,
        List.of("public"),
        pg.user(),
        password,
        Optional.empty(),
        Optional.empty(),
        10_000,
        Optional.empty());
  }

  private static String failure(PostgresSource.Config config) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> new PostgresSource().check(config));
    assertFalse(e.getMessage().contains(WRONG_PASSWORD), e.getMessage());
    // The real password too, unless it is also the user or database name (then it is legitimately
    // in "Authentication failed for user …").
    if (!pg.password().isEmpty()
        && !pg.user().contains(pg.password())
        && !pg.database().contains(pg.password())
        && !pg.host().contains(pg.password())) {
      assertFalse(e.getMessage().contains(pg.password()), "message leaks the password");
    }
    return e.getMessage();
  }

  @Test
  void succeedsWithGoodSettings() {
    assertDoesNotThrow(() -> new PostgresSource().check(Reads.config(pg)));
  }

  @Test
  void unreachableServer() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    String message =
        failure(with("127.0.0.1", closedPort, pg.database(), Optional.of(pg.password())));
    assertEquals(
        "Could not connect to 127.0.0.1:" + closedPort + " — is the server running and reachable?",
        message);
  }

  @Test
  void unknownHost() {
    String message =
        failure(with("no-such-host.invalid", 5432, pg.database(), Optional.of(pg.password())));
    assertEquals(
        "Could not connect to no-such-host.invalid:5432 — is the server running and "
            + "reachable?",
        message);
  }

  @Test
  void wrongPassword() {
    requirePasswordChecks();
    String message =
        failure(with(pg.host(), pg.port(), pg.database(), Optional.of(WRONG_PASSWORD)));
    assertEquals(
        "Authentication failed for user "
            + pg.user()
            + " — check the username and password (and that pg_hba.conf allows this client)",
        message);
  }

  @Test
  void missingPassword() {
    requirePasswordChecks();
    String message = failure(with(pg.host(), pg.port(), pg.database(), Optional.empty()));
    assertEquals(
        "Authentication failed for user " + pg.user() + " — the server requires a password",
        message);
  }

  @Test
  void missingDatabase() {
    String message =
        failure(with(pg.host(), pg.port(), "c8k_no_such_database", Optional.of(pg.password())));
    assertEquals(
        "Database c8k_no_such_database does not exist on " + pg.host() + ":" + pg.port(), message);
  }

  @Test
  void theThreeFailuresAreDistinct() throws Exception {
    requirePasswordChecks();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Set<String> prefixes =
        Set.of(
            failure(with("127.0.0.1", closedPort, pg.database(), Optional.of(pg.password())))
                .split(" ")[0],
            failure(with(pg.host(), pg.port(), pg.database(), Optional.of(WRONG_PASSWORD)))
                .split(" ")[0],
            failure(with(pg.host(), pg.port(), "c8k_no_such_database", Optional.of(pg.password())))
                .split(" ")[0]);
    assertEquals(Set.of("Could", "Authentication", "Database"), prefixes);
  }

  /**
   * The password checks need a server that checks passwords (scripts/postgres-up.sh configures
   * scram-sha-256); a trusting server is a broken test setup, reported as a failure, never a skip.
   */
  private static void requirePasswordChecks() {
    PostgresSource.Config wrong =
        with(pg.host(), pg.port(), pg.database(), Optional.of(WRONG_PASSWORD));
    try (Connection c = PgConnections.open(wrong)) {
      assertFalse(
          c.isValid(5),
          "the test server accepts any password for "
              + pg.user()
              + " (trust auth): start it with scripts/postgres-up.sh, which uses scram-sha-256");
    } catch (ConfigException | SQLException expected) {
      // the server checks passwords
    }
  }
}
