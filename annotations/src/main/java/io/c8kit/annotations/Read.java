package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that reads one stream found by {@link Discover}. It takes the config type and an
 * {@code io.c8kit.source.StreamContext} (the configured stream, its cursor field and lower bound)
 * and returns a {@code Stream}, {@code Iterator} or {@code Iterable} of {@code ObjectNode} or
 * {@code Map<String, ?>}, or returns {@code void} and takes an {@code io.c8kit.source.Emitter} of
 * them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Read {}
