package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.lines;
import static io.c8kit.runtime.write.WriteHarness.options;
import static io.c8kit.runtime.write.WriteHarness.record;
import static io.c8kit.runtime.write.WriteHarness.status;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static io.c8kit.runtime.write.WriteHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.TransientException;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Run;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a failed or unfinished input leaves behind: the records that arrived before a bad line are
 * committed and the states they cover echoed (nothing after it, no stream completed), the failure
 * names the line and the stream with a fitting type; an input with statuses but a stream never
 * COMPLETE fails naming the streams; an input without any message completes nothing.
 */
class WriteEngineFailureTest {
  static final double NO_AGE = 1e9;

  private static List<Long> committed(Timeline timeline) {
    List<Long> ids = new ArrayList<>();
    for (String e : timeline.writerEvents()) {
      if (e.startsWith("write ")) {
        String list = e.substring(e.indexOf('[') + 1, e.indexOf(']'));
        for (String id : list.split(", ")) {
          ids.add(Long.parseLong(id));
        }
      }
    }
    ids.sort(null);
    return ids;
  }

  private static List<String> echoedCursors(Run run) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : run.states()) {
      JsonNode state = s.path("state");
      out.add(
          state.has("global")
              ? "g" + state.at("/global/shared_state/n").asText()
              : state.at("/stream/stream_descriptor/name").asText()
                  + state.at("/stream/stream_state/n").asText());
    }
    return out;
  }

  @Test
  void aRecordAfterCompleteCommitsTheRestAndNamesTheStream() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "overwrite"), stream("b", "append")),
            lines(
                record("a", 1),
                record("b", 2),
                status("a", "COMPLETE"),
                streamState("b", "{\"n\":1}"),
                record("a", 3)),
            WriteOptions.defaults(),
            timeline);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(5, e.lineNumber());
    assertEquals("a", e.stream());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Invalid input on stdin line 5 (stream \"a\"): RECORD after the stream's"
                    + " STREAM_STATUS COMPLETE"),
        e.getMessage());
    assertEquals(List.of(1L, 2L), committed(timeline));
    assertEquals(List.of("b1"), echoedCursors(run));
    assertTrue(
        timeline.writerEvents().contains("complete a"),
        "a completed legitimately before the bad line");
    assertFalse(timeline.writerEvents().contains("complete b"));
  }

  @Test
  void aFailingWriterIsNotAskedToCommitAgain() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    writer.failOnWrite = 1;
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append"), stream("b", "append")),
            lines(record("a", 1), record("b", 2), streamState("a", "{\"n\":1}"), record("a", 3)),
            options(1, 1L << 30, NO_AGE, 1L << 30),
            timeline);
    assertInstanceOf(java.sql.SQLException.class, run.failure);
    assertEquals(List.of("open a", "fail a", "close"), timeline.writerEvents());
    assertEquals(0, run.states().size());
  }

  // ------------------------------------------------------------------ incomplete streams

  @Test
  void statusesWithAStreamNeverCompleteFailAfterCommittingAndNameTheStreams() {
    for (String last : new String[] {"INCOMPLETE", "RUNNING", "STARTED", null}) {
      Timeline timeline = new Timeline();
      List<String> input =
          new ArrayList<>(
              List.of(
                  status("a", "STARTED"),
                  status("b", "STARTED"),
                  record("a", 1),
                  record("b", 2),
                  streamState("b", "{\"n\":1}"),
                  record("b", 3),
                  status("a", "COMPLETE"),
                  streamState("a", "{\"n\":2}")));
      if (last != null) {
        input.add(status("b", last));
      }
      Run run =
          WriteHarness.run(
              connector((c, ctx) -> new RecordingWriter(timeline)),
              catalog(stream("a", "overwrite"), stream("b", "overwrite"), stream("c", "append")),
              lines(input.toArray(new String[0])),
              WriteOptions.defaults(),
              timeline);
      TransientException e =
          assertInstanceOf(TransientException.class, run.failure, String.valueOf(last));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "The input ended without STREAM_STATUS COMPLETE for 2 streams: \"b\", \"c\"."),
          e.getMessage());
      assertTrue(e.getMessage().contains("an overwrite keeps the old table"), e.getMessage());
      assertEquals(List.of(1L, 2L, 3L), committed(timeline));
      assertEquals(List.of("b1", "a2"), echoedCursors(run));
      List<String> events = timeline.writerEvents();
      assertTrue(events.contains("complete a"), events.toString());
      assertFalse(
          events.contains("complete b") || events.contains("complete c"), events.toString());
    }
  }

  @Test
  void everyStreamCompleteIsASuccess() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "overwrite"), stream("b", "append")),
            lines(
                status("a", "STARTED"),
                record("a", 1),
                status("a", "COMPLETE"),
                status("b", "COMPLETE")),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    assertEquals(
        List.of("open a", "write a [1]", "complete a", "open b", "complete b", "close"),
        timeline.writerEvents());
  }

  @Test
  void manyIncompleteStreamsAreListedShortly() {
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      streams.add(stream("s" + i, "append"));
    }
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(streams.toArray(new String[0])),
            lines(status("s0", "COMPLETE")),
            WriteOptions.defaults(),
            timeline);
    String message = run.failure.getMessage();
    assertTrue(
        message.contains("29 streams: \"s1\", \"s2\"") && message.contains("and 9 more"), message);
  }

  // ------------------------------------------------------------------ empty input

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n",
        "\n\n  \r\n",
        "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"starting\"}}\n",
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"source died\"}}}\n"
      })
  void anInputWithoutAnyMessageCompletesNothingAndFails(String input) {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "overwrite"), stream("b", "append")),
            input,
            WriteOptions.defaults(),
            timeline);
    TransientException e = assertInstanceOf(TransientException.class, run.failure);
    assertTrue(
        e.getMessage().startsWith("The input held no RECORD, STATE or STREAM_STATUS message"),
        e.getMessage());
    assertTrue(e.getMessage().contains("no stream was completed"), e.getMessage());
    assertEquals(List.of("close"), timeline.writerEvents());
  }

  @Test
  void anEmptyCatalogWithAnEmptyInputIsNothingToDo() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(),
            "",
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
  }

  @Test
  void aStateAloneStillCompletesEveryStreamWithoutStatuses() {
    // an incremental sync with nothing new: the legacy (no status) semantics hold
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(streamState("a", "{\"n\":1}")),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    assertEquals(List.of("open a", "complete a", "close"), timeline.writerEvents());
    assertEquals(List.of("a1"), echoedCursors(run));
  }
}
