package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that reads one stream whose schema is known at compile time.
 *
 * <p>The method returns a {@code java.util.stream.Stream}, {@code Iterator} or {@code Iterable} of
 * a record type, or returns {@code void} and takes an {@code io.c8kit.source.Emitter} of it. Its
 * parameters, in any order: the config type, {@code io.c8kit.source.Cursor<T>} (the last committed
 * cursor value, T = the cursor component's type), {@code io.c8kit.source.Page<T>} (with {@link
 * #pageKey()}), {@code io.c8kit.source.StreamContext} and the emitter. The record type's components
 * give the stream's JSON schema.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Stream {
  /** Stream name; defaults to the snake_case of the method name. Unique within the connector. */
  String name() default "";

  /** Namespace of the stream, empty for none. */
  String namespace() default "";

  /**
   * Primary key: JSON field names of the record (dots for nested fields); composite keys list
   * several.
   */
  String[] primaryKey() default {};

  /** JSON field name of the cursor for incremental reads; empty for a full-refresh-only stream. */
  String cursor() default "";

  /**
   * JSON field a full refresh is ordered by (usually the primary key), making full refresh
   * resumable: checkpoints record the last key, and the method receives an {@code
   * io.c8kit.source.Page<T>} parameter to restart after it. Empty for a non-resumable full refresh.
   */
  String pageKey() default "";

  /**
   * Supported sync modes; defaults to full refresh, plus incremental when a cursor is declared.
   * Full refresh is always listed first.
   */
  SyncMode[] syncModes() default {};

  /**
   * True when records are produced in ascending cursor order (e.g. {@code ORDER BY updated_at});
   * the runtime then checkpoints mid-stream. Unordered streams checkpoint only when they complete.
   */
  boolean ordered() default false;

  /** Checkpoint every N records (ordered streams); 0 uses the runtime default. */
  int checkpointRecords() default 0;

  /** Checkpoint at least every N seconds (ordered streams); 0 uses the runtime default. */
  int checkpointSeconds() default 0;
}
