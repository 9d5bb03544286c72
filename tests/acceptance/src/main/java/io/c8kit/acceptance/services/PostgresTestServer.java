package io.c8kit.acceptance.services;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests of connectors that read or write PostgreSQL, kept in the
 * kit so that every such connector finds the server, skips without it and fails without it under CI
 * in the same way, each test class in a fresh schema of its own.
 *
 * <p>The server is named by the environment variables {@code C8KIT_PG_HOST}, {@code C8KIT_PG_PORT}
 * (default 5432), {@code C8KIT_PG_USER}, {@code C8KIT_PG_PASSWORD} (default empty) and {@code
 * C8KIT_PG_DATABASE} (default {@code postgres}). When {@code C8KIT_PG_HOST} is not set they are
 * read from the file {@value #DEFAULT_ENV_FILE} that {@code scripts/postgres-up.sh} writes (or the
 * file named by {@code C8KIT_PG_ENV_FILE}), and a variable that is set wins over the file. Without
 * a reachable server {@link #start} skips the test (a failed assumption), except under {@code
 * CI=true}, where it fails it.
 *
 * <p>The kit does not bring a JDBC driver: connections go through {@link DriverManager}, so the
 * connector module's own test class path must hold the PostgreSQL driver ({@code
 * org.postgresql:postgresql}).
 *
 * <pre>{@code
 * static PostgresTestServer pg;
 *
 * @BeforeAll static void start() { pg = PostgresTestServer.start("my_source"); }
 * @AfterAll static void stop() throws SQLException { if (pg != null) pg.close(); }
 *
 * @Test void reads() throws Exception {
 *   pg.sql("CREATE TABLE users (id int PRIMARY KEY)", "INSERT INTO users VALUES (1)");
 *   // config: pg.host(), pg.port(), pg.database(), pg.user(), pg.password(), schema pg.schema()
 * }
 * }</pre>
 *
 * @param host the server's host
 * @param port the server's port
 * @param user the user the tests connect as
 * @param password that user's password (not shown by {@link #toString()})
 * @param database the database the tests use
 * @param schema this test class's schema, created by {@link #start} and dropped by {@link #close}
 */
