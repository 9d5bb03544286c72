package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, concrete class as an Airbyte/C8 source connector; the processor generates the
 * connector, its spec, a CLI main and a Dockerfile from it.
 *
 * <p>The class needs a public no-argument constructor, exactly one config type (the first parameter
 * of its {@link Check} and {@link Stream} methods) and at least one {@link Stream} method or a
 * {@link Discover}/{@link Read} pair.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Source {
  /**
   * Connector name in kebab-case, e.g. {@code faker}; the package name becomes {@code
   * c8-source-<name>}.
   */
  String name();

  /** Semantic version of the connector, e.g. {@code 1.0.0}. */
  String version();

  /** Human title shown in UIs and used as the spec title; defaults to the name in title case. */
  String title() default "";

  /** One-sentence description of what the connector reads. */
  String description() default "";

  /**
   * Documentation URL placed in the spec's {@code documentationUrl}; must be an absolute http(s)
   * URL.
   */
  String documentationUrl() default "";

  /**
   * Logo: a classpath resource path (e.g. {@code logo.svg}) or a {@code data:} URI; empty for none.
   */
  String logo() default "";

  /**
   * Docker image repository, e.g. {@code acme/source-faker}; defaults to {@code
   * c8kit/source-<name>}.
   */
  String dockerImage() default "";

  /** Base image for the generated Dockerfile; defaults to {@code eclipse-temurin:17-jre}. */
  String baseImage() default "";

  /**
   * How many streams may be read at the same time (at least 1; 1 reads them one after another).
   * Only raise it when the stream methods are safe to run on different threads at once (no shared
   * non-thread-safe fields, HTTP clients or JDBC connections). At run time no more streams than the
   * machine has processors run at once (except with {@link #ioBound()}, and for an
   * {@code @HttpSource}, whose streams wait on the API), unless the environment variable {@code
   * C8KIT_READ_CONCURRENCY} sets another number; that can never exceed this one.
   */
  int concurrency() default 1;

  /**
   * Whether the stream methods mostly wait on I/O (a remote database, an API) rather than keep a
   * processor busy. Then up to {@link #concurrency()} streams are read at once however many
   * processors the machine has, since waiting streams do not compete for them; without it, no more
   * streams than processors run at once, which suits streams that compute. {@code
   * C8KIT_READ_CONCURRENCY} still decides when it is set. Only with {@code concurrency} above 1
   * ({@code C8K-125}); an {@code @HttpSource} is treated so without it.
   */
  boolean ioBound() default false;

  /**
   * Exception types (and their subclasses) reported as {@code config_error}: bad credentials, bad
   * input.
   */
  Class<? extends Throwable>[] configErrors() default {};

  /**
   * Exception types (and their subclasses) reported as {@code transient_error}: retrying may
   * succeed.
   */
  Class<? extends Throwable>[] transientErrors() default {};
}
