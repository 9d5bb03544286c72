/**
 * The c8kit annotation processor. Only {@link io.c8kit.processor.C8kitProcessor} is public API; the
 * pipeline lives in {@code validation} (rules and diagnostics → model), {@code model} (immutable
 * records) and {@code writing} (one generator per output).
 */
package io.c8kit.processor;
