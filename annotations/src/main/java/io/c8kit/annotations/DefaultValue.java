package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Default of a config property, written as text and parsed to the property's type at compile time
 * ({@code "1000"} for an int, {@code "true"}, an enum constant name, a JSON array for a list). A
 * property with a default is optional in the spec.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface DefaultValue {
  String value();
}
