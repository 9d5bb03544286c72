package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.count;
import static io.c8kit.runtime.read.ReadHarness.emitAll;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static io.c8kit.runtime.read.ReadHarness.rowsWithSeq;
import static io.c8kit.runtime.read.ReadHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Statuses, states, counts and record emission of a whole read. */
class ReadEngineTest {
  private static final List<Row> THREE = rowsWithSeq(1L, 2L, 3L);

  private static SourceConnector<String> threeStreams() {
    StreamDefinition<String, Row> users = ordered("users", 0, emitAll(THREE));
    StreamDefinition<String, Row> empty = ordered("empty", 0, (config, ctx) -> {});
    StreamDefinition<String, Row> plain =
        rows("plain").reader(emitAll(rowsWithSeq(7L, 8L))).build();
    return connector(users, empty, plain);
  }

  @Test
  void multiStreamReadHasStartedRunningCompleteInCatalogOrder() {
    Output out =
        read(
                threeStreams(),
                catalog(
                    configured("users", SyncMode.INCREMENTAL),
                    configured("empty", SyncMode.INCREMENTAL),
                    configured("plain", SyncMode.FULL_REFRESH)),
                null)
            .ok();

    assertEquals("SRrrrTC", out.events("users"));
    assertEquals("SRTC", out.events("empty"));
    assertEquals("SRrrTC", out.events("plain"));
    // streams run one after the other, in catalog order
    List<String> order = new ArrayList<>();
    for (AirbyteMessage m : out.messages()) {
      if (m.type == AirbyteMessage.Type.TRACE) {
        String name = m.trace.streamStatus.streamDescriptor.name;
        if (order.isEmpty() || !order.get(order.size() - 1).equals(name)) {
          order.add(name);
        }
      }
    }
    assertEquals(List.of("users", "empty", "plain"), order);
  }

  @Test
  void everyStreamGetsAStateWithExactRecordCounts() {
    Output out =
        read(
                threeStreams(),
                catalog(
                    configured("users", SyncMode.INCREMENTAL),
                    configured("empty", SyncMode.INCREMENTAL),
                    configured("plain", SyncMode.FULL_REFRESH)),
                null)
            .ok();

    AirbyteStateMessage users = out.states("users").get(0);
    assertEquals(AirbyteStateMessage.Type.STREAM, users.type);
    assertEquals(3.0, count(users));
    assertEquals(ReadHarness.json("{\"cursor_field\":[\"seq\"],\"cursor\":3}"), streamState(users));

    AirbyteStateMessage empty = out.states("empty").get(0);
    assertEquals(0.0, count(empty));
    assertEquals(ReadHarness.json("{\"cursor_field\":[\"seq\"]}"), streamState(empty));

    AirbyteStateMessage plain = out.states("plain").get(0);
    assertEquals(2.0, count(plain));
    assertEquals(ReadHarness.json("{}"), streamState(plain));
    // recordCount is written as a double, as CAT expects
    assertTrue(
        out.lines().stream().anyMatch(l -> l.contains("\"sourceStats\":{\"recordCount\":3.0}")),
        String.join("\n", out.lines()));
  }

  @Test
  void fullRefreshOfAnIncrementalStreamEndsWithAnEmptyState() {
    Output out =
        read(threeStreams(), catalog(configured("users", SyncMode.FULL_REFRESH)), null).ok();
    assertEquals("SRrrrTC", out.events("users"));
    assertEquals(ReadHarness.json("{}"), streamState(out.states("users").get(0)));
    assertEquals(3.0, count(out.states("users").get(0)));
  }

  @Test
  void noTwoIdenticalStatesInARowAndCountsAddUp() {
    List<Row> data = new ArrayList<>();
    LongStream.rangeClosed(1, 50).forEach(i -> data.add(new Row(i, i / 4, "n")));
    SourceConnector<String> c = connector(ordered("s", 3, emitAll(data)));
    Output out = read(c, catalog(configured("s", SyncMode.INCREMENTAL)), null).ok();
    List<AirbyteStateMessage> states = out.states("s");
    assertTrue(states.size() > 5, "expected mid-stream checkpoints, got " + states.size());
    double sum = 0;
    for (int i = 0; i < states.size(); i++) {
      sum += count(states.get(i));
      if (i > 0) {
        assertNotEquals(streamState(states.get(i - 1)), streamState(states.get(i)));
      }
      assertTrue(count(states.get(i)) > 0);
    }
    assertEquals(50.0, sum);
  }

