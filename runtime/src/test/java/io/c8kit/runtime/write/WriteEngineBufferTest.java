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

import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Run;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Flush bounds, bounded memory, completion rules and failure handling. */
class WriteEngineBufferTest {
  private static final double NO_AGE = 1e6;

  private static List<String> writes(Timeline t) {
    return t.writerEvents().stream().filter(e -> e.startsWith("write")).toList();
  }

  @Test
  void aStreamFlushesAtItsRecordBound() {
    Timeline timeline = new Timeline();
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      input.add(record("a", i));
    }
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(input.toArray(String[]::new)),
            options(5, 1 << 30, NO_AGE, 1L << 30),
            timeline);
    assertNull(run.failure);
    assertEquals(
        List.of("write a [1, 2, 3, 4, 5]", "write a [6, 7, 8, 9, 10]", "write a [11, 12]"),
        writes(timeline));
    assertEquals(2, run.stats.batches(WriteStats.Reason.RECORDS));
    assertEquals(1, run.stats.batches(WriteStats.Reason.END));
  }

  @Test
  void aStreamFlushesAtItsByteBound() {
    Timeline timeline = new Timeline();
    int lineBytes = record("a", 1).length(); // ids 1..9 have the same length
    long bound = 3L * (lineBytes + StreamBuffer.RECORD_OVERHEAD); // reached by the third record
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      input.add(record("a", i));
    }
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(input.toArray(String[]::new)),
            options(1000, bound, NO_AGE, 1L << 30),
            timeline);
    assertNull(run.failure);
    assertEquals(
        List.of("write a [1, 2, 3]", "write a [4, 5, 6]", "write a [7]"), writes(timeline));
    assertEquals(2, run.stats.batches(WriteStats.Reason.BYTES));
  }

  /** Delivers one line per read and sets the fake clock to that line's time first. */
  private static final class SteppingInput extends InputStream {
    private final List<String> lines;
    private final List<Long> seconds;
    private final AtomicLong clock;
    private int next;

    SteppingInput(AtomicLong clock, List<String> lines, List<Long> seconds) {
      this.clock = clock;
      this.lines = lines;
      this.seconds = seconds;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (next == lines.size()) {
        return -1;
      }
      clock.set(seconds.get(next) * 1_000_000_000L);
      byte[] line = (lines.get(next++) + "\n").getBytes(StandardCharsets.UTF_8);
      System.arraycopy(line, 0, b, off, line.length);
      return line.length;
    }
  }

  @Test
  void aBufferFlushesWhenItsOldestRecordReachesTheAgeBound() {
    AtomicLong clock = new AtomicLong();
    Timeline timeline = new Timeline();
    InputStream input =
        new SteppingInput(
            clock,
            List.of(
                record("a", 1),
                record("a", 2),
                record("b", 3),
                streamState("a", "{\"n\":1}"),
                record("a", 4),
                record("a", 5),
                record("b", 6)),
            List.of(0L, 10L, 30L, 30L, 59L, 61L, 95L));
    WriteOptions opts = options(1000, 1 << 30, 60, 1L << 30).withClock(clock::get);
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append"), stream("b", "append")),
            input,
            opts,
            false,
            timeline);
    assertNull(run.failure);
    List<String> events = timeline.snapshot();
    // at t=61 a's first record (t=0) is 61 s old: a flushes, the state is released; b (t=30) is not
    // due
    // until t=90, so it flushes when the line at t=95 arrives
    assertEquals(
        List.of("write a [1, 2, 4]", "write b [3]", "write a [5]", "write b [6]"),
        writes(timeline));
    int stateAt = WriteEngineStateTest.indexOfPrefix(events, "out {\"type\":\"STATE\"");
    assertTrue(
        stateAt > events.indexOf("write b [3]") && stateAt < events.indexOf("write a [5]"),
        events.toString());
    assertEquals(2, run.stats.batches(WriteStats.Reason.AGE));
  }

  @Test
  void whileStdinIsIdleAgedBuffersFlushAndStatesAreEchoed() throws Exception {
    Timeline timeline = new Timeline();
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(feed, 1 << 16);
    WriteOptions opts = options(1000, 1 << 30, 0.2, 1L << 30);
    CompletableFuture<Run> done =
        CompletableFuture.supplyAsync(
            () ->
                WriteHarness.run(
                    connector((c, ctx) -> new RecordingWriter(timeline)),
                    catalog(stream("a", "append")),
                    input,
                    opts,
                    timeline));
    feed.write(
        lines(record("a", 1), record("a", 2), streamState("a", "{\"n\":2}"))
            .getBytes(StandardCharsets.UTF_8));
    feed.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (timeline.output("STATE").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, timeline.output("STATE").size(), "the state is echoed while stdin stays open");
    assertTrue(timeline.writerEvents().contains("write a [1, 2]"));
    feed.close();
    Run run = done.get(20, TimeUnit.SECONDS);
    assertNull(run.failure);
  }

  @Test
  void memoryStaysWithinTheBudgetWithAThousandInterleavedStreams() {
    int streams = 1000;
    String[] configured = new String[streams];
    for (int s = 0; s < streams; s++) {
      configured[s] = stream("s" + s, "append");
    }
    ConfiguredAirbyteCatalog catalog = catalog(configured);
    long budget = 256 * 1024;
    int perStream = 40;
    StringBuilder input = new StringBuilder();
    long id = 0;
    for (int round = 0; round < perStream; round++) {
      for (int s = 0; s < streams; s++) {
        input.append(record("s" + s, ++id)).append('\n');
        if ((id % 997) == 0) {
          input.append(streamState("s" + s, "{\"r\":" + id + "}")).append('\n');
        }
      }
    }
    Timeline timeline = new Timeline();
    long[] count = new long[1];
    RecordingWriter writer =
        new RecordingWriter(timeline) {
          @Override
          public void write(DestinationStream stream, List<DestinationRecord> batch) {
            count[0] += batch.size();
          }
        };
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog,
            input.toString(),
            options(10_000, 8 << 20, NO_AGE, budget),
            timeline);
    assertNull(run.failure);
    assertEquals(id, count[0]);
    assertTrue(
        run.stats.peakBufferedBytes <= budget,
        "peak " + run.stats.peakBufferedBytes + " > " + budget);
    assertTrue(run.stats.batches(WriteStats.Reason.MEMORY) > 0);
    assertEquals(run.stats.statesReceived, run.states().size());
  }

  @Test
  void theDefaultBudgetHoldsForAHundredMegabytesOfInterleavedInput() throws Exception {
    int streams = 1000;
    String[] configured = new String[streams];
    for (int s = 0; s < streams; s++) {
      configured[s] = stream("s" + s, "append");
    }
    String pad = "x".repeat(1000);
    // generated on the fly: ~100 MB that never exist at once
    InputStream input =
        new InputStream() {
          long n;
          byte[] line = new byte[0];
          int pos;

          private boolean fill() {
            if (pos < line.length) {
              return true;
            }
            if (n == 100_000) {
              return false;
            }
            n++;
            line =
                ("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s"
                        + (n % streams)
                        + "\",\"data\":{\"i\":"
                        + n
                        + ",\"s\":\""
                        + pad
                        + "\"},\"emitted_at\":1}}\n")
                    .getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
          }

          @Override
          public int read() {
            return fill() ? line[pos++] : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int i = 0;
            while (i < len && fill()) {
              int k = Math.min(len - i, line.length - pos);
              System.arraycopy(line, pos, b, off + i, k);
              pos += k;
              i += k;
            }
            return i == 0 ? -1 : i;
          }
        };
    Timeline timeline = new Timeline();
    long[] count = new long[1];
    RecordingWriter writer =
        new RecordingWriter(timeline) {
          @Override
          public void write(DestinationStream stream, List<DestinationRecord> batch) {
            for (DestinationRecord r : batch) {
              count[0] += r.data().size() > 0 ? 1 : 0;
            }
          }
        };
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(configured),
            input,
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    assertEquals(100_000, count[0]);
    assertTrue(
        run.stats.peakBufferedBytes <= WriteOptions.DEFAULT_BUFFER_BYTES,
        "peak " + run.stats.peakBufferedBytes);
  }

  // ------------------------------------------------------------------ completion

  @Test
  void withoutAnyStreamStatusEveryCatalogStreamCompletesAtEof() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append"), stream("empty", "overwrite")),
            lines(record("a", 1)),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    assertEquals(
        List.of("open a", "write a [1]", "complete a", "open empty", "complete empty", "close"),
        timeline.writerEvents());
  }

  @Test
  void withStatusesOnlyStreamsMarkedCompleteAreCompleted() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(
                stream("a", "overwrite"),
                stream("b", "overwrite"),
                stream("c", "overwrite"),
                stream("d", "overwrite")),
            lines(
                status("a", "STARTED"),
                status("b", "STARTED"),
                record("a", 1),
                record("b", 2),
                record("c", 3),
                record("a", 4),
                status("a", "COMPLETE"),
                status("b", "INCOMPLETE"),
                status("d", "COMPLETE"),
                status("a", "COMPLETE")),
            WriteOptions.defaults(),
            timeline);
    // b and c never completed: committed, not completed, and the run fails naming them
    assertInstanceOf(io.c8kit.TransientException.class, run.failure);
    assertTrue(
        run.failure.getMessage().contains("2 streams: \"b\", \"c\"."), run.failure.getMessage());
    List<String> events = timeline.writerEvents();
    assertTrue(events.indexOf("write a [1, 4]") < events.indexOf("complete a"), events.toString());
    assertTrue(
        events.contains("open d") && events.contains("complete d"),
        "an empty completed stream: " + events);
    assertFalse(events.contains("complete b"), events.toString());
    assertFalse(events.contains("complete c"), events.toString());
    assertEquals(
        1, events.stream().filter("complete a"::equals).count(), "a repeated COMPLETE is ignored");
    assertTrue(
        events.contains("write b [2]") && events.contains("write c [3]"),
        "data is still committed");
  }

  @Test
  void aRecordAfterItsStreamCompletedIsFatal() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(record("a", 1), status("a", "COMPLETE"), record("a", 2)),
            WriteOptions.defaults(),
            timeline);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(3, e.lineNumber());
  }

  // ------------------------------------------------------------------ failures

  @Test
  void aFailingWriteStopsTheRunClosesTheWriterAndNoLaterStateIsEchoed() {
    Timeline timeline = new Timeline();
    RecordingWriter writer = new RecordingWriter(timeline);
    writer.failOnWrite = 2;
    writer.failOnClose = true;
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "append")),
            lines(
                record("a", 1),
                streamState("a", "{\"n\":1}"),
                record("a", 2),
                streamState("a", "{\"n\":2}"),
                record("a", 3),
                streamState("a", "{\"n\":3}")),
            options(1, 1 << 30, NO_AGE, 1L << 30),
            timeline);
    assertInstanceOf(java.sql.SQLException.class, run.failure);
    assertEquals("close failed", run.failure.getSuppressed()[0].getMessage());
    List<String> events = timeline.snapshot();
    assertEquals("close", timeline.writerEvents().get(timeline.writerEvents().size() - 1));
    assertEquals(1, run.states().size());
    assertEquals(1, run.states().get(0).at("/state/stream/stream_state/n").asInt());
    assertTrue(
        events.indexOf("fail a")
            > WriteEngineStateTest.indexOfPrefix(events, "out {\"type\":\"STATE\""));
    assertFalse(events.contains("write a [3]"), "nothing is written after the failure");
  }

  @Test
  void brokenInputCommitsAndEchoesWhatCameBeforeItThenFails() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(record("a", 1), streamState("a", "{}"), "{broken"),
            WriteOptions.defaults(),
            timeline);
    assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(List.of("open a", "write a [1]", "close"), timeline.writerEvents());
    assertEquals(1, run.states().size());
  }

  @Test
  void aFailingCompleteFailsTheRun() {
    Timeline timeline = new Timeline();
    RecordingWriter writer =
        new RecordingWriter(timeline) {
          @Override
          public void complete(DestinationStream stream) {
            throw new IllegalStateException("swap failed");
          }
        };
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> writer),
            catalog(stream("a", "overwrite")),
            new ByteArrayInputStream(
                lines(record("a", 1), status("a", "COMPLETE")).getBytes(StandardCharsets.UTF_8)),
            WriteOptions.defaults(),
            timeline);
    assertEquals("swap failed", run.failure.getMessage());
    assertTrue(timeline.writerEvents().contains("close"));
  }
}
