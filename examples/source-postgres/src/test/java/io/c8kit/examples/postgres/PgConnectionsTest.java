package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Connection settings built from the config (no server needed; the shared part has its own
 * PgJdbcTest).
 */
class PgConnectionsTest {
  private static PostgresSource.Config config(
      Optional<String> params, Optional<PostgresSource.SslMode> ssl) {
    return new PostgresSource.Config(
        "db.example.com",
        5433,
        "my db/x",
        List.of("public"),
        "me",
        Optional.of("pw"),
        params,
        ssl,
        10_000,
        Optional.empty());
  }

  @Test
  void jdbcUrlParamsBecomeDriverProperties() throws Exception {
    Properties p =
        PgConnections.properties(
            config(
                Optional.of("ApplicationName=my%20app&options=-c%20statement_timeout=5000&&"),
                Optional.empty()));
    assertEquals("my app", p.getProperty("ApplicationName"));
    assertEquals("-c statement_timeout=5000", p.getProperty("options"));
    assertEquals("me", p.getProperty("user"));
    assertEquals("pw", p.getProperty("password"));
    assertNull(p.getProperty("sslmode"));
    assertThrows(
        ConfigException.class,
        () -> PgConnections.properties(config(Optional.of("novalue"), Optional.empty())));
  }

  @Test
  void sslModesMapToDriverProperties() throws Exception {
    assertEquals(
        "require",
        PgConnections.properties(
                config(Optional.empty(), Optional.of(new PostgresSource.SslMode.Require())))
            .getProperty("sslmode"));
    assertEquals(
        "disable",
        PgConnections.properties(
                config(Optional.empty(), Optional.of(new PostgresSource.SslMode.Disable())))
            .getProperty("sslmode"));
    String pem = "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n";
    Properties p =
        PgConnections.properties(
            config(
                Optional.empty(),
                Optional.of(
                    new PostgresSource.SslMode.VerifyFull(
                        "CA-PEM", Optional.of("CERT-PEM"), Optional.of(pem), Optional.of("kp")))));
    assertEquals("verify-full", p.getProperty("sslmode"));
    assertEquals("CA-PEM", Files.readString(Path.of(p.getProperty("sslrootcert"))));
    assertEquals("CERT-PEM", Files.readString(Path.of(p.getProperty("sslcert"))));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(Path.of(p.getProperty("sslkey"))));
    assertEquals("kp", p.getProperty("sslpassword"));
    assertEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(Path.of(p.getProperty("sslkey"))));
  }

  @Test
  void everySslOptionIsNamedAfterItsSslmode() {
    List<PostgresSource.SslMode> options =
        List.of(
            new PostgresSource.SslMode.Disable(),
            new PostgresSource.SslMode.Allow(),
            new PostgresSource.SslMode.Prefer(),
            new PostgresSource.SslMode.Require(),
            new PostgresSource.SslMode.VerifyCa(
                "CA", Optional.empty(), Optional.empty(), Optional.empty()),
            new PostgresSource.SslMode.VerifyFull(
                "CA", Optional.empty(), Optional.empty(), Optional.empty()));
    assertEquals(
        List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
        options.stream().map(PostgresSource.SslMode::mode).toList());
  }
}
