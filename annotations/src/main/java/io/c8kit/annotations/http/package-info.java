/**
 * Declarative REST streams: {@link io.c8kit.annotations.http.HttpSource} on an abstract
 * {@code @Source} class and {@link io.c8kit.annotations.http.HttpStream} on its abstract
 * {@code @Stream} methods; the processor checks them against the config and record types and
 * generates the implementation on {@code c8kit-http} (see docs/HTTP.md, "Declarative streams").
 */
package io.c8kit.annotations.http;
