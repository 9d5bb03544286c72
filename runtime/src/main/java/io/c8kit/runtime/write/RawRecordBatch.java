package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Implemented by the batches the write engine passes to {@code SyncWriter.write}: each record's
 * {@code data} object as the UTF-8 JSON bytes read from stdin, so that a writer can stream-parse
 * only the fields it stores instead of walking a tree (the shared JDBC writer does). The list's
 * elements are the same records, materialized on access. Runtime-internal SPI: writers must still
 * accept any {@code List<DestinationRecord>}.
 */
public interface RawRecordBatch {
  int size();

  /** The record's {@code data} object: a complete, syntactically valid JSON object in UTF-8. */
  byte[] dataBytes(int index);

  /** The record's {@code emitted_at}, epoch milliseconds. */
  long emittedAt(int index);

  /** The record's {@code meta} object, or {@code null}. */
  ObjectNode meta(int index);
}
