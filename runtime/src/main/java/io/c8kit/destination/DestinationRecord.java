package io.c8kit.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One RECORD as handed to a {@link SyncWriter}.
 *
 * @param data the record's {@code data} object
 * @param emittedAt the source's extraction time in epoch milliseconds
 * @param meta the record's {@code meta} object, or {@code null}
 * @param sizeBytes the size of the input line, for buffer accounting
 */
public record DestinationRecord(ObjectNode data, long emittedAt, ObjectNode meta, int sizeBytes) {
  public DestinationRecord {
    Objects.requireNonNull(data, "data");
  }
}
