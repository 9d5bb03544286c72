package io.c8kit.examples.sqlite;

import io.c8kit.ConfigException;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.Destination;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Writer;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.jdbc.JdbcSyncWriter;
import io.c8kit.jdbc.SqliteDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Loads records into a local SQLite file: one typed table per stream (plus the Airbyte metadata
 * columns), written by the runtime's shared {@link JdbcSyncWriter} in the {@link SqliteDialect}.
 * Supports append, overwrite (the old table stays readable until the stream completes) and
 * append_dedup; the file is in WAL mode, so it can be read while a sync runs.
 */
@Destination(
    name = "sqlite",
    version = "0.1.0",
    title = "SQLite",
    description = "Loads records into typed tables of a local SQLite database file.",
    documentationUrl = "https://github.com/c8kit/c8kit/blob/main/docs/DESTINATIONS.md")
public class SqliteDestination {

  /** Where the database lives. */
  public record Config(
      @Property(
              title = "Destination Path",
              description =
                  "Path of the SQLite database file; created with its parent directories if "
                      + "missing. A relative path is resolved against the working directory (in Docker, mount "
                      + "a volume, e.g. /local, and use /local/data.sqlite).",
              examples = {"/local/data.sqlite"},
              order = 0)
          String destinationPath) {}

  /** Opens (or creates) the file and creates and drops a probe table. */
  @Check
  void check(Config config) throws Exception {
    Path path = resolve(config);
    try (Connection c = open(path);
        Statement s = c.createStatement()) {
      String probe = "_c8kit_check_" + UUID.randomUUID().toString().replace("-", "");
      s.execute("CREATE TABLE \"" + probe + "\" (id INTEGER)");
      s.execute("DROP TABLE \"" + probe + "\"");
    } catch (SQLException e) {
      throw new ConfigException(
          "cannot write to the SQLite database " + path + ": " + e.getMessage(), e);
    }
  }

  @Writer
  SyncWriter writer(Config config, WriteContext context) {
    Path path = resolve(config);
    return new JdbcSyncWriter(() -> open(path), new SqliteDialect(), context);
  }

  /**
   * The absolute database path, with its parent directories created; explains paths that cannot be
   * a database file.
   */
  static Path resolve(Config config) {
    String raw = config.destinationPath() == null ? "" : config.destinationPath().trim();
    if (raw.isEmpty()) {
      throw new ConfigException(
          "destination_path is empty: give the path of a database file, e.g. /local/data.sqlite");
    }
    Path path;
    try {
      path = Path.of(raw).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException(
          "destination_path \"" + raw + "\" is not a valid path: " + e.getReason(), e);
    }
    if (Files.isDirectory(path)) {
      throw new ConfigException(
          "destination_path "
              + path
              + " is a directory; give the path of a database file "
              + "inside it, e.g. "
              + path.resolve("data.sqlite"));
    }
    Path parent = path.getParent();
    if (parent != null) {
      for (Path p = parent; p != null; p = p.getParent()) {
        if (Files.exists(p) && !Files.isDirectory(p)) {
          throw new ConfigException(
              "destination_path "
                  + path
                  + " is not a possible file path: "
                  + p
                  + " is a file, not a directory");
        }
      }
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new ConfigException(
            "cannot create the directory " + parent + " for destination_path: " + describe(e), e);
      }
      if (!Files.isWritable(parent)) {
        throw new ConfigException(
            "the directory " + parent + " of destination_path is not writable");
      }
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      throw new ConfigException("destination_path " + path + " exists but is not writable");
    }
    return path;
  }

  private static Connection open(Path path) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + path);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
