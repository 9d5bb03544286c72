package io.c8kit.annotations.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The REST API an abstract {@code @Source} class reads, so that its {@code @HttpStream} methods
 * need no body: the processor generates {@code <Class>_Http}, a subclass implementing them with
 * c8kit-http. Text values may contain {@code {property}} placeholders naming top-level config
 * properties (JSON names), e.g. {@code baseUrl = "{base_url}"}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HttpSource {
  /**
   * The base URL every path is appended to, a literal or with placeholders: {@code "{base_url}"}.
   */
  String baseUrl();

  /** Headers sent with every request, each {@code "Name: value"} (placeholders allowed). */
  String[] headers() default {};

  /** How requests authenticate (default: not at all). */
  HttpAuth auth() default @HttpAuth;

  /** The request budget (default: only the server's rate-limit headers). */
  HttpRateLimit rateLimit() default @HttpRateLimit;
}
