package io.c8kit.jdbc.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The connection handling both PostgreSQL examples share (no server needed). */
class PgJdbcTest {
  @Test
  void urlEncodesTheDatabaseAndBracketsIpv6() {
    assertEquals(
        "jdbc:postgresql://db.example.com:5433/my%20db%2Fx",
        PgJdbc.url("db.example.com", 5433, "my db/x"));
    assertEquals("jdbc:postgresql://[::1]:5432/d", PgJdbc.url("::1", 5432, "d"));
  }

  @Test
  void tlsFailuresAreNamedAsSuchNotAsAnUnreachableServer() {
    SQLException untrusted =
        new SQLException(
            "SSL error: PKIX path building failed",
            "08006",
            new javax.net.ssl.SSLHandshakeException(
                "PKIX path building failed: unable to find"
                    + " valid certification path to requested target"));
    assertEquals(
        "SSL connection to db:5432 failed: the server's certificate is not signed by the"
            + " given CA certificate — check ssl_mode and its certificates",
        PgJdbc.connectFailure(untrusted, "db", 5432, "d", "u").getMessage());
    SQLException otherHost =
        new SQLException(
            "The hostname db could not be verified"
                + " by hostnameverifier PgjdbcHostnameVerifier.",
            "08006");
    assertEquals(
        "SSL connection to db:5432 failed: the server's certificate is not issued for host db"
            + " — check ssl_mode and its certificates",
        PgJdbc.connectFailure(otherHost, "db", 5432, "d", "u").getMessage());
    SQLException noSsl = new SQLException("The server does not support SSL.", "08004");
    assertEquals(
        ConfigException.class, PgJdbc.connectFailure(noSsl, "db", 5432, "d", "u").getClass());
    assertEquals(
        true,
        PgJdbc.connectFailure(noSsl, "db", 5432, "d", "u")
            .getMessage()
            .contains("the server does not support SSL"));
    // not about TLS: unchanged
    SQLException refused =
        new SQLException(
            "Connection refused", "08001", new java.net.ConnectException("Connection refused"));
    assertEquals(
        "Could not connect to db:5432 — is the server running and reachable?",
        PgJdbc.connectFailure(refused, "db", 5432, "d", "u").getMessage());
  }

  @Test
  void credentialsAndTimeoutsAreDriverProperties() {
    Properties p = PgJdbc.properties("app", "me", Optional.empty());
    assertEquals("me", p.getProperty("user"));
    assertEquals(null, p.getProperty("password"));
    assertEquals("10", p.getProperty("loginTimeout"));
    assertEquals("app", p.getProperty("ApplicationName"));
  }

  @Test
  void urlParamsAreDecodedAndMalformedOnesNamed() {
    Properties p = new Properties();
    PgJdbc.addUrlParams(p, "a=1%262&&b=x+y");
    assertEquals("1&2", p.getProperty("a"));
    assertEquals("x y", p.getProperty("b"));
    ConfigException e =
        assertThrows(ConfigException.class, () -> PgJdbc.addUrlParams(p, "a=1& novalue "));
    assertEquals(
        "jdbc_url_params must be key=value pairs separated by '&', but contains \"novalue\"",
        e.getMessage());
    assertThrows(ConfigException.class, () -> PgJdbc.addUrlParams(p, "=x"));
  }

  @Test
  void clientKeysArePemDecodedAndGarbageIsAConfigError() {
    assertArrayEquals(
        new byte[] {1, 2, 3},
        PgJdbc.pemToDer("-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n"));
    assertThrows(ConfigException.class, () -> PgJdbc.pemToDer("not base64 at all!"));
  }

  @Test
  void aServerRefusingConnectionsForNowIsTransient() {
    assertEquals(
        TransientException.class,
        PgJdbc.connectFailure(new SQLException("too many clients", "53300"), "db", 5432, "d", "u")
            .getClass());
    assertEquals(
        "Database d does not exist on db:5432",
        PgJdbc.connectFailure(new SQLException("no db", "3D000"), "db", 5432, "d", "u")
            .getMessage());
  }
}
