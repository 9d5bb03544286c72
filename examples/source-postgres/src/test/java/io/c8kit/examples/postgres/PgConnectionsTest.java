package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.ConfigException;
import io.c8kit.examples.postgres.jdbc.PgJdbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Connection settings built from the config, and the shared {@link PgJdbc} (no server needed). */
class PgConnectionsTest {
  private static PostgresSource.Config config(Optional<String> params,
      Optional<PostgresSource.SslMode> ssl) {
    return new PostgresSource.Config("db.example.com", 5433, "my db/x", List.of("public"), "me",
        Optional.of("pw"), params, ssl, 10_000, Optional.empty());
  }

  @Test
  void urlEncodesTheDatabaseAndBracketsIpv6() {
    assertEquals("jdbc:postgresql://db.example.com:5433/my%20db%2Fx",
        PgJdbc.url("db.example.com", 5433, "my db/x"));
    assertEquals("jdbc:postgresql://[::1]:5432/d", PgJdbc.url("::1", 5432, "d"));
  }

  @Test
  void jdbcUrlParamsBecomeDriverProperties() throws Exception {
    Properties p = PgConnections.properties(config(
        Optional.of("ApplicationName=my%20app&options=-c%20statement_timeout=5000&&"), Optional.empty()));
    assertEquals("my app", p.getProperty("ApplicationName"));
    assertEquals("-c statement_timeout=5000", p.getProperty("options"));
    assertEquals("me", p.getProperty("user"));
    assertEquals("pw", p.getProperty("password"));
    assertNull(p.getProperty("sslmode"));
    assertThrows(ConfigException.class, () -> PgConnections.properties(
        config(Optional.of("novalue"), Optional.empty())));
  }

  @Test
  void sslModesMapToDriverProperties() throws Exception {
    assertEquals("require", PgConnections.properties(
        config(Optional.empty(), Optional.of(new PostgresSource.SslMode.Require()))).getProperty("sslmode"));
    assertEquals("disable", PgConnections.properties(
        config(Optional.empty(), Optional.of(new PostgresSource.SslMode.Disable()))).getProperty("sslmode"));
    String pem = "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n";
    Properties p = PgConnections.properties(config(Optional.empty(), Optional.of(
        new PostgresSource.SslMode.VerifyFull("CA-PEM", Optional.of("CERT-PEM"), Optional.of(pem),
            Optional.of("kp")))));
    assertEquals("verify-full", p.getProperty("sslmode"));
    assertEquals("CA-PEM", Files.readString(Path.of(p.getProperty("sslrootcert"))));
    assertEquals("CERT-PEM", Files.readString(Path.of(p.getProperty("sslcert"))));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(Path.of(p.getProperty("sslkey"))));
    assertEquals("kp", p.getProperty("sslpassword"));
    assertEquals(PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(Path.of(p.getProperty("sslkey"))));
  }

  @Test
  void everySslOptionIsNamedAfterItsSslmode() {
    List<PostgresSource.SslMode> options = List.of(new PostgresSource.SslMode.Disable(),
        new PostgresSource.SslMode.Allow(), new PostgresSource.SslMode.Prefer(),
        new PostgresSource.SslMode.Require(),
        new PostgresSource.SslMode.VerifyCa("CA", Optional.empty(), Optional.empty(), Optional.empty()),
        new PostgresSource.SslMode.VerifyFull("CA", Optional.empty(), Optional.empty(), Optional.empty()));
    assertEquals(List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
        options.stream().map(PostgresSource.SslMode::mode).toList());
  }

  @Test
  void tlsFailuresAreNamedAsSuchNotAsAnUnreachableServer() {
    java.sql.SQLException untrusted = new java.sql.SQLException("SSL error: PKIX path building failed",
        "08006", new javax.net.ssl.SSLHandshakeException("PKIX path building failed: unable to find"
            + " valid certification path to requested target"));
    assertEquals("SSL connection to db:5432 failed: the server's certificate is not signed by the"
        + " given CA certificate — check ssl_mode and its certificates",
        PgJdbc.connectFailure(untrusted, "db", 5432, "d", "u").getMessage());
    java.sql.SQLException otherHost = new java.sql.SQLException("The hostname db could not be verified"
        + " by hostnameverifier PgjdbcHostnameVerifier.", "08006");
    assertEquals("SSL connection to db:5432 failed: the server's certificate is not issued for host db"
        + " — check ssl_mode and its certificates",
        PgJdbc.connectFailure(otherHost, "db", 5432, "d", "u").getMessage());
    java.sql.SQLException noSsl = new java.sql.SQLException("The server does not support SSL.", "08004");
    assertEquals(ConfigException.class, PgJdbc.connectFailure(noSsl, "db", 5432, "d", "u").getClass());
    assertEquals(true, PgJdbc.connectFailure(noSsl, "db", 5432, "d", "u").getMessage()
        .contains("the server does not support SSL"));
    // not about TLS: unchanged
    java.sql.SQLException refused = new java.sql.SQLException("Connection refused", "08001",
        new java.net.ConnectException("Connection refused"));
    assertEquals("Could not connect to db:5432 — is the server running and reachable?",
        PgJdbc.connectFailure(refused, "db", 5432, "d", "u").getMessage());
  }
}
