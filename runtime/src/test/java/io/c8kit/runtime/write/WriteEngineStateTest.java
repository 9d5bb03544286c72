package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.globalState;
import static io.c8kit.runtime.write.WriteHarness.lines;
import static io.c8kit.runtime.write.WriteHarness.options;
import static io.c8kit.runtime.write.WriteHarness.parse;
import static io.c8kit.runtime.write.WriteHarness.record;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static io.c8kit.runtime.write.WriteHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Run;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** STATE echo: order, timing relative to commits, recordCount, unknown fields. */
class WriteEngineStateTest {
  private static final Pattern WRITE = Pattern.compile("write (\\S+) \\[(.*)]");

  /**
   * Random interleavings of 5 streams and STREAM states under different flush bounds. Each state
   * carries {@code after}: the last record id before it. Replaying the timeline checks that when a
   * state appears on stdout every record up to {@code after} had been committed by a write call.
   */
  @ParameterizedTest(name = "seed {0}, flush at {1} records, budget {2} bytes, {3} pending states")
  @CsvSource({
    "1, 1, 67108864, 1000",
    "2, 3, 67108864, 1000",
    "3, 50, 67108864, 1000",
    "4, 10000, 67108864, 1000",
    "5, 10000, 4096, 1000",
    "6, 10000, 67108864, 4",
    "7, 7, 2048, 3"
  })
  void streamStatesEchoAfterTheirRecordsAreCommitted(
      long seed, int flushRecords, long budget, int maxPending) {
    Random random = new Random(seed);
    String[] names = {"a", "b", "c", "d", "e"};
    List<String> input = new ArrayList<>();
    Map<String, Long> sinceState = new HashMap<>();
    List<Long> expectedCounts = new ArrayList<>();
    long id = 0;
    int stateSeq = 0;
    for (int n = 0; n < 2000; n++) {
      String s = names[random.nextInt(names.length)];
      if (random.nextInt(5) == 0) {
        input.add(streamState(s, "{\"after\":" + id + ",\"seq\":" + stateSeq++ + "}"));
        expectedCounts.add(sinceState.getOrDefault(s, 0L));
        sinceState.put(s, 0L);
      } else {
        input.add(record(s, ++id));
        sinceState.merge(s, 1L, Long::sum);
      }
    }
    ConfiguredAirbyteCatalog catalog =
        catalog(
            stream("a", "append"),
            stream("b", "append"),
            stream("c", "append"),
            stream("d", "append"),
            stream("e", "append"));
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    WriteOptions opts = options(flushRecords, 8 << 20, 60, budget).withMaxPendingStates(maxPending);
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog,
            String.join("\n", input) + "\n",
            opts,
            timeline);
    assertNull(run.failure);

