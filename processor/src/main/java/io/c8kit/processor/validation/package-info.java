/**
 * Validation of the DSL and construction of the model; internal to the processor. Every diagnostic
 * comes from the {@link io.c8kit.processor.validation.Message} catalog.
 */
package io.c8kit.processor.validation;
