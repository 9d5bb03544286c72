package io.c8kit.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a validated config (defaults applied) into the connector's config type; generated per
 * config type so the run-time path uses no reflection.
 *
 * @param <C> the config type
 */
@FunctionalInterface
public interface ConfigBinder<C> {
  C bind(JsonNode config);
}
