package io.c8kit.examples.postgres.destination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The destination's driver properties, built with the shared connection handling (no server
 * needed).
 */
class PgConnectionsTest {
  private static PostgresDestination.Config config(Optional<PostgresDestination.SslMode> ssl) {
    return new PostgresDestination.Config(
        "db.example.com",
        5433,
        "d",
        "public",
        "me",
        Optional.of("pw"),
        ssl,
        Optional.of("options=-c%20statement_timeout=5000"),
        true);
  }

  @Test
  void credentialsTimeoutsAndUrlParams() throws Exception {
    Properties p = PgConnections.properties(config(Optional.empty()));
    assertEquals("me", p.getProperty("user"));
    assertEquals("pw", p.getProperty("password"));
    assertEquals("10", p.getProperty("connectTimeout"));
    assertEquals("c8kit-destination-postgres", p.getProperty("ApplicationName"));
    assertEquals("-c statement_timeout=5000", p.getProperty("options"));
    assertNull(p.getProperty("sslmode"));
  }

  @Test
  void verifyCaSetsTheCaAndTheKeyPassword() throws Exception {
    Properties p =
        PgConnections.properties(
            config(
                Optional.of(
                    new PostgresDestination.SslMode.VerifyCa("CA-PEM", Optional.of("kp")))));
    assertEquals("verify-ca", p.getProperty("sslmode"));
    assertEquals("CA-PEM", Files.readString(Path.of(p.getProperty("sslrootcert"))));
    assertEquals("kp", p.getProperty("sslpassword"));
    assertNull(p.getProperty("sslcert"));
  }

  @Test
  void verifyFullSetsTheClientCertificateAndKey() throws Exception {
    String pem = "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n";
    Properties p =
        PgConnections.properties(
            config(
                Optional.of(
                    new PostgresDestination.SslMode.VerifyFull(
                        "CA-PEM", "CERT-PEM", pem, Optional.empty()))));
    assertEquals("verify-full", p.getProperty("sslmode"));
    assertEquals("CERT-PEM", Files.readString(Path.of(p.getProperty("sslcert"))));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(Path.of(p.getProperty("sslkey"))));
    assertNull(p.getProperty("sslpassword"));
  }

  @Test
  void everySslOptionIsNamedAfterItsSslmode() {
    List<PostgresDestination.SslMode> options =
        List.of(
            new PostgresDestination.SslMode.Disable(),
            new PostgresDestination.SslMode.Allow(),
            new PostgresDestination.SslMode.Prefer(),
            new PostgresDestination.SslMode.Require(),
            new PostgresDestination.SslMode.VerifyCa("CA", Optional.empty()),
            new PostgresDestination.SslMode.VerifyFull("CA", "CERT", "KEY", Optional.empty()));
    assertEquals(
        List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
        options.stream().map(PostgresDestination.SslMode::mode).toList());
  }
}
