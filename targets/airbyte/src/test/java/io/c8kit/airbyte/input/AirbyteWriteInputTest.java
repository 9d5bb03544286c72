package io.c8kit.airbyte.input;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.globalState;
import static io.c8kit.runtime.write.WriteHarness.lines;
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
import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.runtime.write.WriteHarness;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Run;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import io.c8kit.runtime.write.WriteInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Airbyte {@code write} stdin, read by {@link AirbyteWrite#feed} into the engine: line
 * splitting and numbering, ignored message types, and fatal input (every bad line commits what came
 * before it, echoes its states and fails naming the line, quoting at most 200 characters).
 */
class AirbyteWriteInputTest {

  /** Bad lines of every kind, with the failure type and the text the failure must carry. */
  static final String[] BAD_LINES = {
    "{broken|transient|malformed JSON",
    "[1,2]|transient|not a JSON object",
    "{\"type\":\"RECORD\",\"record\":{\"stream\":\"b\",\"data\":[1],\"emitted_at\":1}}|transient|(stream \"b\"): malformed RECORD",
    "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{}}}|transient|(stream \"a\"): malformed RECORD",
    "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}} tail|transient|(stream \"a\"): malformed JSON",
    "{\"record\":{\"stream\":\"a\",\"data\":{},\"emitted_at\":1}}|transient|message has no \"type\"",
    "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\"}}|transient|malformed STATE",
    "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\"}}|transient|malformed STATE",
    "{\"type\":\"RECORD\",\"record\":{\"stream\":\"ghost\",\"data\":{},\"emitted_at\":1}}|config|(stream \"ghost\"): RECORD for stream \"ghost\", which is not in the configured catalog",
    "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"x\",\"stream\":\"a\",\"data\":{},\"emitted_at\":1}}|config|(stream \"x.a\")",
  };

  private static InputStream in(String input) {
    return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
  }

  private static Run run(String input) {
    Timeline timeline = new Timeline();
    return WriteHarness.run(
        connector((c, ctx) -> new RecordingWriter(timeline)),
        catalog(stream("a", "append")),
        in(input),
        1000,
        true,
        timeline,
        AirbyteWrite::feed);
  }

  static List<Long> committed(Timeline timeline) {
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

  static List<String> echoedCursors(Run run) {
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
  void logTraceControlAndUnknownTypesAreIgnored() {
    String input =
        lines(
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hello\"}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"x\"}}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1,\"estimate\":{\"name\":\"a\",\"type\":\"STREAM\"}}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"SOMETHING_NEW\",\"emitted_at\":1}}",
            "{\"type\":\"TRACE\",\"trace\":\"not even an object\"}",
            "{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":1,\"connectorConfig\":{\"config\":{}}}}",
            "{\"type\":\"SPEC\",\"spec\":{}}",
            "{\"type\":\"BRAND_NEW_TYPE\",\"brand_new_type\":{\"a\":[1,2,3]}}",
            "{\"no_type\":true}",
            "",
            "   \t ",
            record("a", 1),
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"bye\"},\"record\":{\"stream\":\"zzz\"}}",
            streamState("a", "{\"c\":1}"));
    Run run = run(input);
    assertNull(run.failure);
    assertEquals(1, committed(run.timeline).size());
    assertEquals(1, run.states().size());
    assertTrue(run.timeline.writerEvents().contains("write a [1]"));
    // none of the ignored lines came back out: only the state and the summary LOG
    assertEquals(0, run.output("TRACE").size());
  }

  @Test
  void linesMaySeparateWithCrOrCrLf() {
    String input =
        record("a", 1)
            + "\r"
            + record("a", 2)
            + "\r\n"
            + record("a", 3)
            + "\n\r\n"
            + streamState("a", "{\"c\":3}")
            + "\r"
            + record("a", 4);
    Run run = run(input);
    assertNull(run.failure);
    assertEquals(4, committed(run.timeline).size());
    assertEquals(1, run.states().size());
  }

  @Test
  void lineNumbersCountCrLfOnceAndBareCrAsABreak() {
    // line 1 \r\n line 2 \r line 3 \n line 4 (broken)
    String input =
        record("a", 1) + "\r\n" + record("a", 2) + "\r" + "\r\n" + "{\"type\":\"RECORD\",";
    Run run = run(input);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(4, e.lineNumber());
    assertTrue(
        e.getMessage().startsWith("Invalid input on stdin line 4: malformed JSON"), e.getMessage());
  }

  @Test
  void aLineSplitAcrossReadsIsReassembled() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      big.append("0123456789abcdef");
    }
    String line =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1,\"s\":\""
            + big
            + "\"},\"emitted_at\":1}}";
    Timeline timeline = new Timeline();
    List<String> seen = new ArrayList<>();
    RecordingWriter writer =
        new RecordingWriter(timeline) {
          @Override
          public void write(
              DestinationStream stream, List<io.c8kit.destination.DestinationRecord> batch)
              throws Exception {
            batch.forEach(r -> seen.add(r.data().path("s").asText()));
            super.write(stream, batch);
          }
        };
    for (boolean thread : new boolean[] {true, false}) {
      seen.clear();
      Run run =
          WriteHarness.run(
              connector((c, ctx) -> writer),
              catalog(stream("a", "append")),
              in(lines(line, line, line)),
              1000,
              thread,
              timeline,
              AirbyteWrite::feed);
      assertNull(run.failure);
      assertEquals(List.of(big.toString(), big.toString(), big.toString()), seen);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}} trailing",
        "not json at all",
        "[1,2,3]",
        "{\"type\":\"LOG\",\"log\":{\"message\":\"unterminated}}"
      })
  void malformedJsonIsFatalAndNamesTheLine(String bad) {
    Run run = run(lines(record("a", 1), streamState("a", "{}"), bad, record("a", 2)));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().startsWith("Invalid input on stdin line 3"), e.getMessage());
  }

  @Test
  void errorMessagesQuoteAtMost200CharactersOfTheLine() {
    String secret = "SECRET-AT-THE-END";
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      filler.append("x");
    }
    String bad =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":[\""
            + filler
            + secret
            + "\"],\"emitted_at\":1}}";
    Run run = run(lines(bad));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertTrue(
        e.getMessage().contains("\"data\" must be a JSON object, got an array"), e.getMessage());
    assertTrue(e.getMessage().contains("records are never skipped"), e.getMessage());
    assertFalse(e.getMessage().contains(secret));
    assertTrue(e.getMessage().length() < 500, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"RECORD\",\"record\":{\"data\":{\"i\":1},\"emitted_at\":1}}|RECORD has no \"stream\"",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"emitted_at\":1}}|RECORD has no \"data\" object",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{}}}|RECORD has no \"emitted_at\"",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":\"x\",\"emitted_at\":1}}|\"data\" must be a JSON object, got a string",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":7,\"data\":{},\"emitted_at\":1}}|\"stream\" must be a string",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{},\"emitted_at\":\"now\"}}|\"emitted_at\" must be a number",
        "{\"type\":\"RECORD\"}|RECORD message has no \"record\" object",
        "{\"record\":{\"stream\":\"a\",\"data\":{},\"emitted_at\":1}}|message has no \"type\""
      })
  void malformedRecordsAreFatal(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    Run run = run(lines(record("a", 1), parts[0]));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"STATE\"}|STATE message has no \"state\" object",
        "{\"type\":\"STATE\",\"state\":\"x\"}|\"state\" must be an object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\"}}|STREAM state has no \"stream\" object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_state\":{}}}}|stream_descriptor.name",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\"}}|GLOBAL state has no \"global\" object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"BOGUS\"}}|malformed STATE",
        "{\"type\":\"STATE\",\"state\":{\"sourceStats\":\"many\"}}|malformed STATE"
      })
  void malformedStatesAreFatal(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            in(lines(record("a", 1), streamState("a", "{}"), parts[0])),
            1000,
            true,
            timeline,
            AirbyteWrite::feed);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    // what came before the bad line is committed and its state echoed, then the run fails
    assertEquals(List.of("open a", "write a [1]", "close"), timeline.writerEvents());
    assertEquals(1, run.states().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 1000})
  void everyBadLineCommitsWhatCameBeforeEchoesItsStatesAndFailsNamingTheLine(int flushRecords) {
    for (String spec : BAD_LINES) {
      String[] parts = spec.split("\\|");
      Timeline timeline = new Timeline();
      String input =
          lines(
              status("a", "STARTED"),
              record("a", 1),
              record("b", 2),
              streamState("a", "{\"n\":1}"),
              record("a", 3),
              globalState("{\"n\":2}"),
              record("b", 4),
              streamState("b", "{\"n\":3}"),
              record("a", 5),
              parts[0],
              record("a", 6),
              streamState("a", "{\"n\":4}"),
              status("a", "COMPLETE"));
      Run run =
          WriteHarness.run(
              connector((c, ctx) -> new RecordingWriter(timeline)),
              catalog(stream("a", "overwrite"), stream("b", "append")),
              in(input),
              flushRecords,
              true,
              timeline,
              AirbyteWrite::feed);
      String label = spec + " flushRecords=" + flushRecords;
      Class<? extends Exception> expected =
          parts[1].equals("config") ? ConfigException.class : TransientException.class;
      assertInstanceOf(expected, run.failure, label);
      String message = run.failure.getMessage();
      assertTrue(message.startsWith("Invalid input on stdin line 10"), label + ": " + message);
      assertTrue(message.contains(parts[2]), label + ": " + message);
      assertEquals(
          List.of(1L, 2L, 3L, 4L, 5L),
          committed(timeline),
          label + ": every record before the bad line");
      assertEquals(
          List.of("a1", "g2", "b3"),
          echoedCursors(run),
          label + ": every state before the bad line");
      assertFalse(timeline.writerEvents().stream().anyMatch(e -> e.startsWith("complete")), label);
      assertEquals("close", timeline.writerEvents().get(timeline.writerEvents().size() - 1), label);
    }
  }

  @Test
  void anUnreadableStdinCommitsWhatWasReadThenFails() throws Exception {
    Timeline timeline = new Timeline();
    InputStream good =
        new ByteArrayInputStream(
            lines(record("a", 1), streamState("a", "{\"n\":1}"), record("a", 2))
                .getBytes(StandardCharsets.UTF_8));
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("pipe broken");
          }
        };

    for (boolean thread : new boolean[] {true, false}) {
      timeline.events.clear();
      good.reset();
      Run run =
          WriteHarness.run(
              connector((c, ctx) -> new RecordingWriter(timeline)),
              catalog(stream("a", "overwrite")),
              new SequenceInputStream(good, broken),
              1000,
              thread,
              timeline,
              AirbyteWrite::feed);
      assertTrue(
          run.failure != null && String.valueOf(run.failure).contains("pipe broken")
              || run.failure != null
                  && run.failure.getCause() != null
                  && run.failure.getCause().getMessage().contains("pipe broken"),
          String.valueOf(run.failure));
      assertEquals(List.of("open a", "write a [1, 2]", "close"), timeline.writerEvents());
      assertEquals(List.of("a1"), echoedCursors(run));
    }
  }
}
