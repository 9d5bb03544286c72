package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that lists streams known only at run time (tables of a database, say): it takes
 * the config type and returns {@code List<io.c8kit.source.DiscoveredStream>}. A source with
 * {@code @Discover} also needs one {@link Read} method that reads any discovered stream.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Discover {}
