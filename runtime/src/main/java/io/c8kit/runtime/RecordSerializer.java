package io.c8kit.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one record as the JSON object of a RECORD's {@code data}; generated per record type, so
 * the hot path streams fields without reflection or an intermediate tree.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface RecordSerializer<R> {
  void write(R record, JsonGenerator gen) throws IOException;
}
