package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/** The throwaway PostgreSQL server that scripts/postgres-up.sh starts, as the tests reach it. */
final class PostgresServer {
  private static final int LOGIN_TIMEOUT_SECONDS = 5;

  /** The server, or the reason it cannot be used; null until first asked. */
  private static volatile Object cached;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String database;

  /** The CA certificate (PEM file) of the server's TLS certificate, or null. */
  private final String sslCa;

  private PostgresServer(
      String host, int port, String user, String password, String database, String sslCa) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
    this.sslCa = sslCa;
  }

  /**
   * Returns the server once a login and {@code select 1} work. Otherwise fails the calling test
   * when CI=true or C8KIT_PG_HOST is set (scripts/test.sh sets it: the server was meant to be
   * there), and skips it everywhere else.
   */
  static PostgresServer require() {
    Object found = cached;
    if (found == null) {
      synchronized (PostgresServer.class) {
        found = cached;
        if (found == null) {
          found = locate();
          cached = found;
        }
      }
    }
    if (found instanceof PostgresServer server) {
      return server;
    }
    String message =
        "No PostgreSQL for the tests ("
            + found
            + "). Start one with: bash scripts/postgres-up.sh"
            + " (or run every test with: bash scripts/test.sh)";
    if ("true".equalsIgnoreCase(System.getenv("CI")) || System.getenv("C8KIT_PG_HOST") != null) {
      fail(
          message + " [PostgreSQL tests must not be skipped when CI=true or C8KIT_PG_HOST is set]");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** Settings from the C8KIT_PG_* environment, else from the env file postgres-up.sh wrote. */
  private static Object locate() {
    Map<String, String> settings = new HashMap<>();
    String stateDir = System.getenv().getOrDefault("C8KIT_PG_STATE", "/tmp/c8kit-pg");
    Path envFile = Path.of(stateDir, "env");
    if (System.getenv("C8KIT_PG_HOST") == null) {
      if (!Files.isRegularFile(envFile)) {
        return "no C8KIT_PG_HOST in the environment and no " + envFile;
      }
      settings.putAll(readEnvFile(envFile));
    }
    for (String key : new String[] {"HOST", "PORT", "USER", "PASSWORD", "DATABASE", "SSL_CA"}) {
      String value = System.getenv("C8KIT_PG_" + key);
      if (value != null) {
        settings.put("C8KIT_PG_" + key, value);
      }
    }
    PostgresServer server;
    try {
      server =
          new PostgresServer(
              settings.getOrDefault("C8KIT_PG_HOST", "127.0.0.1"),
              Integer.parseInt(settings.getOrDefault("C8KIT_PG_PORT", "54329")),
              settings.getOrDefault("C8KIT_PG_USER", "c8kit"),
              settings.getOrDefault("C8KIT_PG_PASSWORD", "c8kit"),
              settings.getOrDefault("C8KIT_PG_DATABASE", "c8kit"),
              settings.get("C8KIT_PG_SSL_CA"));
    } catch (NumberFormatException e) {
      return "C8KIT_PG_PORT is not a number: " + e.getMessage();
    }
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("select 1");
      return server;
    } catch (SQLException e) {
      return "cannot log in to " + server.jdbcUrl() + " as " + server.user + ": " + e.getMessage();
    }
  }

  /**
   * Reads the {@code export K=V …} lines of the env file (values as bash's printf %q writes them).
   */
  private static Map<String, String> readEnvFile(Path file) {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (!l.startsWith("export ")) {
          continue;
        }
        for (String word : l.substring("export ".length()).trim().split("\\s+")) {
          int eq = word.indexOf('=');
          if (eq > 0) {
            values.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    return value.replaceAll("\\\\(.)", "$1");
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  String database() {
    return database;
  }

  /**
   * The PEM of the CA that signed the server's TLS certificate (scripts/postgres-up.sh makes both);
   * fails the test when the server was started without TLS.
   */
  String sslCaPem() throws IOException {
    if (sslCa == null || !Files.isRegularFile(Path.of(sslCa))) {
      fail(
          "The test server has no TLS CA (C8KIT_PG_SSL_CA is "
              + sslCa
              + "): restart it with"
              + " bash scripts/postgres-up.sh, which makes the certificates");
    }
    return Files.readString(Path.of(sslCa));
  }

  /** The JDBC URL of the default database. */
  String jdbcUrl() {
    return jdbcUrl(database);
  }

  /** The JDBC URL of another database on the same server. */
  String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
  }

  /** A new connection to the default database; the caller closes it. */
  Connection connect() throws SQLException {
    return connect(database);
  }

  /** A new connection to a database on the server; the caller closes it. */
  Connection connect(String databaseName) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
    return DriverManager.getConnection(jdbcUrl(databaseName), props);
  }

  /**
   * The config of the PostgreSQL source example for a database of this server, reading these
   * schemas.
   */
  com.fasterxml.jackson.databind.node.ObjectNode sourceConfig(
      String databaseName, String... schemas) {
    com.fasterxml.jackson.databind.node.ObjectNode config =
        Messages.JSON
            .createObjectNode()
            .put("host", host)
            .put("port", port)
            .put("database", databaseName)
            .put("username", user)
            .put("password", password);
    var array = config.putArray("schemas");
    for (String schema : schemas) {
      array.add(schema);
    }
    return config;
  }

  /**
   * The config of the PostgreSQL destination example for a database of this server and default
   * schema.
   */
  com.fasterxml.jackson.databind.node.ObjectNode destinationConfig(
      String databaseName, String schema) {
    return Messages.JSON
        .createObjectNode()
        .put("host", host)
        .put("port", port)
        .put("database", databaseName)
        .put("schema", schema)
        .put("username", user)
        .put("password", password);
  }

  /** Runs statements in a database of this server. */
  void sql(String databaseName, String... statements) throws SQLException {
    try (Connection c = connect(databaseName);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The first column of the first row of a query (e.g. a count), as a long. */
  long queryLong(String databaseName, String sql) throws SQLException {
    try (Connection c = connect(databaseName);
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row: " + sql);
      }
      return rs.getLong(1);
    }
  }

  /** The first column of every row of a query, as strings. */
  java.util.List<String> queryStrings(String databaseName, String sql) throws SQLException {
    java.util.List<String> values = new java.util.ArrayList<>();
    try (Connection c = connect(databaseName);
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** Drops a database made by {@link #createDatabase}, if it exists. */
  void dropDatabase(String name) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }

  /**
   * Drops (if present) and creates a database, so a test class can have one of its own; returns its
   * JDBC URL. The name must be a plain lower-case identifier.
   */
  String createDatabase(String name) throws SQLException {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    }
    return jdbcUrl(name);
  }
}
