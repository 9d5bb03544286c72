package io.c8kit.examples.postgres;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.jdbc.postgres.PgJdbc;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens JDBC connections from a {@link PostgresSource.Config} and turns connection failures into
 * distinct, readable {@link ConfigException}s. No message ever contains the password. What the
 * destination needs too is in {@link PgJdbc}; this class adds the source's own settings.
 */
final class PgConnections {
  private PgConnections() {}

  /** Driver properties: credentials, timeouts, SSL and the user's {@code jdbc_url_params}. */
  static Properties properties(PostgresSource.Config config) throws IOException {
    Properties props =
        PgJdbc.properties("c8kit-source-postgres", config.username(), config.password());
    // Reads are plain SELECTs; server-side prepared statements gain nothing for one execution each.
    props.setProperty("prepareThreshold", "0");
    if (config.sslMode().isPresent()) {
      ssl(props, config.sslMode().get());
    }
    config.jdbcUrlParams().ifPresent(params -> PgJdbc.addUrlParams(props, params));
    return props;
  }

  private static void ssl(Properties props, PostgresSource.SslMode mode) throws IOException {
    props.setProperty("sslmode", mode.mode());
    if (mode instanceof PostgresSource.SslMode.VerifyCa v) {
      certificates(
          props, v.caCertificate(), v.clientCertificate(), v.clientKey(), v.clientKeyPassword());
    } else if (mode instanceof PostgresSource.SslMode.VerifyFull v) {
      certificates(
          props, v.caCertificate(), v.clientCertificate(), v.clientKey(), v.clientKeyPassword());
    }
  }

  /** The CA certificate, and the client certificate and key when both are given. */
  private static void certificates(
      Properties props,
      String ca,
      Optional<String> clientCert,
      Optional<String> clientKey,
      Optional<String> keyPassword)
      throws IOException {
    PgJdbc.caCertificate(props, ca);
    if (clientCert.isPresent() && clientKey.isPresent()) {
      PgJdbc.clientCertificate(props, clientCert.get(), clientKey.get());
      keyPassword.ifPresent(p -> props.setProperty("sslpassword", p));
    }
  }

  /**
   * Opens a connection.
   *
   * @throws ConfigException when the server is unreachable, the credentials are wrong or the
   *     database does not exist (each with its own message)
   */
  static Connection open(PostgresSource.Config config) {
    return PgJdbc.open(
        config.host(),
        config.port(),
        config.database(),
        config.username(),
        () -> properties(config));
  }

  /** Connects and runs {@code SELECT 1}. */
  static void check(PostgresSource.Config config) {
    try (Connection c = open(config);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(PgJdbc.CONNECT_TIMEOUT_SECONDS * 3);
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new ConfigException(
          "Connected to "
              + config.host()
              + ":"
              + config.port()
              + " but could not run SELECT 1 in database "
              + config.database()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Classifies a failure in the middle of a read: lost connections and conflicts may be retried.
   */
  static RuntimeException readFailure(SQLException e, String what) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message =
        what + ": " + e.getMessage() + (state.isEmpty() ? "" : " (SQLState " + state + ")");
    if (state.startsWith("08")
        || state.startsWith("57P")
        || state.startsWith("40")
        || state.equals("53300")
        || state.equals("55P03")) {
      return new TransientException(message, e);
    }
    if (state.equals("42501")) {
      return new ConfigException(message, e);
    }
    return new IllegalStateException(message, e);
  }
}
