package io.c8kit.examples.postgres;

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
import java.util.Optional;
import java.util.Properties;

/**
 * Opens JDBC connections from a {@link PostgresSource.Config} and turns connection failures into
 * distinct, readable {@link ConfigException}s. No message ever contains the password.
 */
final class PgConnections {
  private PgConnections() {}

  /** Seconds to wait for the TCP connection and for the login. */
  static final int CONNECT_TIMEOUT_SECONDS = 10;

  /** The JDBC URL, without credentials: {@code jdbc:postgresql://host:port/database}. */
  static String url(String host, int port, String database) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    // pgjdbc URL-decodes the database name, so encode it (spaces as %20, not +).
    String db = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    return "jdbc:postgresql://" + h + ":" + port + "/" + db;
  }

  /** Driver properties: credentials, timeouts, SSL and the user's {@code jdbc_url_params}. */
  static Properties properties(PostgresSource.Config config) throws IOException {
    Properties props = new Properties();
    props.setProperty("user", config.username());
    config.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("ApplicationName", "c8kit-source-postgres");
    // Reads are plain SELECTs; server-side prepared statements gain nothing for one execution each.
    props.setProperty("prepareThreshold", "0");
    if (config.sslMode().isPresent()) {
      ssl(props, config.sslMode().get());
    }
    config.jdbcUrlParams().ifPresent(params -> addUrlParams(props, params));
    return props;
  }

  /** Parses {@code key1=value1&key2=value2} into {@code props} (values may be URL-encoded). */
  static void addUrlParams(Properties props, String params) {
    for (String pair : params.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("jdbc_url_params must be key=value pairs separated by '&', but "
            + "contains \"" + (eq == 0 ? pair : pair.trim()) + "\"");
      }
      String key = pair.substring(0, eq).trim();
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      props.setProperty(key, value);
    }
  }

  private static void ssl(Properties props, PostgresSource.SslMode mode) throws IOException {
    props.setProperty("sslmode", mode.mode());
    if (mode instanceof PostgresSource.SslMode.VerifyCa v) {
      certificates(props, v.caCertificate(), v.clientCertificate(), v.clientKey(),
          v.clientKeyPassword());
    } else if (mode instanceof PostgresSource.SslMode.VerifyFull v) {
      certificates(props, v.caCertificate(), v.clientCertificate(), v.clientKey(),
          v.clientKeyPassword());
    }
  }

  /** pgjdbc reads certificates from files: write them to private temporary files. */
  private static void certificates(Properties props, String ca, Optional<String> clientCert,
      Optional<String> clientKey, Optional<String> keyPassword) throws IOException {
    props.setProperty("sslrootcert", privateFile("ca", ".crt", ca.getBytes(StandardCharsets.UTF_8)));
    if (clientCert.isPresent() && clientKey.isPresent()) {
      props.setProperty("sslcert",
          privateFile("client", ".crt", clientCert.get().getBytes(StandardCharsets.UTF_8)));
      // pgjdbc wants the key as PKCS-8 DER (.pk8); accept the usual PEM text and decode it.
      props.setProperty("sslkey", privateFile("client", ".pk8", pemToDer(clientKey.get())));
      keyPassword.ifPresent(p -> props.setProperty("sslpassword", p));
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

  private static String privateFile(String prefix, String suffix, byte[] content)
      throws IOException {
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
  static Connection open(PostgresSource.Config config) {
    return open(config.host(), config.port(), config.database(), config.username(), () -> properties(config));
  }

  /** Supplies driver properties; may fail on writing certificate files. */
  @FunctionalInterface
  interface PropertiesSupplier {
    Properties get() throws IOException;
  }

  /** Opens a connection with the given properties, mapping failures as {@link #open(PostgresSource.Config)}. */
  static Connection open(String host, int port, String database, String username,
      PropertiesSupplier properties) {
    String url = url(host, port, database);
    try {
      return DriverManager.getConnection(url, properties.get());
    } catch (SQLException e) {
      throw connectFailure(e, host, port, database, username);
    } catch (IOException e) {
      throw new ConfigException("Could not write the SSL certificates to a temporary file: "
          + e.getMessage(), e);
    }
  }

  /** Connects and runs {@code SELECT 1}. */
  static void check(PostgresSource.Config config) {
    try (Connection c = open(config); Statement s = c.createStatement()) {
      s.setQueryTimeout(CONNECT_TIMEOUT_SECONDS * 3);
      s.execute("SELECT 1");
    } catch (SQLException e) {
      throw new ConfigException("Connected to " + config.host() + ":" + config.port()
          + " but could not run SELECT 1 in database " + config.database() + ": "
          + e.getMessage(), e);
    }
  }

  /** Maps a failure to connect to the message the user can act on. */
  static RuntimeException connectFailure(SQLException e, String host, int port, String database,
      String username) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    switch (state) {
      case "08004":
        if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
          // pgjdbc reports "the server requested password-based authentication, but no password
          // was provided" as a rejected connection: it is an authentication problem.
          return new ConfigException("Authentication failed for user " + username
              + " — the server requires a password", e);
        }
        return new ConfigException("Could not connect to " + host + ":" + port
            + " — is the server running and reachable?", e);
      case "28P01":
      case "28000":
        return new ConfigException("Authentication failed for user " + username
            + " — check the username and password (and that pg_hba.conf allows this client)", e);
      case "3D000":
        return new ConfigException("Database " + database + " does not exist on " + host + ":"
            + port, e);
      case "42501":
        return new ConfigException("User " + username + " may not connect to database "
            + database + " (permission denied)", e);
      case "53300":
      case "57P03":
        return new TransientException("The server at " + host + ":" + port
            + " refused new connections for now (" + e.getMessage() + ")", e);
      default:
        if (state.startsWith("08")) {
          return new ConfigException("Could not connect to " + host + ":" + port
              + " — is the server running and reachable?", e);
        }
        return new ConfigException("Could not open a connection to database " + database
            + " on " + host + ":" + port + " as " + username + ": " + e.getMessage(), e);
    }
  }

  /** Classifies a failure in the middle of a read: lost connections and conflicts may be retried. */
  static RuntimeException readFailure(SQLException e, String what) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = what + ": " + e.getMessage() + (state.isEmpty() ? "" : " (SQLState " + state + ")");
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("40")
        || state.equals("53300") || state.equals("55P03")) {
      return new TransientException(message, e);
    }
    if (state.equals("42501")) {
      return new ConfigException(message, e);
    }
    return new IllegalStateException(message, e);
  }
}
