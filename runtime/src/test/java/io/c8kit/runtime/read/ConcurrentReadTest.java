package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.count;
import static io.c8kit.runtime.read.ReadHarness.definition;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.rowsWithSeq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.SourceDefinition;
import io.c8kit.runtime.StreamDefinition;
import io.c8kit.runtime.StreamReader;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Streams read at the same time: per-stream order, states after their records, statuses, failures,
 * limits.
 */
class ConcurrentReadTest {
  private static final List<Row> FIVE = rowsWithSeq(1L, 2L, 3L, 4L, 5L);

  /**
   * Emits two rows, waits until {@code started} reaches zero (every stream is running), emits the
   * rest.
   */
  private static StreamReader<String, Row> meetThenEmit(CountDownLatch started) {
    return (config, ctx) -> {
      started.countDown();
      ctx.emit(FIVE.get(0));
      ctx.emit(FIVE.get(1));
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other streams never started: not read concurrently");
      }
      FIVE.subList(2, FIVE.size()).forEach(ctx::emit);
    };
  }

  private static SourceConnector<String> source(
      int concurrency, List<StreamDefinition<String, Row>> streams) {
    return source(concurrency, false, streams);
  }

  private static SourceConnector<String> source(
      int concurrency, boolean ioBound, List<StreamDefinition<String, Row>> streams) {
    SourceDefinition.Builder<String> b = definition().concurrency(concurrency);
    if (ioBound) {
      b.ioBound();
    }
    streams.forEach(b::stream);
    return ReadHarness.connector(b.build());
  }

  private static ConfiguredAirbyteCatalog incremental(String... names) {
    return catalog(
        java.util.Arrays.stream(names)
            .map(n -> configured(n, SyncMode.INCREMENTAL))
            .toArray(io.c8kit.protocol.ConfiguredAirbyteStream[]::new));
  }

  private static Output read(
      SourceConnector<String> source,
      ConfiguredAirbyteCatalog catalog,
      int sinkLimit,
      ReadSettings settings) {
    MessageSink sink = new MessageSink();
    sink.maxConcurrency = sinkLimit;
    return ReadHarness.read(source, catalog, null, settings, null, sink);
  }

  @Test
  void streamsRunAtTheSameTimeEachInOrderWithItsStatesAfterItsRecords() {
    CountDownLatch started = new CountDownLatch(3);
    SourceConnector<String> source =
        source(
            3,
            List.of(
                ordered("a", 2, meetThenEmit(started)),
                ordered("b", 2, meetThenEmit(started)),
                ordered("c", 2, meetThenEmit(started))));

    Output out = read(source, incremental("a", "b", "c"), 8, ReadHarness.NO_LIMITS).ok();

    for (String stream : List.of("a", "b", "c")) {
      // every stream's own sequence is intact: each STATE right after the records it covers
      assertEquals("SRrrTrrTrTC", out.events(stream), stream);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), out.seqs(stream), stream);
      assertEquals(
          List.of(2.0, 2.0, 1.0),
          out.states(stream).stream().map(ReadHarness::count).toList(),
          stream);
      assertEquals(
          ReadHarness.json("{\"cursor_field\":[\"seq\"],\"cursor\":5}"),
          ReadHarness.streamState(out.states(stream).get(2)),
          stream);
    }
  }

  @Test
  void noMoreStreamsRunAtOnceThanTheSmallestLimit() {
    // source, sink, C8KIT_READ_CONCURRENCY (0 = unset), processors, streams wait on the network
    for (int[] limits :
        new int[][] {
          {4, 2, 0, 8, 0},
          {2, 4, 0, 8, 0},
          {4, 4, 2, 8, 0},
          {4, 4, 0, 2, 0},
          {4, 4, 2, 1, 0},
          {2, 4, 8, 1, 0},
          {2, 4, 0, 1, 1}
        }) {
      AtomicInteger active = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch two = new CountDownLatch(2);
      StreamReader<String, Row> reader =
          (config, ctx) -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            two.countDown();
            two.await(
                10, TimeUnit.SECONDS); // the first two streams overlap; later ones pass straight on
            FIVE.forEach(ctx::emit);
            active.decrementAndGet();
          };
      SourceConnector<String> source =
          source(
              limits[0],
              limits[4] == 1,
              List.of(
                  ordered("a", 0, reader),
                  ordered("b", 0, reader),
                  ordered("c", 0, reader),
                  ordered("d", 0, reader)));

      Output out =
          read(
                  source,
                  incremental("a", "b", "c", "d"),
                  limits[1],
                  new ReadSettings(0, 0, limits[2], limits[3]))
              .ok();

      assertEquals(2, most.get(), java.util.Arrays.toString(limits));
      assertTrue(
          out.logs(AirbyteLogMessage.Level.INFO)
              .contains(
                  "reading up to 2 streams at once (the source allows "
                      + limits[0]
                      + "; set C8KIT_READ_CONCURRENCY to change it)"),
          out.logs(AirbyteLogMessage.Level.INFO).toString());
      for (String stream : List.of("a", "b", "c", "d")) {
        assertEquals("SRrrrrrTC", out.events(stream), stream);
      }
    }
  }

  @Test
  void aSinkThatTakesOneStreamAtATimeKeepsTheReadSequentialWhateverTheSourceAllows() {
    AtomicInteger active = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    StreamReader<String, Row> reader =
        (config, ctx) -> {
          most.accumulateAndGet(active.incrementAndGet(), Math::max);
          FIVE.forEach(ctx::emit);
          active.decrementAndGet();
        };
    SourceConnector<String> source =
        source(4, List.of(ordered("a", 0, reader), ordered("b", 0, reader)));

    Output out = read(source, incremental("a", "b"), 1, ReadHarness.NO_LIMITS).ok();

    assertEquals(1, most.get());
    assertEquals("SRrrrrrTCSRrrrrrTC", out.events("a") + out.events("b"));
    assertEquals(out.events("a") + out.events("b"), eventsInOrder(out));
  }

  @Test
  void aFailingStreamEndsIncompleteWhileTheRunningOneFinishesWithItsState() {
    CountDownLatch badStarted = new CountDownLatch(1);
    SourceConnector<String> source =
        source(
            2,
            List.of(
                ordered(
                    "bad",
                    0,
                    (config, ctx) -> {
                      ctx.emit(FIVE.get(0));
                      badStarted.countDown();
                      throw new IllegalStateException("boom");
                    }),
                ordered(
                    "good",
                    0,
                    (config, ctx) -> {
                      assertTrue(badStarted.await(10, TimeUnit.SECONDS));
                      FIVE.forEach(ctx::emit);
                    })));

    Output out = read(source, incremental("bad", "good"), 2, ReadHarness.NO_LIMITS);

    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertEquals("bad", e.stream().name);
    assertEquals("SRrI", out.events("bad"));
    assertEquals("SRrrrrrTC", out.events("good"));
    assertEquals(5.0, count(out.states("good").get(0)));
  }

  @Test
  void everyFailedStreamIsReportedAndTheOtherStreamsStillRun() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    StreamReader<String, Row> failing =
        (config, ctx) -> {
          bothStarted.countDown();
          bothStarted.await(10, TimeUnit.SECONDS);
          throw new IllegalStateException("boom " + ctx.streamName());
        };
    SourceConnector<String> source =
        source(
            2,
            List.of(
                ordered("bad1", 0, failing),
                ordered("bad2", 0, failing),
                ordered("later", 0, (config, ctx) -> FIVE.forEach(ctx::emit))));

    Output out = read(source, incremental("bad1", "bad2", "later"), 2, ReadHarness.NO_LIMITS);

    StreamReadException first = assertInstanceOf(StreamReadException.class, out.error());
    assertEquals("bad1", first.stream().name);
    assertEquals(1, first.getSuppressed().length);
    assertEquals(
        "bad2",
        assertInstanceOf(StreamReadException.class, first.getSuppressed()[0]).stream().name);
    // the TRACE ERROR's message names both streams
    assertTrue(
        first
            .getMessage()
            .matches("Stream '.*bad1.*' failed: boom bad1; other failed streams: '.*bad2.*'"),
        first.getMessage());
    assertEquals("SI", out.events("bad1"));
    assertEquals("SI", out.events("bad2"));
    assertEquals(
        "SRrrrrrTC", out.events("later")); // a stream queued behind the failures still runs
  }

  @Test
  void interruptingTheReadStopsEveryStreamThread() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch stopped = new CountDownLatch(2);
    StreamReader<String, Row> forever =
        (config, ctx) -> {
          bothStarted.countDown();
          try {
            new CountDownLatch(1).await(); // only an interrupt ends this
          } finally {
            stopped.countDown();
          }
        };
    SourceConnector<String> source =
        source(2, List.of(ordered("a", 0, forever), ordered("b", 0, forever)));
    Output[] out = new Output[1];
    Thread caller =
        new Thread(() -> out[0] = read(source, incremental("a", "b"), 2, ReadHarness.NO_LIMITS));
    caller.start();
    assertTrue(bothStarted.await(10, TimeUnit.SECONDS));

    caller.interrupt();
    caller.join(10_000);

    assertTrue(stopped.await(10, TimeUnit.SECONDS), "a stream thread is still blocked");
    assertInstanceOf(InterruptedException.class, out[0].error());
    assertEquals("SI", out[0].events("a"));
    assertEquals("SI", out[0].events("b"));
  }

  @Test
  void anInvalidConcurrencyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> definition().concurrency(0));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ReadSettings.from(Map.of(ReadSettings.CONCURRENCY_ENV, "many"), 2));
    assertTrue(e.getMessage().contains("C8KIT_READ_CONCURRENCY"), e.getMessage());
    assertEquals(3, ReadSettings.from(Map.of(ReadSettings.CONCURRENCY_ENV, "3"), 2).concurrency());
  }

  @Test
  void theProcessorsBoundTheDefaultAndTheOperatorSetsItUpToTheSourcesLimit() {
    // threads(source, sink, streams, the streams wait on the network)
    assertEquals(2, new ReadSettings(0, 0, 0, 2).threads(4, 16, 4, false)); // unset: the processors
    assertEquals(1, new ReadSettings(0, 0, 0, 1).threads(4, 16, 4, false)); // one core: sequential
    assertEquals(
        3, new ReadSettings(0, 0, 0, 8).threads(4, 16, 3, false)); // no more than the streams
    assertEquals(
        3, new ReadSettings(0, 0, 3, 2).threads(4, 16, 4, false)); // raised past the processors
    assertEquals(4, new ReadSettings(0, 0, 8, 2).threads(4, 16, 4, false)); // never past the source
    assertEquals(
        1, new ReadSettings(0, 0, 8, 2).threads(1, 16, 4, false)); // nor a sequential source
    assertEquals(1, new ReadSettings(0, 0, 8, 8).threads(4, 1, 4, false)); // nor a one-stream sink
    assertEquals(
        1, new ReadSettings(0, 0, 1, 8).threads(4, 16, 4, false)); // serialized by the operator
    // API streams mostly wait: the source's concurrency is the default, the operator still decides
    assertEquals(4, new ReadSettings(0, 0, 0, 1).threads(4, 16, 8, true));
    assertEquals(3, new ReadSettings(0, 0, 0, 1).threads(4, 16, 3, true));
    assertEquals(2, new ReadSettings(0, 0, 2, 1).threads(4, 16, 8, true));
    assertEquals(1, new ReadSettings(0, 0, 0, 1).threads(4, 1, 8, true));
  }

  private static String eventsInOrder(Output out) {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < out.messages().size(); i++) {
      Output one = new Output(List.of(out.messages().get(i)), List.of(), null);
      all.append(one.events("a")).append(one.events("b"));
    }
    return all.toString();
  }
}
