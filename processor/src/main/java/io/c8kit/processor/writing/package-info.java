/**
 * One generator per output file, all reading the immutable model; internal to the processor (only
 * {@link io.c8kit.processor.writing.Generators} is called from outside; the built-in targets are
 * found through {@code ServiceLoader}).
 */
package io.c8kit.processor.writing;
