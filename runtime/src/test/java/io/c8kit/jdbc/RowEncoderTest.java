package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.write.RawRecordBatch;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows filled in order (one parser over the batch) equal rows filled in any other order (one parser
 * each).
 */
class RowEncoderTest {
  private static final String[] DATA = {
    "{\"id\":1,\"ts\":\"2024-01-01T00:00:00Z\",\"j\":{\"a\":[1,2.50]},\"n\":1.5,\"s\":\"x\"}",
    "{\"s\":\"other order\",\"j\":[],\"id\":2,\"extra\":{\"deep\":[1,{\"x\":2}]},\"ts\":\"2024-01-01T00:00:00+01:00\"}",
    "{\"id\":3,\"j\":{\"k\":1,\"k\":2},\"ts\":\"bad\",\"n\":\"abc\"}",
    "{}",
    "{\"id\":5,\"j\":{\"z\":{\"z\":1,\"z\":[2]}},\"s\":{\"o\":[null]},\"ts\":\"2024-02-29 23:59:59.1234567z\"}",
    "{\"id\":6,\"j\":null,\"n\":-0.0,\"s\":12.50,\"ts\":null}"
  };

  private StreamTable plan;

  private RowEncoder.Rows rows() throws Exception {
    ObjectNode schema =
        (ObjectNode)
            Protocol.mapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{"
                        + "\"id\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},\"s\":{\"type\":\"string\"},"
                        + "\"ts\":{\"type\":\"string\",\"format\":\"date-time\"},\"j\":{\"type\":[\"object\",\"array\"]}}}");
    DestinationStream stream =
        new DestinationStream(
            "t",
            null,
            schema,
            SyncMode.INCREMENTAL,
            DestinationSyncMode.APPEND,
            null,
            null,
            0,
            0,
            0);
    plan = TablePlanner.plan(List.of(stream), new SqliteDialect()).get(0);
    RowEncoder encoder = new RowEncoder(plan, new RawIds(), true);
    return encoder.rows(new Batch(), OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  /** The row without its random raw id. */
  private List<Object> fill(RowEncoder.Rows rows, int i) throws Exception {
    Object[] row = rows.fill(i, new Object[plan.columns().size()]);
    return Arrays.asList(row).subList(1, row.length);
  }

  @Test
  void anyFillOrderGivesTheSameRows() throws Exception {
    RowEncoder.Rows inOrder = rows();
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < DATA.length; i++) {
      expected.add(fill(inOrder, i));
    }
    int[][] orders = {{5, 4, 3, 2, 1, 0}, {0, 2, 1, 3, 5, 4}, {0, 1, 0, 1, 2, 3, 4, 5}, {3, 4, 5}};
    for (int[] order : orders) {
      RowEncoder.Rows rows = rows();
      for (int i : order) {
        assertEquals(
            expected.get(i), fill(rows, i), "record " + i + " in order " + Arrays.toString(order));
      }
    }
    assertEquals("{\"a\":[1,2.50]}", expected.get(0).get(column("j")));
    assertEquals("{\"k\":2}", expected.get(2).get(column("j")));
    assertEquals("{\"z\":{\"z\":[2]}}", expected.get(4).get(column("j")));
    assertEquals("2024-02-29T23:59:59.123456Z", expected.get(4).get(column("ts")));
    assertEquals("2023-12-31T23:00:00.000000Z", expected.get(1).get(column("ts")));
    assertArrayEquals(
        new Object[] {
          "{\"sync_id\":0,\"changes\":[{\"field\":\"n\",\"change\":\"NULLED\","
              + "\"reason\":\"DESTINATION_TYPECAST_ERROR\"},{\"field\":\"ts\",\"change\":\"NULLED\","
              + "\"reason\":\"DESTINATION_TYPECAST_ERROR\"}]}"
        },
        new Object[] {expected.get(2).get(2)});
  }

  /** Index in a row without the raw id: metadata columns, then the data columns by name. */
  private int column(String name) {
    for (int k = 0; k < plan.columns().size(); k++) {
      if (name.equals(plan.columns().get(k).property())) {
        return k - 1;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** The engine's kind of batch: data bytes, materialized as trees on access. */
  private static final class Batch extends AbstractList<DestinationRecord>
      implements RawRecordBatch {
    @Override
    public DestinationRecord get(int index) {
      try {
        return new DestinationRecord(
            (ObjectNode) Protocol.mapper().readTree(DATA[index]), 1, null, 0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int size() {
      return DATA.length;
    }

    @Override
    public byte[] dataBytes(int index) {
      return DATA[index].getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long emittedAt(int index) {
      return 1_700_000_000_000L + index;
    }

    @Override
    public ObjectNode meta(int index) {
      return null;
    }
  }
}