public record PostgresTestServer(
    String host, int port, String user, String password, String database, String schema)
    implements AutoCloseable {
  /** The file {@code scripts/postgres-up.sh} writes the connection settings to. */
  public static final String DEFAULT_ENV_FILE = "/tmp/c8kit-pg/env";

  private static final List<String> SETTINGS =
      List.of(
          "C8KIT_PG_HOST",
          "C8KIT_PG_PORT",
          "C8KIT_PG_USER",
          "C8KIT_PG_PASSWORD",
          "C8KIT_PG_DATABASE");
  // Lines like "export C8KIT_PG_HOST=127.0.0.1 C8KIT_PG_PORT=54329" (several per line) or "K=V".
  private static final Pattern ASSIGNMENT =
      Pattern.compile("(C8KIT_PG_[A-Z_]+)=(\"[^\"]*\"|'[^']*'|[^\\s]*)");

  private PostgresTestServer(Map<String, String> settings, String schema) {
    this(
        settings.get("C8KIT_PG_HOST"),
        Integer.parseInt(settings.getOrDefault("C8KIT_PG_PORT", "5432")),
        settings.get("C8KIT_PG_USER"),
        settings.getOrDefault("C8KIT_PG_PASSWORD", ""),
        settings.getOrDefault("C8KIT_PG_DATABASE", "postgres"),
        schema);
  }

  /**
   * Connects and creates a fresh schema named {@code prefix_<unique>} (lower case); without a
   * server it skips the calling test, or fails it under {@code CI=true}.
   *
   * @throws IllegalStateException when the class path has no PostgreSQL JDBC driver
   */
  public static PostgresTestServer start(String prefix) {
    return start(prefix, System.getenv());
  }

  /** {@link #start(String)} with the given environment variables, so that tests can supply them. */
  static PostgresTestServer start(String prefix, Map<String, String> environment) {
    Map<String, String> settings = settings(environment);
    if (settings.get("C8KIT_PG_HOST") == null || settings.get("C8KIT_PG_USER") == null) {
      unavailable(
          environment,
          "C8KIT_PG_HOST/C8KIT_PG_USER are not set and "
              + DEFAULT_ENV_FILE
              + " does not exist (run scripts/postgres-up.sh)");
    }
    String schema =
        (prefix
                + "_"
                + Long.toString(ProcessHandle.current().pid(), 36)
                + "_"
                + Long.toString(System.nanoTime() & 0xffffffL, 36))
            .toLowerCase(Locale.ROOT);
    PostgresTestServer server = new PostgresTestServer(settings, schema);
    try {
      DriverManager.getDriver(server.jdbcUrl());
    } catch (SQLException e) {
      // Not a missing server but a build mistake: skipping would hide it.
      throw new IllegalStateException(
          "no JDBC driver for "
              + server.jdbcUrl()
              + " on the class path: add "
              + "org.postgresql:postgresql to the test dependencies",
          e);
    }
    try (Connection c = server.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + quote(schema));
    } catch (SQLException e) {
      unavailable(
          environment,
          "cannot reach PostgreSQL at "
              + server.host
              + ":"
              + server.port
              + " ("
              + e.getMessage()
              + ")");
    }
    return server;
  }

  private static void unavailable(Map<String, String> environment, String why) {
    if ("true".equalsIgnoreCase(environment.get("CI"))) {
      fail("PostgreSQL is required under CI=true: " + why);
    }
    Assumptions.abort("PostgreSQL not available: " + why);
  }

  /** The {@code C8KIT_PG_*} settings: the environment's, else the env file's. */
  static Map<String, String> settings(Map<String, String> environment) {
    Map<String, String> settings = new HashMap<>();
    Path file =
        Path.of(Optional.ofNullable(environment.get("C8KIT_PG_ENV_FILE")).orElse(DEFAULT_ENV_FILE));
    if (environment.get("C8KIT_PG_HOST") == null && Files.isReadable(file)) {
      try {
        Matcher m = ASSIGNMENT.matcher(Files.readString(file));
        while (m.find()) {
          String v = m.group(2);
          if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) {
            v = v.substring(1, v.length() - 1);
          }
          settings.put(m.group(1), v);
        }
      } catch (IOException e) {
        // fall through to the environment
      }
    }
    for (String k : SETTINGS) {
      if (environment.get(k) != null) {
        settings.put(k, environment.get(k));
      }
    }
    return settings;
  }

  /** {@code jdbc:postgresql://host:port/database}, without credentials. */
  public String jdbcUrl() {
    // The kit cannot use a connector's URL builder; this one follows pgjdbc's rules the same way:
    // IPv6 hosts in brackets, the database name URL-encoded (spaces as %20, not +).
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String db = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    return "jdbc:postgresql://" + h + ":" + port + "/" + db;
  }

  /** A new connection as the configured user (autocommit, the server's default search path). */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl(), p);
  }

  /** Runs statements in one autocommit connection, in this test class's schema. */
  public void sql(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + quote(schema));
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The rows of a query in this test class's schema, as lists of strings (SQL NULL as null). */
  public List<List<String>> rows(String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + quote(schema));
      try (ResultSet rs = s.executeQuery(query)) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The first column of the first row of a query, as a number (e.g. {@code SELECT count(*) …}). */
  public long count(String query) throws SQLException {
    return Long.parseLong(rows(query).get(0).get(0));
  }

  /** Drops this test class's schema and everything in it. */
  @Override
  public void close() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
    }
  }

  /** Names the server and schema, but not the password. */
  @Override
  public String toString() {
    return "PostgresTestServer["
        + user
        + "@"
        + host
        + ":"
        + port
        + "/"
        + database
        + ", schema "
        + schema
        + "]";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
