package io.c8kit.jdbc.postgres;

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
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL connection handling that every PostgreSQL connector needs alike (the JDBC URL, the
 * driver properties, the SSL certificate files, readable connection errors that never contain the
 * password), written once here so that the source and the destination example share it without one
 * depending on the other.
 *
 * <p>It knows no connector's config type: each connector passes its own values.
 */
public final class PgJdbc {
  private PgJdbc() {}

  /** Seconds to wait for the TCP connection and for the login. */
  public static final int CONNECT_TIMEOUT_SECONDS = 10;

  /** The JDBC URL, without credentials: {@code jdbc:postgresql://host:port/database}. */
  public static String url(String host, int port, String database) {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    // pgjdbc URL-decodes the database name, so encode it (spaces as %20, not +).
    String db = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    return "jdbc:postgresql://" + h + ":" + port + "/" + db;
  }

  /** Quotes an identifier: {@code "name"}, embedded quotes doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * The driver properties every connection has: the credentials, the connect and login timeouts and
   * the {@code ApplicationName} the server shows in {@code pg_stat_activity}.
   */
  public static Properties properties(
      String applicationName, String username, Optional<String> password) {
    Properties props = new Properties();
    props.setProperty("user", username);
    password.ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    props.setProperty("ApplicationName", applicationName);
    return props;
  }

  /**
   * pgjdbc's {@code sslmode} for an SSL option record, from its name: the records are named after
   * the modes ({@code VerifyFull} is {@code verify-full}), as their {@code @Choice} constants are,
   * which the processor does not keep at run time.
   */
  public static String sslMode(Object option) {
    return option
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Sets {@code sslrootcert}: pgjdbc reads the CA certificate from a file, so it is written to a
   * private one.
   */
  public static void caCertificate(Properties props, String pem) throws IOException {
    props.setProperty(
        "sslrootcert", privateFile("ca", ".crt", pem.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sets {@code sslcert} and {@code sslkey}, written to private files like the CA certificate. */
  public static void clientCertificate(Properties props, String certificatePem, String keyPem)
      throws IOException {
    props.setProperty(
        "sslcert", privateFile("client", ".crt", certificatePem.getBytes(StandardCharsets.UTF_8)));
    // pgjdbc wants the key as PKCS-8 DER (.pk8); accept the usual PEM text and decode it.
    props.setProperty("sslkey", privateFile("client", ".pk8", pemToDer(keyPem)));
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
      file =
          Files.createTempFile(
              "c8kit-pg-" + prefix,
              suffix,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      file = Files.createTempFile("c8kit-pg-" + prefix, suffix);
    }
    file.toFile().deleteOnExit();
    Files.write(file, content);
    return file.toString();
  }

  /**
   * Parses the user's {@code key1=value1&key2=value2} into {@code props} (values may be
   * URL-encoded).
   */
  public static void addUrlParams(Properties props, String params) {
    for (String pair : params.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(
            "jdbc_url_params must be key=value pairs separated by '&', but "
                + "contains \""
                + (eq == 0 ? pair : pair.trim())
                + "\"");
      }
      String key = pair.substring(0, eq).trim();
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      props.setProperty(key, value);
    }
  }

  /** Supplies driver properties; may fail on writing certificate files. */
  @FunctionalInterface
  public interface PropertiesSupplier {
    Properties get() throws IOException;
  }

  /**
   * Opens a connection.
   *
   * @throws ConfigException when the server is unreachable, the credentials are wrong or the
   *     database does not exist (each with its own message, see {@link #connectFailure})
   */
  public static Connection open(
      String host, int port, String database, String username, PropertiesSupplier properties) {
    String url = url(host, port, database);
    try {
      return DriverManager.getConnection(url, properties.get());
    } catch (SQLException e) {
      throw connectFailure(e, host, port, database, username);
    } catch (IOException e) {
      throw new ConfigException(
          "Could not write the SSL certificates to a temporary file: " + e.getMessage(), e);
    }
  }

  /** Maps a failure to connect to the message the user can act on. */
  public static RuntimeException connectFailure(
      SQLException e, String host, int port, String database, String username) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String tls = tlsProblem(e, host);
    if (tls != null) {
      return new ConfigException(
          "SSL connection to "
              + host
              + ":"
              + port
              + " failed: "
              + tls
              + " — check ssl_mode and its certificates",
          e);
    }
    switch (state) {
      case "08004":
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password")) {
          // pgjdbc reports "the server requested password-based authentication, but no password
          // was provided" as a rejected connection: it is an authentication problem.
          return new ConfigException(
              "Authentication failed for user " + username + " — the server requires a password",
              e);
        }
        return new ConfigException(
            "Could not connect to " + host + ":" + port + " — is the server running and reachable?",
            e);
      case "28P01":
      case "28000":
        return new ConfigException(
            "Authentication failed for user "
                + username
                + " — check the username and password (and that pg_hba.conf allows this client)",
            e);
      case "3D000":
        return new ConfigException(
            "Database " + database + " does not exist on " + host + ":" + port, e);
      case "42501":
        return new ConfigException(
            "User "
                + username
                + " may not connect to database "
                + database
                + " (permission denied)",
            e);
      case "53300":
      case "57P03":
        return new TransientException(
            "The server at "
                + host
                + ":"
                + port
                + " refused new connections for now ("
                + e.getMessage()
                + ")",
            e);
      default:
        if (state.startsWith("08")) {
          return new ConfigException(
              "Could not connect to "
                  + host
                  + ":"
                  + port
                  + " — is the server running and reachable?",
              e);
        }
        return new ConfigException(
            "Could not open a connection to database "
                + database
                + " on "
                + host
                + ":"
                + port
                + " as "
                + username
                + ": "
                + e.getMessage(),
            e);
    }
  }

  /**
   * What went wrong in the TLS handshake, in words, or null when the failure is not about TLS:
   * pgjdbc reports an untrusted certificate, a certificate for another host and a server without
   * SSL as the same connection failure as an unreachable server.
   */
  static String tlsProblem(SQLException e, String host) {
    boolean ssl = false;
    boolean untrusted = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("does not support ssl")) {
        return "the server does not support SSL (choose ssl_mode disable, allow or prefer, or enable"
            + " SSL on the server)";
      }
      if (lower.contains("hostname") && lower.contains("could not be verified")) {
        return "the server's certificate is not issued for host " + host;
      }
      if (t instanceof javax.net.ssl.SSLException || lower.startsWith("ssl error")) {
        ssl = true;
      }
      if (t instanceof java.security.cert.CertPathBuilderException
          || t instanceof java.security.cert.CertPathValidatorException
          || lower.contains("pkix path")) {
        untrusted = true;
      }
    }
    if (untrusted) {
      return "the server's certificate is not signed by the given CA certificate";
    }
    return ssl ? "TLS handshake error (" + e.getMessage() + ")" : null;
  }
}
