/**
 * The shared SQL destination: {@link io.c8kit.jdbc.JdbcSyncWriter} writes one typed table per
 * stream through a {@link io.c8kit.jdbc.SqlDialect} ({@link io.c8kit.jdbc.SqliteDialect}, {@link
 * io.c8kit.jdbc.PostgresDialect}), with the Airbyte metadata columns, all sync modes and
 * generations. Pure JDBC: the driver comes from the connector. See {@code docs/DESTINATIONS.md}.
 */
package io.c8kit.jdbc;
