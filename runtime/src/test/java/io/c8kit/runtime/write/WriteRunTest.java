package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.options;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The write engine fed events directly, as a target other than the Airbyte CLI feeds it: no lines.
 */
class WriteRunTest {
  private final Timeline timeline = new Timeline();

  /**
   * Records what the engine hands back: each committed state (the very object given) as a timeline
   * event.
   */
  private final class Output implements WriteOutput {
    @Override
    public void stateCommitted(Object state, long recordCount) {
      timeline.add("state " + state + " after " + recordCount);
    }

    @Override
    public void log(Level level, String message) {
      timeline.add("log " + level + " " + message);
    }

    @Override
    public void flush() {}
  }

  private WriteRun open(int flushRecords) throws Exception {
    return WriteRun.open(
        connector((c, ctx) -> new RecordingWriter(timeline)),
        null,
        catalog(stream("a", "append"), stream("b", "append")),
        new Output(),
        options(flushRecords, 1 << 30, 3600, 1L << 30));
  }

  private static byte[] data(long i) {
    return ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStateComesBackAsGivenOnceTheRecordsBeforeItAreCommitted() throws Exception {
    WriteRun run = open(2);
    Object token =
        new Object() {
          @Override
          public String toString() {
            return "T";
          }
        };
    run.record(null, "a", data(1), 1L, null, 7, 1);
    run.record(null, "b", data(2), 1L, null, 7, 2);
    run.state(null, "a", token, 3); // a's record is buffered: the state waits
    run.record(
        null, "a", data(3), 1L, null, 7, 4); // a reaches 2 records: committed, but b still holds 2
    run.state(null, null, "G", 5);
    run.finish();
    List<String> events = timeline.writerEvents();
    int state = events.indexOf("state T after 1");
    assertTrue(
        state > events.indexOf("write a [1, 3]") && state > events.indexOf("write b [2]"),
        events.toString());
    // the global state counts every record since the start
    assertTrue(events.indexOf("state G after 3") > state, events.toString());
    assertTrue(
        events.indexOf("complete a") > 0 && events.indexOf("complete b") > 0, events.toString());
    assertEquals("close", events.get(events.size() - 2), events.toString());
    assertTrue(
        events.get(events.size() - 1).startsWith("log INFO write finished:"), events.toString());
  }

  @Test
  void aRecordOfAnUnknownStreamNamesItsPosition() throws Exception {
    WriteRun run = open(10);
    Exception e =
        assertThrows(
            io.c8kit.ConfigException.class,
            () -> run.record(null, "nope", data(1), 1L, null, 7, 42));
    assertTrue(
        e.getMessage().contains("line 42") && e.getMessage().contains("\"nope\""), e.getMessage());
    run.abort(e);
    assertEquals("close", timeline.writerEvents().get(timeline.writerEvents().size() - 1));
  }

  @Test
  void abortCommitsWhatWasReceivedAndCompletesNothing() throws Exception {
    WriteRun run = open(10);
    run.record(null, "a", data(1), 1L, null, 7, 1);
    run.state(null, "a", "S", 2);
    RuntimeException failure = new IllegalStateException("input broke");
    run.abort(failure);
    run.abort(failure); // a second abort does nothing
    List<String> events = timeline.writerEvents();
    assertTrue(
        events.indexOf("state S after 1") > events.indexOf("write a [1]"), events.toString());
    assertTrue(events.stream().noneMatch(e -> e.startsWith("complete")), events.toString());
    assertEquals(1, events.stream().filter("close"::equals).count(), events.toString());
    assertSame(0, failure.getSuppressed().length);
  }
}
