package io.c8kit.runtime.write;

import io.c8kit.destination.DestinationRecord;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The batch handed to {@code SyncWriter.write}: an unmodifiable list that builds each record's
 * {@code data} tree when the element is read, so a batch of large records never exists as trees all
 * at once. Reading an element twice parses it twice; writers that need several passes copy the list.
 */
final class RecordBatch extends AbstractList<DestinationRecord> implements RandomAccess, RawRecordBatch {
  private final List<StreamBuffer.Pending> records;
  private final MessageParser parser;

  RecordBatch(List<StreamBuffer.Pending> records, MessageParser parser) {
    this.records = records;
    this.parser = parser;
  }

  @Override
  public DestinationRecord get(int index) {
    StreamBuffer.Pending p = records.get(index);
    com.fasterxml.jackson.databind.node.ObjectNode meta =
        p.meta() instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null;
    return new DestinationRecord(parser.parseData(p.data()), p.emittedAt(), meta, p.sizeBytes());
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
    return records.get(index).meta() instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null;
  }
}
