package io.c8kit.examples.postgres.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.jdbc.ConnectionFactory;
import io.c8kit.jdbc.JdbcSyncWriter;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared JDBC writer in the PostgreSQL dialect with calls for several streams running at once,
 * as the write engine makes them up to the writer's concurrency: more streams than connections,
 * each stream on its own thread, every round of batches started together, three streams opened at
 * once in a namespace that does not exist yet. Every row arrives, each stream's raw ids increase in
 * insertion order (the dedup stream keeps its last version of every key by them), the overwrite
 * stream is swapped in, and no more connections than {@code concurrency()} are ever opened.
 */
class PostgresConcurrentWriteTest {
  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
          + "\"v\":{\"type\":\"string\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";
  private static final int STREAMS = 6;
  private static final int ROUNDS = 5;
  private static final int BATCH = 2_000;

  static PostgresTestServer pg;

  @BeforeAll
  static void setUp() {
    pg = PostgresTestServer.start("c8k_dst_conc");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      for (boolean useCopy : new boolean[] {true, false}) {
        pg.sql("DROP SCHEMA IF EXISTS \"" + pg.schema() + "_ns_" + useCopy + "\" CASCADE");
      }
      pg.close();
    }
  }

  /**
   * s0..s3 append, s4 append_dedup on id (each round rewrites the same ids), s5 overwrite; s0..s2
   * in the namespace {@code namespace}, which does not exist yet, the others in the default schema.
   */
  private static DestinationStream stream(String prefix, String namespace, int i) throws Exception {
    ObjectNode schema = (ObjectNode) Protocol.mapper().readTree(SCHEMA);
    DestinationSyncMode mode =
        i == 4
            ? DestinationSyncMode.APPEND_DEDUP
            : i == 5 ? DestinationSyncMode.OVERWRITE : DestinationSyncMode.APPEND;
    return new DestinationStream(
        prefix + i,
        i < 3 ? namespace : null,
        schema,
        i == 4 ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH,
        mode,
        i == 4 ? List.of(List.of("id")) : null,
        null,
        0,
        0,
        0);
  }

  /**
   * Round {@code round} of stream {@code i}: ids continue across rounds, except for the dedup one.
   */
  private static List<DestinationRecord> batch(int i, int round) throws Exception {
    List<DestinationRecord> batch = new ArrayList<>(BATCH);
    for (int k = 0; k < BATCH; k++) {
      long id = i == 4 ? k : (long) round * BATCH + k;
      ObjectNode data = Protocol.mapper().createObjectNode();
      data.put("id", id).put("v", "s" + i + " r" + round + " \"quoted\", k" + k);
      data.putArray("tags").add("t" + (k % 3)).add(k % 2 == 0 ? "even" : "odd");
      // the same emitted_at everywhere: the dedup tie-break is the raw id alone
      batch.add(new DestinationRecord(data, 1_700_000_000_000L, null, 0));
    }
    return batch;
  }

  @ParameterizedTest(name = "useCopy={0}")
  @ValueSource(booleans = {true, false})
  void streamsWrittenAtOnceKeepEveryRowAndTheirIdOrderOnAtMostConcurrencyConnections(
      boolean useCopy) throws Exception {
    String prefix = "c" + useCopy + "_";
    String application = "c8k_conc_" + pg.schema() + "_" + useCopy;
    String namespace = pg.schema() + "_ns_" + useCopy;
    PostgresDestination.Config config = config(application, useCopy);
    List<DestinationStream> streams = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      streams.add(stream(prefix, namespace, i));
    }
    AtomicInteger opened = new AtomicInteger();
    ConnectionFactory counting =
        () -> {
          opened.incrementAndGet();
          return PgConnections.open(config);
        };
    SyncWriter writer =
        new JdbcSyncWriter(counting, PostgresDestination.dialect(config), () -> streams);
    int concurrency = writer.concurrency();
    assertEquals(4, concurrency);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    CyclicBarrier together = new CyclicBarrier(STREAMS);
    ExecutorService threads = Executors.newFixedThreadPool(STREAMS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < STREAMS; i++) {
        int s = i;
        done.add(
            threads.submit(
                () -> {
                  DestinationStream stream = streams.get(s);
                  together.await(60, TimeUnit.SECONDS);
                  writer.open(stream);
                  for (int round = 0; round < ROUNDS; round++) {
                    List<DestinationRecord> batch = batch(s, round);
                    together.await(60, TimeUnit.SECONDS);
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                      writer.write(stream, batch);
                    } finally {
                      inFlight.decrementAndGet();
                    }
                  }
                  writer.complete(stream);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(300, TimeUnit.SECONDS);
      }
      assertTrue(mostInFlight.get() > 1, "calls overlapped: " + mostInFlight);
      assertTrue(
          opened.get() > 1 && opened.get() <= concurrency,
          "connections opened: " + opened + ", concurrency " + concurrency);
      assertEquals(opened.get(), backends(application), "the server's view of the connections");
    } finally {
      threads.shutdownNow();
      writer.close();
    }
    for (int i = 0; i < STREAMS; i++) {
      String table = (i < 3 ? "\"" + namespace + "\"." : "") + "\"" + prefix + i + "\"";
      List<List<String>> rows =
          pg.rows("SELECT id, v, tags::text, _airbyte_raw_id FROM " + table + " ORDER BY id");
      int expected = i == 4 ? BATCH : ROUNDS * BATCH;
      assertEquals(expected, rows.size(), table);
      String previousRawId = "";
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        long id = Long.parseLong(row.get(0));
        int k = (int) (id % BATCH);
        int round = i == 4 ? ROUNDS - 1 : (int) (id / BATCH);
        assertEquals(r, id, table);
        assertEquals("s" + i + " r" + round + " \"quoted\", k" + k, row.get(1), table);
        assertEquals(
            "[\"t" + (k % 3) + "\", \"" + (k % 2 == 0 ? "even" : "odd") + "\"]", row.get(2), table);
        // ids were written in id order (the dedup stream's survivors in the last round's order)
        assertTrue(
            row.get(3).compareTo(previousRawId) > 0,
            table + ": raw id " + row.get(3) + " after " + previousRawId);
        previousRawId = row.get(3);
      }
    }
    assertEquals(0, pg.count(stagingTables(prefix)), "the overwrite stream's staging table");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (backends(application) > 0) {
      assertTrue(System.nanoTime() < deadline, "close() closes every connection");
      Thread.sleep(20);
    }
  }

  private static PostgresDestination.Config config(String application, boolean useCopy) {
    return new PostgresDestination.Config(
        pg.host(),
        pg.port(),
        pg.database(),
        pg.schema(),
        pg.user(),
        Optional.of(pg.password()),
        Optional.empty(),
        Optional.of("ApplicationName=" + application),
        useCopy);
  }

  /**
   * A connection the server dropped fails its call and is not handed to the next one: that call
   * opens a new connection and the stream goes on.
   */
  @Test
  void aConnectionTheServerDroppedIsReplacedByANewOne() throws Exception {
    String application = "c8k_conc_" + pg.schema() + "_dropped";
    PostgresDestination.Config config = config(application, true);
    DestinationStream stream = stream("dropped_", null, 0);
    AtomicInteger opened = new AtomicInteger();
    try (JdbcSyncWriter writer =
        new JdbcSyncWriter(
            () -> {
              opened.incrementAndGet();
              return PgConnections.open(config);
            },
            PostgresDestination.dialect(config),
            () -> List.of(stream))) {
      writer.write(stream, batch(0, 0));
      pg.sql(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
              + application
              + "'");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (backends(application) > 0) {
        assertTrue(System.nanoTime() < deadline, "the backend should end");
        Thread.sleep(20);
      }
      assertThrows(Exception.class, () -> writer.write(stream, batch(0, 1)));
      writer.write(stream, batch(0, 2));
      writer.complete(stream);
      assertEquals(2, opened.get());
      assertEquals(1, backends(application), "the dropped connection is not kept");
    }
    List<List<String>> ids = pg.rows("SELECT min(id), max(id), count(*) FROM \"dropped_0\"");
    // round 1 failed: the rows of rounds 0 and 2
    assertEquals(
        List.of(List.of("0", String.valueOf(3 * BATCH - 1), String.valueOf(2 * BATCH))), ids);
  }

  private static String stagingTables(String prefix) {
    return "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
        + pg.schema()
        + "' AND table_name LIKE '"
        + prefix
        + "%c8kit_tmp'";
  }

  private static long backends(String application) throws Exception {
    return pg.count(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'");
  }
}
