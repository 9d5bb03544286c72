package io.c8kit.examples.postgres.destination;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Opens JDBC connections from a {@link PostgresDestination.Config} and turns failures into distinct,
 * readable {@link ConfigException}s; no message ever contains the password. (The source example has
 * its own copy: each example module stands alone so it can be copied.)
 */
final class PgConnections {
  private PgConnections() {}

  static final int CONNECT_TIMEOUT_SECONDS = 10;

  static String url(String host, int port, String database) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String db = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    return "jdbc:postgresql://" + h + ":" + port + "/" + db;
  }

  static Properties properties(PostgresDestination.Config config) throws IOException {
    Properties props = new Properties();
    props.setProperty("user", config.username());
    config.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("ApplicationName", "c8kit-destination-postgres");
    if (config.sslMode().isPresent()) {
      PostgresDestination.SslMode mode = config.sslMode().get();
      props.setProperty("sslmode", mode.mode());
      if (mode instanceof PostgresDestination.SslMode.VerifyCa v) {
        props.setProperty("sslrootcert", privateFile("ca", ".crt", v.caCertificate().getBytes(StandardCharsets.UTF_8)));
        v.clientKeyPassword().ifPresent(p -> props.setProperty("sslpassword", p));
      } else if (mode instanceof PostgresDestination.SslMode.VerifyFull v) {
        props.setProperty("sslrootcert", privateFile("ca", ".crt", v.caCertificate().getBytes(StandardCharsets.UTF_8)));
        props.setProperty("sslcert", privateFile("client", ".crt", v.clientCertificate().getBytes(StandardCharsets.UTF_8)));
        props.setProperty("sslkey", privateFile("client", ".pk8", pemToDer(v.clientKey())));
        v.clientKeyPassword().ifPresent(p -> props.setProperty("sslpassword", p));
      }
    }
    config.jdbcUrlParams().ifPresent(params -> addUrlParams(props, params));
    return props;
  }

  static void addUrlParams(Properties props, String params) {
    for (String pair : params.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("jdbc_url_params must be key=value pairs separated by '&', but "
            + "contains \"" + pair.trim() + "\"");
      }
      props.setProperty(pair.substring(0, eq).trim(),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
  }

  static byte[] pemToDer(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("The client key is not a PEM-encoded PKCS-8 key");
    }
  }

  private static String privateFile(String prefix, String suffix, byte[] content) throws IOException {
    Path file;
    try {
      file = Files.createTempFile("c8kit-pg-" + prefix, suffix,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile("c8kit-pg-" + prefix, suffix);
    }
    file.toFile().deleteOnExit();
    Files.write(file, content);
    return file.toString();
  }

  /**
   * Opens a connection.
   *
   * @throws ConfigException when the server is unreachable, the credentials are wrong or the
   *     database does not exist (each with its own message)
   */
  static Connection open(PostgresDestination.Config config) {
    try {
      return DriverManager.getConnection(url(config.host(), config.port(), config.database()),
          properties(config));
    } catch (SQLException e) {
      throw connectFailure(e, config);
    } catch (IOException e) {
      throw new ConfigException("Could not write the SSL certificates to a temporary file: "
          + e.getMessage(), e);
    }
  }

  /** Connects, creates {@code schema} if missing, creates and drops a probe table. */
  static void check(PostgresDestination.Config config, String schema) {
    String probe = "_c8kit_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String qSchema = quote(schema);
    try (Connection c = open(config); Statement s = c.createStatement()) {
      s.setQueryTimeout(CONNECT_TIMEOUT_SECONDS * 3);
      try {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + qSchema);
        s.execute("CREATE TABLE " + qSchema + "." + quote(probe) + " (id integer)");
        s.execute("INSERT INTO " + qSchema + "." + quote(probe) + " VALUES (1)");
      } finally {
        s.execute("DROP TABLE IF EXISTS " + qSchema + "." + quote(probe));
      }
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        throw new ConfigException("User " + config.username() + " may not create tables in schema "
            + schema + " of database " + config.database() + " (permission denied)", e);
      }
      throw new ConfigException("Connected to " + config.host() + ":" + config.port()
          + " but could not create a table in schema " + schema + ": " + e.getMessage(), e);
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static RuntimeException connectFailure(SQLException e, PostgresDestination.Config config) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String hostPort = config.host() + ":" + config.port();
    switch (state) {
      case "08004":
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")) {
          return new ConfigException("Authentication failed for user " + config.username()
              + " — the server requires a password", e);
        }
        return new ConfigException("Could not connect to " + hostPort
            + " — is the server running and reachable?", e);
      case "28P01":
      case "28000":
        return new ConfigException("Authentication failed for user " + config.username()
            + " — check the username and password (and that pg_hba.conf allows this client)", e);
      case "3D000":
        return new ConfigException("Database " + config.database() + " does not exist on "
            + hostPort, e);
      case "42501":
        return new ConfigException("User " + config.username() + " may not connect to database "
            + config.database() + " (permission denied)", e);
      case "53300":
      case "57P03":
        return new TransientException("The server at " + hostPort
            + " refused new connections for now (" + e.getMessage() + ")", e);
      default:
        if (state.startsWith("08")) {
          return new ConfigException("Could not connect to " + hostPort
              + " — is the server running and reachable?", e);
        }
        return new ConfigException("Could not open a connection to database " + config.database()
            + " on " + hostPort + " as " + config.username() + ": " + e.getMessage(), e);
    }
  }
}
