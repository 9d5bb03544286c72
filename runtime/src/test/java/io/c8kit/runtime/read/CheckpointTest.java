package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.count;
import static io.c8kit.runtime.read.ReadHarness.emitAll;
import static io.c8kit.runtime.read.ReadHarness.emitFrom;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static io.c8kit.runtime.read.ReadHarness.rowsWithSeq;
import static io.c8kit.runtime.read.ReadHarness.stateInput;
import static io.c8kit.runtime.read.ReadHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.StreamReader;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mid-stream checkpoints of ordered incremental streams: the tie rule, resumption, failures. */
class CheckpointTest {
  private static final ConfiguredAirbyteCatalog INCREMENTAL =
      catalog(configured("s", SyncMode.INCREMENTAL));

  /** ~300 records in runs of equal cursor values of length 1..12, crossing every N boundary. */
  private static List<Row> tieRuns() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    long seq = 10;
    while (rows.size() < 300) {
      int run = 1 + random.nextInt(12);
      for (int i = 0; i < run; i++) {
        rows.add(new Row(rows.size() + 1, seq, "r" + rows.size()));
      }
      seq += 1 + random.nextInt(3);
    }
    return rows;
  }

  /** Number of the stream's records emitted before each of its STATE messages. */
  private static List<Integer> statePositions(Output out, String stream) {
    List<Integer> positions = new ArrayList<>();
    int records = 0;
    for (AirbyteMessage m : out.messages()) {
      if (m.type == AirbyteMessage.Type.RECORD && m.record.stream.equals(stream)) {
        records++;
      } else if (m.type == AirbyteMessage.Type.STATE
          && m.state.stream.streamDescriptor.name.equals(stream)) {
        positions.add(records);
      }
    }
    return positions;
  }

  private static long cursorOf(AirbyteStateMessage s) {
    return streamState(s).get("cursor").asLong();
  }

  @Test
  void checkpointsNeverSplitARunOfEqualCursors() {
    List<Row> data = tieRuns();
    Output out = read(connector(ordered("s", 5, emitAll(data))), INCREMENTAL, null).ok();
    List<Long> seqs = out.seqs("s");
    assertEquals(data.size(), seqs.size());
    List<AirbyteStateMessage> states = out.states("s");
    List<Integer> positions = statePositions(out, "s");
    assertTrue(states.size() > 20, "expected many checkpoints, got " + states.size());
    int previous = 0;
    for (int i = 0; i < states.size(); i++) {
      int p = positions.get(i);
      long c = cursorOf(states.get(i));
      assertEquals(seqs.get(p - 1), c, "a state's cursor is the last record's before it");
      if (p < seqs.size()) {
        assertTrue(seqs.get(p) > c, "state " + i + " at " + p + " splits a run of cursor " + c);
      }
      assertEquals(p - previous, (int) count(states.get(i)), "recordCount of state " + i);
      if (i < states.size() - 1) {
        assertTrue(p - previous >= 5, "a checkpoint is due only after N records");
      }
      previous = p;
    }
    assertEquals(
        seqs.size(),
        positions.get(positions.size() - 1),
        "the final state comes after every record");
    assertEquals(seqs.get(seqs.size() - 1), cursorOf(states.get(states.size() - 1)));
  }

  @Test
  void resumingFromEveryStateLosesNothing() {
    List<Row> data = tieRuns();
    for (StreamReader<String, Row> reader : List.of(emitAll(data), emitFrom(data))) {
      SourceConnector<String> source = connector(ordered("s", 17, reader));
      Output full = read(source, INCREMENTAL, null).ok();
      List<Long> all = full.seqs("s");
      List<AirbyteStateMessage> states = full.states("s");
      List<Integer> positions = statePositions(full, "s");
      assertTrue(states.size() > 5);
      for (int i = 0; i < states.size(); i++) {
        long c = cursorOf(states.get(i));
        Output resumed = read(source, INCREMENTAL, stateInput(states.get(i))).ok();
        List<Long> expected = all.stream().filter(v -> v >= c).toList();
        assertEquals(
            expected, resumed.seqs("s"), "resumed from state " + i + " (cursor " + c + ")");
        // CAT read_sequential_slices: at least everything after the checkpoint
        assertTrue(resumed.seqs("s").size() >= all.size() - positions.get(i));
        assertFalse(resumed.states("s").isEmpty());
      }
    }
  }

  @Test
  void resumeIsInclusiveSoTiesAreReRead() {
    List<Row> data = rowsWithSeq(1L, 2L, 2L, 3L, 3L, 3L, 4L);
    Output out =
        read(
                connector(ordered("s", 0, emitAll(data))),
                INCREMENTAL,
                json(
                    "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},"
                        + "\"stream_state\":{\"cursor_field\":[\"seq\"],\"cursor\":3}}}]"))
            .ok();
    assertEquals(List.of(3L, 3L, 3L, 4L), out.seqs("s"));
    assertEquals(List.of(4L, 5L, 6L, 7L), out.ids("s"));
    assertEquals(4L, cursorOf(out.states("s").get(0)));
    assertEquals(4.0, count(out.states("s").get(0)));
  }

  @Test
  void methodReceivesTheTypedLowerBound() {
    List<Object> seen = new ArrayList<>();
    StreamReader<String, Row> reader =
        (config, ctx) -> {
          seen.add(ctx.cursor());
          seen.add(ctx.cursorValue().orElse(null));
          seen.add(ctx.cursorField());
          seen.add(ctx.syncMode());
          seen.add(ctx.page());
        };
    read(
            connector(ordered("s", 0, reader)),
            INCREMENTAL,
            json(
                "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},\"stream_state\":{\"cursor\":\"42\"}}}"))
        .ok();
    assertEquals(io.c8kit.source.Cursor.of(42L), seen.get(0));
    assertEquals(42L, ((com.fasterxml.jackson.databind.JsonNode) seen.get(1)).longValue());
    assertEquals(List.of("seq"), seen.get(2));
    assertEquals(SyncMode.INCREMENTAL, seen.get(3));
    assertEquals(io.c8kit.source.Page.start(), seen.get(4));
  }

  @Test
  void farFutureStateYieldsNoRecordsAndOneState() {
    List<Row> data = rowsWithSeq(1L, 2L, 3L);
    Output out =
        read(
                connector(ordered("s", 1, emitAll(data))),
                INCREMENTAL,
                json(
                    "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},"
                        + "\"stream_state\":{\"cursor_field\":[\"seq\"],\"cursor\":99999999999999999}}}]"))
            .ok();
    assertEquals(List.of(), out.records("s"));
    assertEquals("SRTC", out.events("s"));
    AirbyteStateMessage state = out.states("s").get(0);
    assertEquals(99999999999999999L, cursorOf(state));
    assertEquals(0.0, count(state));
    assertTrue(
        out.logs(AirbyteLogMessage.Level.DEBUG).stream()
            .anyMatch(l -> l.startsWith("Dropped 3 records")),
        out.logs(AirbyteLogMessage.Level.DEBUG).toString());
  }

  @Test
  void failureEmitsNoStatePastTheLastCheckpoint() {
    List<Row> data = rowsWithSeq(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    StreamReader<String, Row> reader =
        (config, ctx) -> {
          for (Row r : data) {
            if (r.seq() == 9L) {
              throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
            }
            ctx.emit(r);
          }
        };
    Output out = read(connector(ordered("s", 3, reader)), INCREMENTAL, null);
    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertEquals("s", e.stream().name);
    // checkpoints before records 4 and 7 (cursor 3 and 6); records 7 and 8 are not covered by any
    // state
    assertEquals("SRrrrTrrrTrrI", out.events("s"));
    assertEquals(List.of(3L, 6L), out.states("s").stream().map(CheckpointTest::cursorOf).toList());
    // resuming from the last checkpoint re-reads 6 (tie rule) and everything after
    Output resumed =
        read(
                connector(ordered("s", 3, emitFrom(data))),
                INCREMENTAL,
                stateInput(out.states("s").get(1)))
            .ok();
    assertEquals(List.of(6L, 7L, 8L, 9L, 10L, 11L, 12L), resumed.seqs("s"));
  }

  @Test
  void outOfOrderRecordFailsAnOrderedStream() {
    Output out =
        read(connector(ordered("s", 0, emitAll(rowsWithSeq(1L, 3L, 2L, 4L)))), INCREMENTAL, null);
    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertTrue(e.getCause().getMessage().contains("ordered"), e.getCause().getMessage());
    assertEquals("SRrrI", out.events("s"));
    assertTrue(out.states("s").isEmpty());
  }

  @Test
  void outOfOrderFailureCannotBeSwallowedByTheMethod() {
    StreamReader<String, Row> swallowing =
        (config, ctx) -> {
          for (Row r : rowsWithSeq(1L, 3L, 2L, 4L)) {
            try {
              ctx.emit(r);
            } catch (RuntimeException ignored) {
              // a careless method
            }
          }
        };
    Output out = read(connector(ordered("s", 0, swallowing)), INCREMENTAL, null);
    assertInstanceOf(StreamReadException.class, out.error());
    assertEquals("SRrrI", out.events("s"));
  }

  @Test
  void recordsBelowTheLowerBoundDoNotBreakTheOrder() {
    Output out =
        read(
                connector(ordered("s", 0, emitAll(rowsWithSeq(6L, 2L, 7L)))),
                INCREMENTAL,
                json(
                    "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},\"stream_state\":{\"cursor\":5}}}"))
            .ok();
    assertEquals(List.of(6L, 7L), out.seqs("s"));
  }

  @Test
  void unorderedStreamEmitsOneFinalStateWithTheMaximum() {
    SourceConnector<String> source =
        connector(
            rows("s")
                .cursor(List.of("seq"), CursorType.LONG, Row::seq)
                .ordered(false)
                .checkpointRecords(2)
                .reader(emitAll(rowsWithSeq(5L, 1L, 9L, 3L, 9L, 2L)))
                .build());
    Output out = read(source, INCREMENTAL, null).ok();
    assertEquals("SRrrrrrrTC", out.events("s"));
    assertEquals(9L, cursorOf(out.states("s").get(0)));
    assertEquals(6.0, count(out.states("s").get(0)));
    Output resumed = read(source, INCREMENTAL, stateInput(out.states("s").get(0))).ok();
    assertEquals(List.of(9L, 9L), resumed.seqs("s"));
  }

  @Test
  void nullCursorsAreEmittedButDoNotAdvance() {
    Output out =
        read(
                connector(ordered("s", 1, emitAll(rowsWithSeq(null, 1L, null, 2L, 3L)))),
                INCREMENTAL,
                null)
            .ok();
    assertEquals(Arrays.asList(null, 1L, null, 2L, 3L), out.seqs("s"));
    List<AirbyteStateMessage> states = out.states("s");
    assertEquals(List.of(1L, 2L, 3L), states.stream().map(CheckpointTest::cursorOf).toList());
    assertEquals(5.0, states.stream().mapToDouble(ReadHarness::count).sum());
  }

  @Test
  void aRunOfTiesAtTheEndGetsOnlyTheFinalState() {
    Output out =
        read(connector(ordered("s", 1, emitAll(rowsWithSeq(1L, 1L, 1L)))), INCREMENTAL, null).ok();
    assertEquals("SRrrrTC", out.events("s"));
  }

  @Test
  void inputCursorIsKeptWhenNothingNewArrives() {
    Output out =
        read(
                connector(ordered("s", 1, emitAll(rowsWithSeq(1L, 2L)))),
                INCREMENTAL,
                json(
                    "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},\"stream_state\":{\"cursor\":7}}}"))
            .ok();
    assertEquals(
        json("{\"cursor_field\":[\"seq\"],\"cursor\":7}"), streamState(out.states("s").get(0)));
  }

  @Test
  void fullRefreshOfAnOrderedStreamHasNoMidStreamStates() {
    List<Row> data = tieRuns();
    Output out =
        read(
                connector(ordered("s", 5, emitAll(data))),
                catalog(configured("s", SyncMode.FULL_REFRESH)),
                null)
            .ok();
    assertEquals(1, out.states("s").size());
    assertEquals((double) data.size(), count(out.states("s").get(0)));
  }

  @Test
  void checkpointEveryOverridesTheDefinitionAndTheEnvironmentOverridesBoth() {
    List<Row> data = rowsWithSeq(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    StreamReader<String, Row> reader =
        (config, ctx) -> {
          ctx.checkpointEvery(2);
          data.forEach(ctx::emit);
        };
    SourceConnector<String> source = connector(ordered("s", 1000, reader));
    assertEquals("SRrrTrrTrrTrrTrrTC", read(source, INCREMENTAL, null).ok().events("s"));
    ReadSettings env = ReadSettings.from(java.util.Map.of("C8KIT_CHECKPOINT_RECORDS", "3"), 1);
    assertEquals("SRrrrTrrrTrrrTrTC", read(source, INCREMENTAL, null, env).ok().events("s"));
  }

  @Test
  void environmentSettingsAreValidated() {
    assertEquals(new ReadSettings(0, 0, 0, 2), ReadSettings.from(java.util.Map.of(), 2));
    assertEquals(
        new ReadSettings(5, 2, 0, 2),
        ReadSettings.from(
            java.util.Map.of("C8KIT_CHECKPOINT_RECORDS", "5", "C8KIT_CHECKPOINT_SECONDS", " 2 "),
            2));
    assertInstanceOf(
        io.c8kit.ConfigException.class,
        org.junit.jupiter.api.Assertions.assertThrows(
            RuntimeException.class,
            () -> ReadSettings.from(java.util.Map.of("C8KIT_CHECKPOINT_RECORDS", "-1"), 2)));
  }

  @Test
  void checkpointBecomesDueAfterTheTimeInterval() {
    StreamReader<String, Row> slow =
        (config, ctx) -> {
          ctx.emit(new Row(1, 1L, "a"));
          ctx.emit(new Row(2, 2L, "b"));
          Thread.sleep(1100);
          ctx.emit(new Row(3, 3L, "c"));
          ctx.emit(new Row(4, 4L, "d"));
        };
    SourceConnector<String> source =
        connector(
            rows("s")
                .cursor(List.of("seq"), CursorType.LONG, Row::seq)
                .ordered(true)
                .checkpointSeconds(1)
                .reader(slow)
                .build());
    Output out = read(source, INCREMENTAL, null).ok();
    assertEquals("SRrrTrrTC", out.events("s"));
    assertEquals(2L, cursorOf(out.states("s").get(0)));
  }
}
