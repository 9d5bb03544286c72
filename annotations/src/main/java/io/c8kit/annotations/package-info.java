/**
 * The c8kit DSL: annotations read only by the c8kit annotation processor at compile time.
 *
 * <p>Put this artifact on the compile classpath with {@code provided} scope; nothing here is needed
 * at run time. See the README's DSL reference for every rule the processor enforces.
 */
package io.c8kit.annotations;
