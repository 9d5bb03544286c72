/** The c8kit annotation processor: validate, then build an immutable model, then generate. */
package io.c8kit.processor;