    Set<Long> committed = new HashSet<>();
    int echoed = 0;
    for (String event : timeline.snapshot()) {
      Matcher m = WRITE.matcher(event);
      if (m.matches()) {
        for (String v : m.group(2).split(", ")) {
          assertTrue(committed.add(Long.parseLong(v)), "committed twice: " + v);
        }
      } else if (event.startsWith("out ")) {
        JsonNode msg = parse(event.substring(4));
        if (!msg.path("type").asText().equals("STATE")) {
          continue;
        }
        JsonNode stateBody = msg.path("state").path("stream").path("stream_state");
        assertEquals(echoed, stateBody.path("seq").asInt(), "states echoed in arrival order");
        long after = stateBody.path("after").asLong();
        for (long r = 1; r <= after; r++) {
          assertTrue(
              committed.contains(r),
              "state " + echoed + " echoed before record " + r + " was committed");
        }
        assertEquals(
            (double) expectedCounts.get(echoed),
            msg.path("state").path("destinationStats").path("recordCount").asDouble(),
            "recordCount of state " + echoed);
        echoed++;
      }
    }
    assertEquals(stateSeq, echoed, "every state echoed");
    assertEquals(id, committed.size(), "every record committed once");
    assertTrue(
        run.stats.peakBufferedBytes <= Math.max(budget, 300),
        "peak " + run.stats.peakBufferedBytes);
  }

  @Test
  void recordsOfEachStreamArriveInOrder() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      input.add(record(i % 2 == 0 ? "a" : "b", i));
    }
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append"), stream("b", "append")),
            String.join("\n", input),
            options(7, 1 << 20, 60, 1 << 20),
            timeline);
    assertNull(run.failure);
    Map<String, List<Long>> perStream = new HashMap<>();
    for (String e : timeline.writerEvents()) {
      Matcher m = WRITE.matcher(e);
      if (m.matches()) {
        for (String v : m.group(2).split(", ")) {
          perStream.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(v));
        }
      }
    }
    List<Long> evens = new ArrayList<>();
    List<Long> odds = new ArrayList<>();
    for (long i = 1; i <= 100; i++) {
      (i % 2 == 0 ? evens : odds).add(i);
    }
    assertEquals(evens, perStream.get("a"));
    assertEquals(odds, perStream.get("b"));
  }

  @Test
  void globalAndLegacyStatesCountAllRecordsSinceThePreviousState() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    String input =
        lines(
            record("a", 1),
            record("b", 2),
            globalState("{\"p\":1}"),
            record("a", 3),
            globalState("{\"p\":2}"),
            globalState("{\"p\":3}"),
            record("b", 4),
            record("b", 5),
            record("a", 6),
            "{\"type\":\"STATE\",\"state\":{\"data\":{\"legacy\":true}}}");
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append"), stream("b", "append")),
            input,
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    List<JsonNode> states = run.states();
    assertEquals(4, states.size());
    double[] expected = {2, 1, 0, 3};
    for (int i = 0; i < 4; i++) {
      assertEquals(
          expected[i],
          states.get(i).path("state").path("destinationStats").path("recordCount").asDouble());
    }
    assertEquals(
        1, states.get(0).path("state").path("global").path("shared_state").path("p").asInt());
    assertTrue(states.get(3).path("state").path("data").path("legacy").asBoolean());
  }

  @Test
  void statesAreEchoedUnchangedWithUnknownFieldsPreserved() {
    String state =
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"a\",\"namespace\":null,\"extra\":[1,{\"x\":null}]},\"stream_state\":{\"cursor\":\"2024-01-01\","
            + "\"nested\":{\"n\":1.50,\"h\":100.0,\"big\":123456789012345678901234567890,\"null\":null,\"u\":\"\\u2028é😀\"}}},"
            + "\"sourceStats\":{\"recordCount\":2.0,\"future\":\"x\"},\"id\":4711,\"unknownTop\":{\"k\":[true]}},"
            + "\"envelopeExtra\":\"kept\"}";
    String reset =
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"a\"},\"stream_state\":null},\"id\":4712}}";
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append")),
            lines(record("a", 1), record("a", 2), state, reset),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    List<JsonNode> states = run.states();
    assertEquals(2, states.size());

    ObjectNode expected = (ObjectNode) parse(state);
    ((ObjectNode) expected.get("state")).set("destinationStats", parse("{\"recordCount\":2.0}"));
    // everything as it came, the explicit "namespace": null included
    assertEquals(expected, states.get(0));

    ObjectNode expectedReset = (ObjectNode) parse(reset);
    ((ObjectNode) expectedReset.get("state"))
        .set("destinationStats", parse("{\"recordCount\":0.0}"));
    assertEquals(expectedReset, states.get(1));
    assertTrue(
        states.get(1).at("/state/stream").has("stream_state"),
        "a null stream_state (reset) is kept");
    String raw =
        timeline.snapshot().stream().filter(e -> e.contains("4711")).findFirst().orElseThrow();
    assertTrue(
        raw.contains("\"n\":1.50,\"h\":100.0,\"big\":123456789012345678901234567890"),
        "numbers are echoed as written: " + raw);
    assertTrue(
        raw.contains("{\"name\":\"a\",\"namespace\":null,\"extra\":[1,{\"x\":null}]}"),
        "the descriptor is echoed as it came: " + raw);
    assertTrue(raw.contains("\"destinationStats\":{\"recordCount\":2.0}"), raw);
  }

  @Test
  void aStateAfterRecordsWaitsForTheirCommitEvenWithoutFurtherInput() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append")),
            lines(record("a", 1), streamState("a", "{\"x\":1}"), record("a", 2)),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    List<String> events = timeline.snapshot();
    int write = indexOf(events, "write a [1, 2]");
    int state = indexOfPrefix(events, "out {\"type\":\"STATE\"");
    assertTrue(write >= 0 && state > write, events.toString());
  }

  @Test
  void statesOfStreamsWithoutBufferedRecordsAreEchoedAtOnce() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append")),
            lines(streamState("a", "{\"x\":1}"), record("a", 1)),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    List<String> events = timeline.snapshot();
    assertTrue(
        indexOfPrefix(events, "out {\"type\":\"STATE\"") < indexOf(events, "write a [1]"),
        events.toString());
  }

  static int indexOf(List<String> events, String event) {
    return events.indexOf(event);
  }

  static int indexOfPrefix(List<String> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
