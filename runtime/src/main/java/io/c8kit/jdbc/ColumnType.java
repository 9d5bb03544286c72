package io.c8kit.jdbc;

/**
 * The logical type of a column, derived from the stream's JSON schema by {@link JsonSchemaTypes};
 * each {@link SqlDialect} maps it to a SQL type and binds values of its Java representation:
 *
 * <table>
 *   <caption>Java values produced by {@link TypedValues#convert}</caption>
 *   <tr><th>type</th><th>Java value</th></tr>
 *   <tr><td>INTEGER</td><td>{@code Long}</td></tr>
 *   <tr><td>NUMBER</td><td>{@code BigDecimal}</td></tr>
 *   <tr><td>BOOLEAN</td><td>{@code Boolean}</td></tr>
 *   <tr><td>STRING</td><td>{@code String}</td></tr>
 *   <tr><td>DATE</td><td>{@code LocalDate}</td></tr>
 *   <tr><td>TIME_WITH_TIMEZONE</td><td>{@code OffsetTime}</td></tr>
 *   <tr><td>TIME_WITHOUT_TIMEZONE</td><td>{@code LocalTime}</td></tr>
 *   <tr><td>TIMESTAMP_WITH_TIMEZONE</td><td>{@code OffsetDateTime}</td></tr>
 *   <tr><td>TIMESTAMP_WITHOUT_TIMEZONE</td><td>{@code LocalDateTime}</td></tr>
 *   <tr><td>JSON</td><td>{@code String} holding JSON text</td></tr>
 * </table>
 *
 * <p>A dialect whose {@link SqlDialect#bindsTimestampText} is true gets both timestamp types as
 * their stored text ({@code String}) instead.
 */
public enum ColumnType {
  INTEGER,
  NUMBER,
  BOOLEAN,
  STRING,
  DATE,
  TIME_WITH_TIMEZONE,
  TIME_WITHOUT_TIMEZONE,
  TIMESTAMP_WITH_TIMEZONE,
  TIMESTAMP_WITHOUT_TIMEZONE,
  /** Objects, arrays, unions and untyped values, stored as JSON text (JSONB in PostgreSQL). */
  JSON
}