  @Test
  void recordsCarryNamespaceAndWallClockEmittedAt() throws Exception {
    SourceConnector<String> c =
        connector(rows("users").namespace("app").reader(emitAll(THREE)).build());
    long before = System.currentTimeMillis();
    Output first = read(c, catalog(configured("users", "app", SyncMode.FULL_REFRESH)), null).ok();
    long after = System.currentTimeMillis();
    Thread.sleep(100);
    Output second = read(c, catalog(configured("users", "app", SyncMode.FULL_REFRESH)), null).ok();

    long maxFirst = Long.MIN_VALUE;
    for (AirbyteMessage m : first.messages()) {
      if (m.type == AirbyteMessage.Type.RECORD) {
        assertEquals("app", m.record.namespace);
        assertTrue(
            m.record.emittedAt >= before && m.record.emittedAt <= after,
            "emitted_at " + m.record.emittedAt);
        maxFirst = Math.max(maxFirst, m.record.emittedAt);
      }
    }
    long minSecond = Long.MAX_VALUE;
    for (AirbyteMessage m : second.messages()) {
      if (m.type == AirbyteMessage.Type.RECORD) {
        minSecond = Math.min(minSecond, m.record.emittedAt);
      }
    }
    assertTrue(maxFirst < minSecond, "CAT's sequential reads: " + maxFirst + " < " + minSecond);
    assertEquals("app", first.states("users").get(0).stream.streamDescriptor.namespace);
    for (AirbyteMessage m : first.messages()) {
      if (m.type == AirbyteMessage.Type.TRACE) {
        assertEquals("app", m.trace.streamStatus.streamDescriptor.namespace);
        assertTrue(m.trace.emittedAt >= before);
      }
    }
  }

  @Test
  void streamWithoutNamespaceOmitsIt() {
    Output out =
        read(threeStreams(), catalog(configured("plain", SyncMode.FULL_REFRESH)), null).ok();
    for (String line : out.lines()) {
      assertTrue(!line.contains("namespace"), line);
    }
  }

  @Test
  void logsTheRecordCountPerStream() {
    Output out =
        read(threeStreams(), catalog(configured("users", SyncMode.INCREMENTAL)), null).ok();
    assertTrue(
        out.logs(AirbyteLogMessage.Level.INFO).contains("Read 3 records from stream users"),
        out.logs(AirbyteLogMessage.Level.INFO).toString());
  }

  @Test
  void failureMarksTheStreamIncompleteAndStopsTheRead() {
    StreamDefinition<String, Row> failing =
        ordered(
            "failing",
            0,
            (config, ctx) -> {
              ctx.emit(new Row(1, 1L, "a"));
              throw new IllegalStateException("boom");
            });
    StreamDefinition<String, Row> later = ordered("later", 0, emitAll(THREE));
    Output out =
        read(
            connector(failing, later),
            catalog(
                configured("failing", SyncMode.INCREMENTAL),
                configured("later", SyncMode.INCREMENTAL)),
            null);

    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertEquals("failing", e.stream().name);
    assertNull(e.stream().namespace);
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
    assertEquals("SRrI", out.events("failing"));
    assertEquals("", out.events("later"));
  }

  @Test
  void failureBeforeAnyRecordIsStartedThenIncomplete() {
    StreamDefinition<String, Row> failing =
        ordered(
            "failing",
            0,
            (config, ctx) -> {
              throw new java.io.IOException("unreachable");
            });
    Output out =
        read(connector(failing), catalog(configured("failing", SyncMode.FULL_REFRESH)), null);
    assertInstanceOf(StreamReadException.class, out.error());
    assertInstanceOf(java.io.IOException.class, out.error().getCause());
    assertEquals("SI", out.events("failing"));
  }

  @Test
  void serializerFailingHalfwayFailsTheStreamAndLeavesWellFormedOutput() {
    io.c8kit.runtime.RecordSerializer<Row> brittle =
        (r, g) -> {
          g.writeStartObject();
          g.writeNumberField("id", r.id());
          if (r.id() == 2) {
            throw new IllegalStateException("cannot serialize row 2");
          }
          g.writeEndObject();
        };
    StreamDefinition<String, Row> s = rows("s").serializer(brittle).reader(emitAll(THREE)).build();
    Output out =
        read(
            connector(s),
            catalog(configured("s", SyncMode.FULL_REFRESH)),
            null); // parses every line
    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertTrue(e.getMessage().contains("cannot serialize row 2"), e.getMessage());
    assertEquals("SRrI", out.events("s"));
  }

  @Test
  void nullRecordFailsTheStream() {
    StreamDefinition<String, Row> s = rows("s").reader((config, ctx) -> ctx.emit(null)).build();
    Output out = read(connector(s), catalog(configured("s", SyncMode.FULL_REFRESH)), null);
    assertInstanceOf(
        NullPointerException.class,
        assertInstanceOf(StreamReadException.class, out.error()).getCause());
    assertEquals("SI", out.events("s"));
  }

  @Test
  void emittingAfterTheStreamFinishedIsRejected() {
    List<io.c8kit.runtime.ReadContext<Row>> leaked = new ArrayList<>();
    StreamDefinition<String, Row> s = rows("s").reader((config, ctx) -> leaked.add(ctx)).build();
    read(connector(s), catalog(configured("s", SyncMode.FULL_REFRESH)), null).ok();
    try {
      leaked.get(0).emit(new Row(1, 1L, "late"));
      throw new AssertionError("expected a rejection");
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage().contains("finished"));
    }
  }

  @Test
  void emptyCatalogWritesNothing() {
    Output out = read(threeStreams(), catalog(), null).ok();
    assertEquals(List.of(), out.messages());
  }
}
