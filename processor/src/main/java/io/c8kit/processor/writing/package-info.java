/**
 * One generator per output file, all reading the immutable model; internal to the processor (only
 * {@link io.c8kit.processor.writing.Generators} and {@link io.c8kit.processor.writing.KafkaConnectPlugins} are
 * called from outside).
 */
package io.c8kit.processor.writing;
