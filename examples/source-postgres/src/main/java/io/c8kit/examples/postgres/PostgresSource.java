package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.Choice;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Discover;
import io.c8kit.annotations.OneOf;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Read;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.jdbc.postgres.PgJdbc;
import io.c8kit.source.DiscoveredStream;
import io.c8kit.source.Emitter;
import io.c8kit.source.StreamContext;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL source: every table and view of the configured schemas is a stream; full refresh
 * (resumable by a single-column primary key) and incremental by a user-chosen cursor column.
 *
 * <p>The annotated methods are thin: connection handling lives in {@link PgConnections}, discovery
 * and the type mapping in {@link PgCatalog}/{@link PgTypes}, reading in {@link PgStreamReader}.
 */
@Source(
    name = "postgres",
    version = "0.1.0",
    title = "PostgreSQL",
    description = "Reads the tables and views of a PostgreSQL database.",
    documentationUrl = "https://docs.airbyte.com/integrations/sources/postgres")
public class PostgresSource {

  /** Connection settings, shaped like Airbyte's source-postgres config. */
  public record Config(
      @Property(title = "Host", description = "Hostname of the database.", order = 0) String host,
      @Property(
              title = "Port",
              description = "Port of the database.",
              order = 1,
              minimum = 0,
              maximum = 65535,
              examples = {"5432"})
          @DefaultValue("5432")
          int port,
      @Property(title = "Database Name", description = "Name of the database.", order = 2)
          String database,
      @Property(
              title = "Schemas",
              order = 3,
              description =
                  "The list of schemas (case sensitive) to sync from. Defaults to public.")
          @DefaultValue("[\"public\"]")
          List<String> schemas,
      @Property(title = "Username", description = "Username to access the database.", order = 4)
          String username,
      @Property(
              title = "Password",
              description = "Password associated with the username.",
              order = 5)
          @Secret
          Optional<String> password,
      @Property(
              title = "JDBC URL Parameters (Advanced)",
              order = 6,
              description =
                  "Additional properties to pass to the JDBC URL string when connecting to "
                      + "the database formatted as 'key=value' pairs separated by the symbol '&'. "
                      + "(Eg. key1=value1&key2=value2&key3=value3).")
          Optional<String> jdbcUrlParams,
      @Property(
              title = "SSL Modes",
              order = 7,
              description =
                  "SSL connection mode; without it the driver's default (prefer) is used.")
          Optional<SslMode> sslMode,
      @Property(
              title = "Fetch Size (Advanced)",
              order = 8,
              minimum = 1,
              maximum = 1000000,
              description =
                  "Rows fetched per round trip while streaming a table; memory use is "
                      + "proportional to it, never to the table size.")
          @DefaultValue("10000")
          int fetchSize,
      @Property(
              title = "Checkpoint Interval (Advanced)",
              order = 9,
              minimum = 1,
              description =
                  "Emit a state message at most every this many records (ordered streams); "
                      + "unset uses the runtime default.")
          Optional<Integer> checkpointRecords) {}

  /** SSL mode, as in Airbyte's source-postgres {@code ssl_mode} ({@code mode} discriminator). */
  @OneOf(discriminator = "mode")
  public sealed interface SslMode
      permits SslMode.Disable,
          SslMode.Allow,
          SslMode.Prefer,
          SslMode.Require,
          SslMode.VerifyCa,
          SslMode.VerifyFull {

    /** The libpq/pgjdbc {@code sslmode} value, which each option is named after. */
    default String mode() {
      return PgJdbc.sslMode(this);
    }

    @Choice(value = "disable", title = "disable", description = "Disables encryption.")
    record Disable() implements SslMode {}

    @Choice(
        value = "allow",
        title = "allow",
        description = "Encrypts only when the server requires it.")
    record Allow() implements SslMode {}

    @Choice(
        value = "prefer",
        title = "prefer",
        description = "Encrypts when the server supports it, else connects unencrypted.")
    record Prefer() implements SslMode {}

    @Choice(
        value = "require",
        title = "require",
        description = "Always encrypts; the server certificate is not verified.")
    record Require() implements SslMode {}

    @Choice(
        value = "verify-ca",
        title = "verify-ca",
        description = "Always encrypts and verifies the server certificate against the CA.")
    record VerifyCa(
        @Property(
                title = "CA Certificate",
                description = "CA certificate (PEM).",
                order = 1,
                multiline = true)
            @Secret
            String caCertificate,
        @Property(
                title = "Client Certificate",
                description = "Client certificate (PEM).",
                order = 2,
                multiline = true)
            @Secret
            Optional<String> clientCertificate,
        @Property(
                title = "Client Key",
                description = "Client key (PKCS-8 PEM).",
                order = 3,
                multiline = true)
            @Secret
            Optional<String> clientKey,
        @Property(
                title = "Client Key Password",
                description = "Password of the client key.",
                order = 4)
            @Secret
            Optional<String> clientKeyPassword)
        implements SslMode {}

    @Choice(
        value = "verify-full",
        title = "verify-full",
        description = "Always encrypts, verifies the certificate and the server's host name.")
    record VerifyFull(
        @Property(
                title = "CA Certificate",
                description = "CA certificate (PEM).",
                order = 1,
                multiline = true)
            @Secret
            String caCertificate,
        @Property(
                title = "Client Certificate",
                description = "Client certificate (PEM).",
                order = 2,
                multiline = true)
            @Secret
            Optional<String> clientCertificate,
        @Property(
                title = "Client Key",
                description = "Client key (PKCS-8 PEM).",
                order = 3,
                multiline = true)
            @Secret
            Optional<String> clientKey,
        @Property(
                title = "Client Key Password",
                description = "Password of the client key.",
                order = 4)
            @Secret
            Optional<String> clientKeyPassword)
        implements SslMode {}
  }

  public PostgresSource() {}

  /** Connects and runs {@code SELECT 1}; failures become distinct, password-free messages. */
  @Check
  void check(Config config) throws Exception {
    PgConnections.check(config);
  }

  /** Tables, views, materialized views and foreign tables of the configured schemas. */
  @Discover
  List<DiscoveredStream> discover(Config config) throws Exception {
    try (Connection connection = PgConnections.open(config)) {
      return PgCatalog.discover(connection, config.schemas());
    }
  }

  /** Reads one configured stream with a single streaming query. */
  @Read
  void read(Config config, StreamContext context, Emitter<ObjectNode> emitter) throws Exception {
    config.checkpointRecords().ifPresent(context::checkpointEvery);
    try (Connection connection = PgConnections.open(config)) {
      new PgStreamReader(connection, config.fetchSize()).read(context, emitter);
    }
  }
}
