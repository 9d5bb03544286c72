package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.options;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * A writer that allows concurrency gets different streams' batches at the same time, while each
 * stream's calls stay in order and never overlap, states wait for the batches under way, the memory
 * budget holds, and a failing call stops the run with the writer closed after the calls under way.
 */
class WriteEngineConcurrencyTest {
  private static final long WAIT_SECONDS = 20;
  private final Timeline timeline = new Timeline();

  /** Echoed states and engine logs as timeline events. */
  private final class Output implements WriteOutput {
    @Override
    public void stateCommitted(Object state, long recordCount) {
      timeline.add("state " + state);
    }

    @Override
    public void log(Level level, String message) {
      timeline.add("log " + message);
    }

    @Override
    public void flush() {}
  }

  /**
   * Records calls like {@link RecordingWriter}, allows {@code threads} streams at once, and checks
   * that no two calls of one stream overlap; {@link #beforeWrite} lets a test hold a call.
   */
  private static class ConcurrentWriter extends RecordingWriter {
    final int threads;
    final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    final List<String> overlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> callThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    ConcurrentWriter(Timeline timeline, int threads) {
      super(timeline);
      this.threads = threads;
    }

    @Override
    public int concurrency() {
      return threads;
    }

    void beforeWrite(DestinationStream stream, List<DestinationRecord> batch) throws Exception {}

    private void enter(String stream) {
      callThreads.add(Thread.currentThread().getName());
      if (active.computeIfAbsent(stream, s -> new AtomicInteger()).incrementAndGet() > 1) {
        overlaps.add(stream);
      }
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    private void leave(String stream) {
      running.decrementAndGet();
      active.get(stream).decrementAndGet();
    }

    @Override
    public void open(DestinationStream stream) {
      enter(stream.name());
      try {
        super.open(stream);
      } finally {
        leave(stream.name());
      }
    }

    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) throws Exception {
      enter(stream.name());
      try {
        beforeWrite(stream, batch);
        super.write(stream, batch);
      } finally {
        leave(stream.name());
      }
    }

    @Override
    public void complete(DestinationStream stream) {
      enter(stream.name());
      try {
        super.complete(stream);
      } finally {
        leave(stream.name());
      }
    }
  }

  private WriteRun open(ConcurrentWriter writer, WriteOptions options, String... streams)
      throws Exception {
    List<String> configured = new ArrayList<>();
    for (String s : streams) {
      configured.add(stream(s, "append"));
    }
    return WriteRun.open(
        connector((c, ctx) -> writer),
        null,
        catalog(configured.toArray(String[]::new)),
        new Output(),
        // the operator's setting, so that the pool has these threads whatever the processors
        options.withConcurrency(writer.threads));
  }

