package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the tests run against, from {@code C8KIT_PG_HOST/PORT/USER/PASSWORD/
 * DATABASE} (or the file {@code /tmp/c8kit-pg/env} that {@code scripts/postgres-up.sh} writes, or the
 * file named by {@code C8KIT_PG_ENV_FILE}). Without a reachable server the tests are skipped, except
 * under {@code CI=true}, where they fail. Each test class works in its own fresh schema.
 */
final class PgTestServer implements AutoCloseable {
  final String host;
  final int port;
  final String user;
  final String password;
  final String database;
  final String schema;

  private PgTestServer(Map<String, String> env, String schema) {
    this.host = env.get("C8KIT_PG_HOST");
    this.port = Integer.parseInt(env.getOrDefault("C8KIT_PG_PORT", "5432"));
    this.user = env.get("C8KIT_PG_USER");
    this.password = env.getOrDefault("C8KIT_PG_PASSWORD", "");
    this.database = env.getOrDefault("C8KIT_PG_DATABASE", "postgres");
    this.schema = schema;
  }

  /** Connects (or skips/fails) and creates a fresh schema named {@code prefix_<unique>}. */
  static PgTestServer start(String prefix) {
    Map<String, String> env = settings();
    if (env.get("C8KIT_PG_HOST") == null || env.get("C8KIT_PG_USER") == null) {
      unavailable("C8KIT_PG_HOST/C8KIT_PG_USER are not set and /tmp/c8kit-pg/env does not exist "
          + "(run scripts/postgres-up.sh)");
    }
    String schema = (prefix + "_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
        + Long.toString(System.nanoTime() & 0xffffffL, 36)).toLowerCase(Locale.ROOT);
    PgTestServer server = new PgTestServer(env, schema);
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + PgTypes.quote(schema));
    } catch (SQLException e) {
      unavailable("cannot reach PostgreSQL at " + server.host + ":" + server.port + " ("
          + e.getMessage() + ")");
    }
    return server;
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("PostgreSQL is required under CI=true: " + why);
    }
    Assumptions.abort("PostgreSQL not available: " + why);
  }

  private static Map<String, String> settings() {
    Map<String, String> env = new HashMap<>();
    String file = Optional.ofNullable(System.getenv("C8KIT_PG_ENV_FILE")).orElse("/tmp/c8kit-pg/env");
    if (System.getenv("C8KIT_PG_HOST") == null && Files.isReadable(Path.of(file))) {
      try {
        // Lines like "export C8KIT_PG_HOST=127.0.0.1 C8KIT_PG_PORT=54329" (several per line) or "K=V".
        java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("(C8KIT_PG_[A-Z_]+)=(\"[^\"]*\"|'[^']*'|[^\\s]*)")
            .matcher(Files.readString(Path.of(file)));
        while (m.find()) {
          String v = m.group(2);
          if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) {
            v = v.substring(1, v.length() - 1);
          }
          env.put(m.group(1), v);
        }
      } catch (IOException e) {
        // fall through to the environment
      }
    }
    for (String k : List.of("C8KIT_PG_HOST", "C8KIT_PG_PORT", "C8KIT_PG_USER",
        "C8KIT_PG_PASSWORD", "C8KIT_PG_DATABASE")) {
      if (System.getenv(k) != null) {
        env.put(k, System.getenv(k));
      }
    }
    return env;
  }

  Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(PgConnections.url(host, port, database), p);
  }

  /** Runs statements in one autocommit connection. */
  void sql(String... statements) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + PgTypes.quote(schema));
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** A source config for this server, reading this test's schema. */
  PostgresSource.Config config() {
    return config(10_000);
  }

  PostgresSource.Config config(int fetchSize) {
    return new PostgresSource.Config(host, port, database, List.of(schema), user,
        Optional.of(password), Optional.empty(), Optional.empty(), fetchSize, Optional.empty());
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + PgTypes.quote(schema) + " CASCADE");
    }
  }
}
