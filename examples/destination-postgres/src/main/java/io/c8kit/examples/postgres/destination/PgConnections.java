package io.c8kit.examples.postgres.destination;

import io.c8kit.ConfigException;
import io.c8kit.jdbc.postgres.PgJdbc;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Opens JDBC connections from a {@link PostgresDestination.Config} and runs the check's probe; no
 * message ever contains the password. The connection handling it shares with the source example
 * ({@link PgJdbc}) comes from the shared module c8kit-jdbc-postgres, see the README.
 */
final class PgConnections {
  private PgConnections() {}

  static Properties properties(PostgresDestination.Config config) throws IOException {
    Properties props =
        PgJdbc.properties("c8kit-destination-postgres", config.username(), config.password());
    if (config.sslMode().isPresent()) {
      PostgresDestination.SslMode mode = config.sslMode().get();
      props.setProperty("sslmode", mode.mode());
      if (mode instanceof PostgresDestination.SslMode.VerifyCa v) {
        PgJdbc.caCertificate(props, v.caCertificate());
        v.clientKeyPassword().ifPresent(p -> props.setProperty("sslpassword", p));
      } else if (mode instanceof PostgresDestination.SslMode.VerifyFull v) {
        PgJdbc.caCertificate(props, v.caCertificate());
        PgJdbc.clientCertificate(props, v.clientCertificate(), v.clientKey());
        v.clientKeyPassword().ifPresent(p -> props.setProperty("sslpassword", p));
      }
    }
    config.jdbcUrlParams().ifPresent(params -> PgJdbc.addUrlParams(props, params));
    return props;
  }

  /**
   * Opens a connection.
   *
   * @throws ConfigException when the server is unreachable, the credentials are wrong or the
   *     database does not exist (each with its own message)
   */
  static Connection open(PostgresDestination.Config config) {
    return PgJdbc.open(
        config.host(),
        config.port(),
        config.database(),
        config.username(),
        () -> properties(config));
  }

  /** Connects, creates {@code schema} if missing, creates and drops a probe table. */
  static void check(PostgresDestination.Config config, String schema) {
    String probe = "_c8kit_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String qSchema = PgJdbc.quote(schema);
    try (Connection c = open(config);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(PgJdbc.CONNECT_TIMEOUT_SECONDS * 3);
      try {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + qSchema);
        s.execute("CREATE TABLE " + qSchema + "." + PgJdbc.quote(probe) + " (id integer)");
        s.execute("INSERT INTO " + qSchema + "." + PgJdbc.quote(probe) + " VALUES (1)");
      } finally {
        s.execute("DROP TABLE IF EXISTS " + qSchema + "." + PgJdbc.quote(probe));
      }
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        throw new ConfigException(
            "User "
                + config.username()
                + " may not create tables in schema "
                + schema
                + " of database "
                + config.database()
                + " (permission denied)",
            e);
      }
      throw new ConfigException(
          "Connected to "
              + config.host()
              + ":"
              + config.port()
              + " but could not create a table in schema "
              + schema
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
