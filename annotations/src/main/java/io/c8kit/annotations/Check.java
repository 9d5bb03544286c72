package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the connection check: a non-private, non-static {@code void} method taking the config type.
 * It returns normally on success and throws on failure; the exception's message becomes the FAILED
 * status message (secrets masked).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Check {}
