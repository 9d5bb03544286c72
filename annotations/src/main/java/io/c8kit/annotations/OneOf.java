package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface whose permitted records are the options of a {@code oneOf} config
 * property. Each record carries {@link Choice}; the discriminator property holds the choice's
 * constant.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OneOf {
  /** Name of the const discriminator property present in every option, e.g. {@code auth_type}. */
  String discriminator();

  /** Optional UI hint: {@code dropdown} or {@code radio}. */
  String displayType() default "";
}
