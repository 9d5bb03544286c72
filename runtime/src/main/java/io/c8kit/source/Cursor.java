package io.c8kit.source;

import java.util.Objects;
import java.util.Optional;

/**
 * The inclusive lower bound of an incremental read: the cursor value of the last committed state,
 * or empty for a first (or full-refresh) read. Read records whose cursor is {@code >=} the value;
 * ties at the boundary are re-read on purpose and removed by the destination's dedup.
 *
 * @param <T> the Java type of the cursor field
 */
public final class Cursor<T> {
  private static final Cursor<?> EMPTY = new Cursor<>(null);

  private final T value;

  private Cursor(T value) {
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> Cursor<T> empty() {
    return (Cursor<T>) EMPTY;
  }

  public static <T> Cursor<T> of(T value) {
    return new Cursor<>(Objects.requireNonNull(value, "value"));
  }

  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  public boolean isPresent() {
    return value != null;
  }

  /** The lower bound, or {@code fallback} when there is none (e.g. the epoch for a first read). */
  public T orElse(T fallback) {
    return value != null ? value : fallback;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cursor<?> other && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "Cursor.empty" : "Cursor[" + value + "]";
  }
}
