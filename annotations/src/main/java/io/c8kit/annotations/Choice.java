package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One option of a {@link OneOf} sealed interface: a record with the discriminator's constant value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Choice {
  /** The discriminator's constant for this option; unique among the options. */
  String value();

  /** UI title of the option; defaults to the record name in title case. */
  String title() default "";

  String description() default "";
}
