package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one JSON record of a response into the stream's record type, for shapes the default
 * (Jackson into the record's components, snake_case names) does not fit.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordDecoder<R> {
  R decode(JsonNode json) throws Exception;
}
