package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.services.PostgresTestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full refresh of a 1,000,000-row table in a child JVM whose heap (-Xmx48m) is far smaller than
 * the result (~150 MB as driver rows): it only completes if rows are streamed with the fetch size.
 * The control run shows the limit is real: the same query read without a fetch size (the driver
 * buffers everything) fails in the same heap.
 */
class PostgresSourceBigTableTest {
  static final int ROWS = 1_000_000;
  static final String HEAP = "-Xmx48m";
  static PostgresTestServer pg;

  @BeforeAll
  static void setUp() throws Exception {
    pg = PostgresTestServer.start("c8k_src_big");
    pg.sql(
        "CREATE TABLE big (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12, 2),"
            + " created_at timestamptz NOT NULL)",
        "INSERT INTO big SELECT g, md5(g::text) || md5((g + 1)::text), g * 1.25,"
            + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'"
            + " FROM generate_series(1, "
            + ROWS
            + ") g",
        "ANALYZE big");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static Result child(String mode) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(HEAP);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BigReadMain.class.getName());
    cmd.addAll(
        List.of(
            mode,
            pg.host(),
            Integer.toString(pg.port()),
            pg.database(),
            pg.user(),
            pg.password(),
            pg.schema(),
            "big",
            "10000"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM timed out");
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  record Result(int exit, String output) {}

  @Test
  void fullRefreshOfAMillionRowsStreamsInASmallHeap() throws Exception {
    Result r = child("connector");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("rows=" + ROWS + " lastId=" + ROWS + " "), r.output());
  }

  @Test
  void controlTheSameHeapCannotHoldTheWholeResult() throws Exception {
    Result r = child("buffered");
    assertNotEquals(0, r.exit(), "expected the buffered read to run out of memory: " + r.output());
    assertTrue(r.output().contains("memory") || r.output().contains("Memory"), r.output());
  }
}
