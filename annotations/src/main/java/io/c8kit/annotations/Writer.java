package io.c8kit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the destination's loading entry point: a method taking the config type and an {@code
 * io.c8kit.destination.WriteContext} (the configured catalog) and returning an {@code
 * io.c8kit.destination.SyncWriter}, opened once per {@code write} run.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Writer {}
