package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public, concrete class as an Airbyte/C8 destination connector; the author writes only the
 * loading, in the {@link Writer} method.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Destination {
  /**
   * Connector name in kebab-case, e.g. {@code sqlite}; the package name becomes {@code
   * c8-target-<name>}.
   */
  String name();

  /** Semantic version of the connector, e.g. {@code 1.0.0}. */
  String version();

  /** Human title; defaults to the name in title case. */
  String title() default "";

  /** One-sentence description of where the connector loads data. */
  String description() default "";

  /** Documentation URL placed in the spec's {@code documentationUrl}. */
  String documentationUrl() default "";

  /** Logo: a classpath resource path or a {@code data:} URI; empty for none. */
  String logo() default "";

  /** Docker image repository; defaults to {@code c8kit/destination-<name>}. */
  String dockerImage() default "";

  /** Base image for the generated Dockerfile; defaults to {@code eclipse-temurin:17-jre}. */
  String baseImage() default "";

  /**
   * Destination sync modes the writer implements; written to {@code
   * supported_destination_sync_modes}.
   */
  DestinationSyncMode[] syncModes() default {
    DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP
  };

  /**
   * Reserved keys of the target store, for the C8 {@code reservedKeys()} contract: a fixed primary
   * key first, or {@code ""} first when there is none.
   */
  String[] reservedKeys() default {};

  /** Exception types reported as {@code config_error}. */
  Class<? extends Throwable>[] configErrors() default {};

  /** Exception types reported as {@code transient_error}. */
  Class<? extends Throwable>[] transientErrors() default {};
}