  private static byte[] data(long i) {
    return ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError(what);
    }
  }

  @Test
  void batchesOfDifferentStreamsAreWrittenAtOnceAndStatesWaitForTheirOwn() throws Exception {
    CountDownLatch aStarted = new CountDownLatch(1);
    CountDownLatch bWritten = new CountDownLatch(1);
    ConcurrentWriter writer =
        new ConcurrentWriter(timeline, 2) {
          @Override
          void beforeWrite(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            if (stream.name().equals("a")) {
              aStarted.countDown();
              // Sequential writes would wait here forever: b's batch comes after a's.
              await(bWritten, "b's batch was not written while a's write was under way");
            } else {
              await(aStarted, "a's write never started"); // so that the two calls overlap
            }
          }

          @Override
          public void write(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            super.write(stream, batch);
            if (stream.name().equals("b")) {
              bWritten.countDown();
            }
          }
        };
    WriteRun run = open(writer, options(2, 1 << 30, 3600, 1L << 30), "a", "b");
    run.record(null, "a", data(1), 1L, null, 7, 1);
    run.record(null, "a", data(2), 1L, null, 7, 2); // a's batch: held until b's is written
    run.state(null, "a", "A", 3);
    run.record(null, "b", data(3), 1L, null, 7, 4);
    run.record(null, "b", data(4), 1L, null, 7, 5); // b's batch: written meanwhile
    run.state(null, "b", "B", 6);
    run.finish();

    List<String> events = timeline.writerEvents();
    int writeA = events.indexOf("write a [1, 2]");
    int writeB = events.indexOf("write b [3, 4]");
    assertTrue(writeB >= 0 && writeA > writeB, events.toString());
    // B's records were committed first, but A arrived first and is echoed first, after a's batch.
    assertTrue(events.indexOf("state A") > writeA, events.toString());
    assertTrue(events.indexOf("state B") > events.indexOf("state A"), events.toString());
    assertEquals(2, writer.mostRunning.get(), "calls under way at once");
    assertTrue(writer.overlaps.isEmpty(), "overlapping calls of one stream: " + writer.overlaps);
    assertTrue(
        writer.callThreads.stream().allMatch(t -> t.startsWith("c8kit-write-")),
        writer.callThreads.toString());
    assertEquals("close", events.get(events.size() - 2), events.toString());
  }

  @Test
  void oneStreamsCallsKeepTheirOrderAndNeverOverlap() throws Exception {
    ConcurrentWriter writer =
        new ConcurrentWriter(timeline, 4) {
          @Override
          void beforeWrite(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            Thread.sleep(2); // long enough for the input thread to queue the stream's next batches
          }
        };
    WriteRun run = open(writer, options(3, 1 << 30, 3600, 1L << 30), "a", "b", "c");
    long position = 0;
    for (int i = 1; i <= 300; i++) {
      String s = i % 5 == 0 ? "b" : i % 7 == 0 ? "c" : "a";
      run.record(null, s, data(i), 1L, null, 7, ++position);
      if (i % 50 == 0) {
        run.state(null, null, "G" + i, ++position);
      }
    }
    run.finish();

    assertTrue(writer.overlaps.isEmpty(), "overlapping calls of one stream: " + writer.overlaps);
    List<String> events = timeline.writerEvents();
    for (String s : List.of("a", "b", "c")) {
      long last = 0;
      int lastWrite = -1;
      for (int k = 0; k < events.size(); k++) {
        String e = events.get(k);
        if (e.startsWith("write " + s + " ")) {
          for (String id : e.substring(e.indexOf('[') + 1, e.indexOf(']')).split(", ")) {
            long n = Long.parseLong(id);
            assertTrue(n > last, s + "'s records out of order: " + events);
            last = n;
          }
          lastWrite = k;
        }
      }
      assertTrue(events.indexOf("complete " + s) > lastWrite, events.toString());
      assertTrue(events.indexOf("open " + s) < events.indexOf("complete " + s), events.toString());
    }
    assertEquals(300, writer.committed.size());
    List<String> states = events.stream().filter(e -> e.startsWith("state ")).toList();
    assertEquals(
        List.of("state G50", "state G100", "state G150", "state G200", "state G250", "state G300"),
        states);
    assertEquals("close", events.get(events.size() - 2), events.toString());
  }

  @Test
  void batchesUnderWayCountAgainstTheMemoryBudget() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ConcurrentWriter writer =
        new ConcurrentWriter(timeline, 2) {
          @Override
          void beforeWrite(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            await(release, "never released");
          }
        };
    long perRecord = 7 + StreamBuffer.RECORD_OVERHEAD;
    long budget = 10 * perRecord;
    WriteRun run = open(writer, options(4, 1 << 30, 3600, budget), "a", "b");
    Thread input =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= 40; i++) {
                  run.record(null, i % 2 == 0 ? "a" : "b", data(i), 1L, null, 7, i);
                }
                run.finish();
              } catch (Exception e) {
                timeline.add("failed " + e);
              }
            });
    input.start();
    // Held writes: the input thread must stop at the budget instead of buffering all 40 records.
    Thread.sleep(300);
    assertTrue(input.isAlive(), "the input did not wait for the batches under way");
    assertTrue(writer.committed.isEmpty());
    release.countDown();
    input.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertFalse(input.isAlive());
    assertEquals(40, writer.committed.size(), timeline.writerEvents().toString());
    assertTrue(
        run.stats().peakBufferedBytes <= budget,
        "peak " + run.stats().peakBufferedBytes + " > budget " + budget);
  }

  @Test
  void aFailingCallStopsTheRunAndTheWriterClosesAfterTheCallsUnderWay() throws Exception {
    CountDownLatch aFailed = new CountDownLatch(1);
    CountDownLatch bStarted = new CountDownLatch(1);
    ConcurrentWriter writer =
        new ConcurrentWriter(timeline, 2) {
          @Override
          void beforeWrite(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            if (stream.name().equals("a")) {
              await(bStarted, "b's first write never started");
              aFailed.countDown();
              throw new java.sql.SQLException("disk full");
            }
            if (batch.get(0).data().path("i").asLong() == 1) {
              // b's first call is still running when a's failure reaches the input thread
              bStarted.countDown();
              await(aFailed, "a never failed");
              Thread.sleep(200);
            }
          }
        };
    WriteRun run = open(writer, options(1, 1 << 30, 3600, 1L << 30), "a", "b");
    Exception failure =
        assertThrows(
            java.sql.SQLException.class,
            () -> {
              // a's failure may reach the input thread at any of these calls
              run.record(null, "b", data(1), 1L, null, 7, 1);
              run.record(null, "a", data(2), 1L, null, 7, 2);
              run.state(null, null, "G", 3);
              for (int i = 3; i < 1_000_000; i++) {
                run.record(null, "b", data(i), 1L, null, 7, i + 1);
              }
              run.finish();
            });
    assertEquals("disk full", failure.getMessage());
    run.abort(failure);
    List<String> events = timeline.writerEvents();
    assertEquals("close", events.get(events.size() - 1), events.toString());
    assertTrue(events.contains("write b [1]"), events.toString());
    assertFalse(events.contains("state G"), "a state echoed after its batch failed: " + events);
    assertTrue(events.stream().noneMatch(e -> e.startsWith("complete")), events.toString());
    assertSame(0, failure.getSuppressed().length);
  }

  @Test
  void anInterruptedRunInterruptsTheCallsUnderWayAndClosesTheWriter() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    ConcurrentWriter writer =
        new ConcurrentWriter(timeline, 2) {
          @Override
          void beforeWrite(DestinationStream stream, List<DestinationRecord> batch)
              throws Exception {
            writing.countDown();
            try {
              never.await(); // a call that hangs until it is interrupted
            } catch (InterruptedException e) {
              seen.add("interrupted");
              throw e;
            }
          }
        };
    WriteRun run = open(writer, options(1, 1 << 30, 3600, 1L << 30), "a", "b");
    List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread input =
        new Thread(
            () -> {
              try {
                run.record(null, "a", data(1), 1L, null, 7, 1);
                run.finish(); // waits for a's hanging call
              } catch (Exception e) {
                thrown.add(e);
                run.abort(e);
              }
            });
    input.start();
    await(writing, "a's write never started");
    input.interrupt();
    input.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertFalse(input.isAlive(), "the interrupted run did not stop");
    assertEquals(1, thrown.size());
    assertTrue(thrown.get(0) instanceof InterruptedException, thrown.toString());
    assertEquals(List.of("interrupted"), seen);
    List<String> events = timeline.writerEvents();
    assertEquals("close", events.get(events.size() - 1), events.toString());
  }

  @Test
  void theProcessorsBoundTheDefaultAndTheWriterBoundsTheOperator() {
    Properties none = new Properties();
    WriteOptions unset = WriteOptions.from(none, Map.of());
    assertEquals(4, unset.threads(4, 10, 8));
    assertEquals(2, unset.threads(4, 10, 2), "by default no more threads than processors");
    assertEquals(3, unset.threads(4, 3, 8), "never more threads than streams");
    assertEquals(1, unset.threads(1, 10, 8));
    WriteOptions two = WriteOptions.from(none, Map.of(WriteOptions.CONCURRENCY, "2"));
    assertEquals(2, two.threads(4, 10, 8));
    assertEquals(1, two.threads(1, 10, 8), "the operator cannot raise a writer's limit");
    WriteOptions eight = WriteOptions.from(none, Map.of(WriteOptions.CONCURRENCY, "8"));
    assertEquals(4, eight.threads(4, 10, 2), "the operator may go past the processors");
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () -> WriteOptions.from(none, Map.of(WriteOptions.CONCURRENCY, "0")));
    assertTrue(bad.getMessage().contains("C8KIT_WRITE_CONCURRENCY"), bad.getMessage());
  }

  @Test
  void aWriterWithoutConcurrencyIsCalledOnTheInputThread() throws Exception {
    ConcurrentWriter writer = new ConcurrentWriter(timeline, 1);
    WriteRun run = open(writer, options(1, 1 << 30, 3600, 1L << 30), "a", "b");
    run.record(null, "a", data(1), 1L, null, 7, 1);
    run.record(null, "b", data(2), 1L, null, 7, 2);
    run.finish();
    String input = Thread.currentThread().getName();
    assertTrue(writer.callThreads.stream().allMatch(input::equals), writer.callThreads.toString());
    assertEquals(2, writer.committed.size());
  }
}
