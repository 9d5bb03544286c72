package io.c8kit.processor.model;

import java.util.Optional;

/**
 * The {@code io.c8kit.runtime.CursorType} constant that compares and serializes a cursor or page
 * key; typed here so that a cursor of an unsupported field type cannot reach the generators.
 */
public enum CursorType {
  INSTANT,
  OFFSET_DATE_TIME,
  LOCAL_DATE_TIME,
  LOCAL_DATE,
  LONG,
  INTEGER,
  BIG_DECIMAL,
  DOUBLE,
  STRING;

  /**
   * The cursor type of a scalar field, or empty when such values cannot be compared as a cursor.
   */
  public static Optional<CursorType> of(Scalar scalar) {
    return Optional.ofNullable(
        switch (scalar) {
          case INSTANT -> INSTANT;
          case OFFSET_DATE_TIME -> OFFSET_DATE_TIME;
          case LOCAL_DATE_TIME -> LOCAL_DATE_TIME;
          case LOCAL_DATE -> LOCAL_DATE;
          case LONG -> LONG;
          case INT -> INTEGER;
          case BIG_DECIMAL -> BIG_DECIMAL;
          case DOUBLE -> DOUBLE;
          case STRING -> STRING;
          default -> null;
        });
  }
}
