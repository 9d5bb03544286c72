package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The batch handed to {@code SyncWriter.write}: an unmodifiable list that builds each record's
 * {@code data} tree when the element is read, so a batch of large records never exists as trees all
 * at once. Reading an element twice parses it twice; writers that need several passes copy the
 * list.
 */
final class RecordBatch extends AbstractList<DestinationRecord>
    implements RandomAccess, RawRecordBatch {
  /**
   * Keeps decimal numbers as written ({@code 100.0} stays {@code 100.0}, not {@code 1E+2}): JSON
   * columns store what the source sent.
   */
  private static final ObjectReader DATA_READER =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final List<StreamBuffer.Pending> records;

  RecordBatch(List<StreamBuffer.Pending> records) {
    this.records = records;
  }

  @Override
  public DestinationRecord get(int index) {
    StreamBuffer.Pending p = records.get(index);
    com.fasterxml.jackson.databind.node.ObjectNode meta =
        p.meta() instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null;
    return new DestinationRecord(parseData(p.data()), p.emittedAt(), meta, p.sizeBytes());
  }

  static ObjectNode parseData(byte[] data) {
    try {
      return (ObjectNode) DATA_READER.readTree(data);
    } catch (IOException e) {
      // The bytes passed the syntax check when the input was read.
      throw new IllegalStateException("cannot re-read a buffered record", e);
    }
  }

  @Override
  public int size() {
    return records.size();
  }

  @Override
  public byte[] dataBytes(int index) {
    return records.get(index).data();
  }

  @Override
  public long emittedAt(int index) {
    return records.get(index).emittedAt();
  }

  @Override
  public com.fasterxml.jackson.databind.node.ObjectNode meta(int index) {
    return records.get(index).meta() instanceof com.fasterxml.jackson.databind.node.ObjectNode o
        ? o
        : null;
  }
}
