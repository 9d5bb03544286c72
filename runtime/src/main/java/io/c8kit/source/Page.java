package io.c8kit.source;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resumable full-refresh read restarts: the page key of the last record covered by a
 * checkpoint, or empty at the start. Read records whose page key is strictly greater.
 *
 * @param <T> the Java type of the stream's page key
 */
public final class Page<T> {
  private static final Page<?> START = new Page<>(null);

  private final T after;

  private Page(T after) {
    this.after = after;
  }

  @SuppressWarnings("unchecked")
  public static <T> Page<T> start() {
    return (Page<T>) START;
  }

  public static <T> Page<T> after(T key) {
    return new Page<>(Objects.requireNonNull(key, "key"));
  }

  /** The key to read after, empty when reading from the start. */
  public Optional<T> after() {
    return Optional.ofNullable(after);
  }

  public boolean isStart() {
    return after == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page<?> other && Objects.equals(after, other.after);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(after);
  }

  @Override
  public String toString() {
    return after == null ? "Page.start" : "Page[after=" + after + "]";
  }
}
