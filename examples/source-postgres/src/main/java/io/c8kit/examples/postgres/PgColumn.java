package io.c8kit.examples.postgres;

import io.c8kit.jdbc.postgres.PgJdbc;

/**
 * One column of a table or view as read from {@code pg_catalog}.
 *
 * @param name column name
 * @param notNull true when the column has a NOT NULL constraint (never for views)
 * @param castType the type name to cast a bound text parameter to, without modifiers (e.g. {@code
 *     timestamp with time zone}, {@code character varying})
 * @param typeName the {@code pg_type.typname} of the column's type, domains resolved to their base
 *     type (e.g. {@code int4}, {@code timestamptz}, {@code _text})
 * @param kind how values are read and typed in JSON
 * @param elementKind for arrays, the kind of the elements; {@code null} otherwise
 * @param dimensions declared array dimensions (at least 1 for arrays), 0 otherwise
 */
record PgColumn(
    String name,
    boolean notNull,
    String castType,
    String typeName,
    PgTypes.Kind kind,
    PgTypes.Kind elementKind,
    int dimensions) {

  /** Quoted identifier. */
  String quoted() {
    return PgJdbc.quote(name);
  }
}
