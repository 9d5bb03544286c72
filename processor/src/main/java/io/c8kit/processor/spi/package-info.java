/**
 * The processor's extension point: a {@link io.c8kit.processor.spi.TargetGenerator} found with
 * {@code ServiceLoader} on the processor path turns each validated connector model into the files
 * of one platform (Airbyte, C8, ...), so that a new target needs no change in the processor's core.
 */
package io.c8kit.processor.spi;
