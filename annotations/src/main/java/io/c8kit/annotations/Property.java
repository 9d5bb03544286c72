package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one config property (a record component or field of the config type) in the spec.
 *
 * <p>Unset numeric members use {@code NaN}/{@code -1}, unset strings are empty: the processor omits
 * them from the spec.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface Property {
  /** JSON property name; defaults to the snake_case of the Java name. */
  String name() default "";

  /** UI title; defaults to the Java name in title case. */
  String title() default "";

  String description() default "";

  /**
   * UI order among siblings; must be unique within one object. -1 means "after the ordered ones".
   */
  int order() default -1;

  /** Example values, each parsed to the property's type. */
  String[] examples() default {};

  /** Inclusive minimum for numeric properties. */
  double minimum() default Double.NaN;

  /** Inclusive maximum for numeric properties. */
  double maximum() default Double.NaN;

  /** Regular expression a string property must match. */
  String pattern() default "";

  /** Human-readable form of {@link #pattern()}, e.g. {@code YYYY-MM-DD}. */
  String patternDescriptor() default "";

  /** JSON-Schema {@code format} of a string property, e.g. {@code date-time} or {@code uri}. */
  String format() default "";

  /** UI card this top-level property belongs to (Airbyte {@code group}). */
  String group() default "";

  /** Show this optional property without collapsing it (Airbyte {@code always_show}). */
  boolean alwaysShow() default false;

  /** Hide from the UI, still settable through the API (Airbyte {@code airbyte_hidden}). */
  boolean hidden() default false;

  /** Render a multi-line text box (keys, certificates). */
  boolean multiline() default false;

  /**
   * C8 {@code is_dynamic}: a per-pipeline "which object" setting rather than a connection setting.
   */
  boolean dynamic() default false;

  /** C8 placeholder value shown in an empty input. */
  String placeholder() default "";
}
