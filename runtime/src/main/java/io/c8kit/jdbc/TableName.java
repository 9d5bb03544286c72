package io.c8kit.jdbc;

import java.util.Objects;

/**
 * A sanitized, unquoted table identifier.
 *
 * @param schema schema (PostgreSQL), or {@code null} where the dialect has none (SQLite)
 * @param name table name
 */
public record TableName(String schema, String name) {
  public TableName {
    Objects.requireNonNull(name, "name");
  }

  /** The same schema with another table name. */
  public TableName withName(String other) {
    return new TableName(schema, other);
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}
