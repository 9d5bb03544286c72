package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads back what a destination stored, so the destination suite can compare it with what was
 * written. Supplied by the connector author (e.g. a JDBC query of the stream's table).
 *
 * <p>Return one JSON object per stored row holding the record's {@code data} fields with their JSON
 * types (numbers as numbers, nested objects/arrays as JSON, not as strings). Columns whose name
 * starts with {@code _airbyte_} and null-valued fields are ignored by the comparison; numbers are
 * compared by value and date-times by instant, so {@code 1.0} matches {@code 1} and {@code
 * 2024-01-01 00:00:00+00} matches {@code 2024-01-01T00:00:00Z}.
 */
@FunctionalInterface
public interface DestinationReader {
  /**
   * The rows stored for a stream.
   *
   * @param config the good config the destination was run with
   * @param stream the stream name (unsanitized, as in the catalog)
   * @param namespace the stream namespace, or {@code null}
   * @return the rows; an empty list when the stream has no table (yet)
   */
  List<JsonNode> read(JsonNode config, String stream, String namespace) throws Exception;
}
