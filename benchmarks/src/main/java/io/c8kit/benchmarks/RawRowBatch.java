package io.c8kit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.benchmarks.synthetic.BenchSource.Row;
import io.c8kit.benchmarks.synthetic.Rows;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.write.RawRecordBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.AbstractList;

/**
 * One batch of the synthetic benchmark rows as raw record bytes, the way the write engine hands
 * batches to a writer, so that a writer measured with it takes its streaming path.
 */
final class RawRowBatch extends AbstractList<DestinationRecord> implements RawRecordBatch {
  private static final JsonFactory JSON = Protocol.mapper().getFactory();

  private final byte[][] data;

  private RawRowBatch(byte[][] data) {
    this.data = data;
  }

  static RawRowBatch of(long firstId, int count) throws IOException {
    byte[][] data = new byte[count][];
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    for (int i = 0; i < count; i++) {
      out.reset();
      try (JsonGenerator g = JSON.createGenerator(out)) {
        write(g, Rows.row(firstId + i));
      }
      data[i] = out.toByteArray();
    }
    return new RawRowBatch(data);
  }

  /** The source's field names (snake case), as in the benchmark source's stream schema. */
  private static void write(JsonGenerator g, Row r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", r.id());
    g.writeStringField("name", r.name());
    g.writeStringField("email", r.email());
    g.writeNumberField("age", r.age());
    g.writeNumberField("score", r.score());
    g.writeBooleanField("active", r.active());
    g.writeNumberField("balance", r.balance());
    g.writeArrayFieldStart("tags");
    for (String t : r.tags()) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("address");
    g.writeStringField("street", r.address().street());
    g.writeStringField("city", r.address().city());
    g.writeStringField("postal_code", r.address().postalCode());
    g.writeStringField("country", r.address().country());
    g.writeEndObject();
    g.writeStringField("created_at", r.createdAt().toString());
    g.writeEndObject();
  }

  @Override
  public int size() {
    return data.length;
  }

  @Override
  public byte[] dataBytes(int index) {
    return data[index];
  }

  @Override
  public long emittedAt(int index) {
    return 1_700_000_000_000L;
  }

  @Override
  public ObjectNode meta(int index) {
    return null;
  }

  @Override
  public DestinationRecord get(int index) {
    try {
      JsonNode tree = Protocol.mapper().readTree(data[index]);
      return new DestinationRecord((ObjectNode) tree, emittedAt(index), null, data[index].length);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
