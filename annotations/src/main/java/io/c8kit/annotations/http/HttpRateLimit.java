package io.c8kit.annotations.http;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request budget of an {@link HttpSource}: at most {@link #requests()} per {@link
 * #perSeconds()} seconds and {@link #concurrent()} at once; the server's rate-limit headers are
 * honoured in any case.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface HttpRateLimit {
  /**
   * Requests per interval, a number or an integer property: {@code "{requests_per_second}"}; empty
   * = no budget.
   */
  String requests() default "";

  /** The interval in seconds. */
  int perSeconds() default 1;

  /** Requests in flight at once (0 = unlimited). */
  int concurrent() default 0;
}
