package io.c8kit.annotations.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an abstract {@code @Stream} method of an {@link HttpSource} class a declared REST request:
 * the generated subclass sends it with c8kit-http and returns the decoded records. The method
 * returns {@code java.util.stream.Stream<R>} of a record {@code R} and takes the config, optionally
 * a {@code Cursor<T>} (see {@link #since()}) or {@code Page<T>} (see {@link #after()}) and a {@code
 * StreamContext}, as any {@code @Stream} method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HttpStream {
  /**
   * The path after the base URL; {@code {property}} placeholders become URL-encoded path
   * parameters.
   */
  String path();

  /** JSON pointer of the records array in each page; {@code ""} = the whole body. */
  String records() default "";

  /**
   * Query parameters of every request, each {@code "name=value"} (placeholders allowed in the
   * value).
   */
  String[] params() default {};

  /** Query parameter sending the incremental cursor's lower bound, e.g. {@code updated_since}. */
  String since() default "";

  /** Query parameter sending a resumed full refresh's last page key, e.g. {@code id_gte}. */
  String after() default "";

  /** How pages follow each other (default: one page). */
  Paginate paginator() default @Paginate;
}
