package io.c8kit.examples.postgres.destination;

import io.c8kit.annotations.Check;
import io.c8kit.annotations.Choice;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Destination;
import io.c8kit.annotations.OneOf;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Writer;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.jdbc.JdbcSyncWriter;
import io.c8kit.jdbc.PostgresDialect;
import io.c8kit.jdbc.postgres.PgJdbc;
import java.util.Optional;

/**
 * A PostgreSQL destination: one typed table per stream (in the stream's namespace as schema, else
 * the configured schema), written by the shared {@link JdbcSyncWriter} in the {@link
 * PostgresDialect} — the SQL dialect is the only PostgreSQL-specific part, plus the COPY loader
 * ({@link PgCopyLoader}).
 */
@Destination(
    name = "postgres",
    version = "0.1.0",
    title = "PostgreSQL",
    description = "Loads records into typed PostgreSQL tables.",
    documentationUrl = "https://docs.airbyte.com/integrations/destinations/postgres")
public class PostgresDestination {

  /** Connection settings, shaped like Airbyte's destination-postgres config. */
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
      @Property(title = "DB Name", description = "Name of the database.", order = 2)
          String database,
      @Property(
              title = "Default Schema",
              order = 3,
              examples = {"public"},
              description =
                  "The schema tables are written to when the source does not specify a "
                      + "namespace. The usual value for this field is \"public\".")
          @DefaultValue("public")
          String schema,
      @Property(title = "User", description = "Username to use to access the database.", order = 4)
          String username,
      @Property(
              title = "Password",
              description = "Password associated with the username.",
              order = 5)
          @Secret
          Optional<String> password,
      @Property(
              title = "SSL Modes",
              order = 6,
              description =
                  "SSL connection mode; without it the driver's default (prefer) is used.")
          Optional<SslMode> sslMode,
      @Property(
              title = "JDBC URL Params",
              order = 7,
              description =
                  "Additional properties to pass to the JDBC URL string when connecting to "
                      + "the database formatted as 'key=value' pairs separated by the symbol '&'. "
                      + "(example: key1=value1&key2=value2&key3=value3).")
          Optional<String> jdbcUrlParams,
      @Property(
              title = "Load with COPY (Advanced)",
              order = 8,
              description = "Load batches with COPY FROM STDIN (fast); off uses multi-row INSERTs.")
          @DefaultValue("true")
          boolean useCopy) {}

  /**
   * SSL mode, as in Airbyte's destination-postgres {@code ssl_mode} ({@code mode} discriminator).
   */
  @OneOf(discriminator = "mode")
  public sealed interface SslMode
      permits SslMode.Disable,
          SslMode.Allow,
          SslMode.Prefer,
          SslMode.Require,
          SslMode.VerifyCa,
          SslMode.VerifyFull {

    /** The pgjdbc {@code sslmode} value, which each option is named after. */
    default String mode() {
      return PgJdbc.sslMode(this);
    }

    @Choice(value = "disable", title = "disable", description = "Disable SSL.")
    record Disable() implements SslMode {}

    @Choice(value = "allow", title = "allow", description = "Allow SSL mode.")
    record Allow() implements SslMode {}

    @Choice(value = "prefer", title = "prefer", description = "Prefer SSL mode.")
    record Prefer() implements SslMode {}

    @Choice(value = "require", title = "require", description = "Require SSL mode.")
    record Require() implements SslMode {}

    @Choice(value = "verify-ca", title = "verify-ca", description = "Verify-ca SSL mode.")
    record VerifyCa(
        @Property(
                title = "CA certificate",
                description = "CA certificate",
                order = 1,
                multiline = true)
            @Secret
            String caCertificate,
        @Property(
                title = "Client Key Password",
                order = 2,
                description = "Password of the client key, if it is encrypted.")
            @Secret
            Optional<String> clientKeyPassword)
        implements SslMode {}

    @Choice(value = "verify-full", title = "verify-full", description = "Verify-full SSL mode.")
    record VerifyFull(
        @Property(
                title = "CA certificate",
                description = "CA certificate",
                order = 1,
                multiline = true)
            @Secret
            String caCertificate,
        @Property(
                title = "Client certificate",
                description = "Client certificate",
                order = 2,
                multiline = true)
            @Secret
            String clientCertificate,
        @Property(
                title = "Client key",
                description = "Client key (PKCS-8 PEM)",
                order = 3,
                multiline = true)
            @Secret
            String clientKey,
        @Property(
                title = "Client key password",
                order = 4,
                description = "Password of the client key, if it is encrypted.")
            @Secret
            Optional<String> clientKeyPassword)
        implements SslMode {}
  }

  public PostgresDestination() {}

  /**
   * Connects, creates the default schema if missing, then creates and drops a probe table: proves
   * the user may write where the syncs will write.
   */
  @Check
  void check(Config config) throws Exception {
    PgConnections.check(config, dialect(config).defaultSchema());
  }

  /** The shared JDBC writer in the PostgreSQL dialect, loading with COPY unless disabled. */
  @Writer
  SyncWriter writer(Config config, WriteContext context) {
    return new JdbcSyncWriter(() -> PgConnections.open(config), dialect(config), context);
  }

  static PostgresDialect dialect(Config config) {
    PostgresDialect dialect = new PostgresDialect(config.schema());
    return config.useCopy() ? dialect.withRowLoader(new PgCopyLoader()) : dialect;
  }
}
