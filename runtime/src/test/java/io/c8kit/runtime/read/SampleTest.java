package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.definition;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.read.ReadHarness.Row;
import io.c8kit.source.DiscoveredStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** C8 samples: the first records of one stream as maps, without touching stdout. */
class SampleTest {
  private final AtomicInteger produced = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Object> seen = new ArrayList<>();

  private SourceConnector<String> source() {
    return connector(
        definition().stream(
                ordered(
                    "endless",
                    0,
                    (config, ctx) -> {
                      seen.add(ctx.syncMode());
                      seen.add(ctx.cursor());
                      seen.add(ctx.jsonSchema().path("properties").has("seq"));
                      ctx.drain(
                          Stream.iterate(1L, i -> i + 1)
                              .peek(i -> produced.incrementAndGet())
                              .map(i -> new Row(i, i, "row " + i))
                              .onClose(() -> closed.set(true)));
                    }))
            .stream(
                rows("few")
                    .page("id", CursorType.LONG, Row::id)
                    .reader((config, ctx) -> ctx.emit(new Row(1, null, null)))
                    .build())
            .discover(
                config ->
                    List.of(
                        DiscoveredStream.builder("dyn")
                            .namespace("public")
                            .jsonSchema(
                                (ObjectNode)
                                    json(
                                        "{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}}}"))
                            .build()),
                (config, ctx) -> {
                  for (int i = 0; i < 3; i++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("x", i + 0.5);
                    m.put("nested", Map.of("list", List.of(1, 2)));
                    ctx.emit(i % 2 == 0 ? m : json("{\"x\":0.1}"));
                  }
                })
            .build());
  }

  @Test
  void firstTenRecordsAsMapsAndNothingOnStdout() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<Map<String, Object>> rows;
    System.setOut(new PrintStream(captured, true));
    try {
      rows = ReadEngine.sample(source(), "config", "endless", null, 10);
    } finally {
      System.setOut(stdout);
    }
    assertEquals(10, rows.size());
    assertEquals(Map.of("id", 1, "seq", 1, "name", "row 1"), rows.get(0));
    assertEquals("row 10", rows.get(9).get("name"));
    assertEquals(10, produced.get(), "the producer is stopped after the limit");
    assertTrue(closed.get(), "the returned stream is closed");
    assertEquals(0, captured.size(), "stdout must stay untouched: " + captured);
    assertEquals(List.of(SyncMode.FULL_REFRESH, io.c8kit.source.Cursor.empty(), true), seen);
  }

  @Test
  void fewerRecordsThanTheLimit() throws Exception {
    List<Map<String, Object>> rows = ReadEngine.sample(source(), "config", "few", null, 10);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", 1);
    expected.put("seq", null);
    expected.put("name", null);
    assertEquals(List.of(expected), rows);
  }

  @Test
  void discoveredStreamWithMapAndObjectNodeRecords() throws Exception {
    List<Map<String, Object>> rows = ReadEngine.sample(source(), "config", "dyn", "public", 10);
    assertEquals(3, rows.size());
    assertEquals(new BigDecimal("0.5"), rows.get(0).get("x"));
    assertEquals(Map.of("list", List.of(1, 2)), rows.get(0).get("nested"));
    assertEquals(new BigDecimal("0.1"), rows.get(1).get("x"));
    // a unique name is enough without the namespace
    assertEquals(3, ReadEngine.sample(source(), "config", "dyn", null, 10).size());
  }

  @Test
  void zeroLimitReadsNothing() throws Exception {
    assertEquals(List.of(), ReadEngine.sample(source(), "config", "endless", null, 0));
    assertEquals(0, produced.get());
  }

  @Test
  void unknownStream() {
    assertThrows(
        ConfigException.class, () -> ReadEngine.sample(source(), "config", "nope", null, 10));
  }

  @Test
  void streamFailuresPropagate() {
    SourceConnector<String> c =
        connector(
            rows("f")
                .reader(
                    (config, ctx) -> {
                      throw new IllegalStateException("down");
                    })
                .build());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> ReadEngine.sample(c, "config", "f", null, 10));
    assertEquals("down", e.getMessage());
  }
}
