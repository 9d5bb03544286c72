package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.count;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static io.c8kit.runtime.read.ReadHarness.stateInput;
import static io.c8kit.runtime.read.ReadHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.StreamReader;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import io.c8kit.source.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full refresh made resumable by a page key: {@code {"page": k}} checkpoints and restarts after k.
 */
class ResumableFullRefreshTest {
  private static final ConfiguredAirbyteCatalog FULL =
      catalog(configured("p", SyncMode.FULL_REFRESH));

  private static List<Row> withIds(long... ids) {
    List<Row> rows = new ArrayList<>();
    for (long id : ids) {
      rows.add(new Row(id, id * 10, "row" + rows.size()));
    }
    return rows;
  }

  private static SourceConnector<String> paged(StreamReader<String, Row> reader) {
    return connector(
        rows("p")
            .page("id", CursorType.LONG, Row::id)
            .cursor(List.of("seq"), CursorType.LONG, Row::seq)
            .checkpointRecords(3)
            .reader(reader)
            .build());
  }

  /** Emits every row (the engine drops those at or before the page). */
  private static StreamReader<String, Row> all(List<Row> rows) {
    return (config, ctx) -> rows.forEach(ctx::emit);
  }

  /** Emits rows after the page, as a well-behaved method does. */
  private static StreamReader<String, Row> after(List<Row> rows) {
    return (config, ctx) -> {
      Page<Long> page = ctx.page();
      rows.stream()
          .filter(r -> page.isStart() || r.id() > page.after().orElseThrow())
          .forEach(ctx::emit);
    };
  }

  @Test
  void checkpointsCarryTheLastPageKeyAndTheFinalStateIsEmpty() {
    List<Row> data = withIds(1, 2, 3, 4, 5, 6, 7, 8);
    Output out = read(paged(all(data)), FULL, null).ok();
    assertEquals("SRrrrTrrrTrrTC", out.events("p"));
    List<AirbyteStateMessage> states = out.states("p");
    assertEquals(json("{\"page\":3}"), streamState(states.get(0)));
    assertEquals(json("{\"page\":6}"), streamState(states.get(1)));
    assertEquals(json("{}"), streamState(states.get(2)));
    assertEquals(List.of(3.0, 3.0, 2.0), states.stream().map(ReadHarness::count).toList());
  }

  @Test
  void resumingFromEveryPageStateReadsExactlyTheRest() {
    List<Row> data = withIds(1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 7, 7, 7, 8, 9);
    for (StreamReader<String, Row> reader : List.of(all(data), after(data))) {
      SourceConnector<String> source = paged(reader);
      Output full = read(source, FULL, null).ok();
      List<Long> ids = full.ids("p");
      assertEquals(data.size(), ids.size());
      List<AirbyteStateMessage> states = full.states("p");
      assertTrue(states.size() >= 3);
      for (AirbyteStateMessage state : states.subList(0, states.size() - 1)) {
        long page = streamState(state).get("page").asLong();
        Output resumed = read(source, FULL, stateInput(state)).ok();
        assertEquals(
            ids.stream().filter(id -> id > page).toList(),
            resumed.ids("p"),
            "resumed after page " + page);
      }
      // the completed state starts over
      Output again = read(source, FULL, stateInput(states.get(states.size() - 1))).ok();
      assertEquals(ids, again.ids("p"));
    }
  }

  @Test
  void checkpointsNeverSplitEqualPageKeys() {
    List<Row> data = withIds(1, 2, 2, 2, 2, 2, 3);
    Output out = read(paged(all(data)), FULL, null).ok();
    // due after 3 records, but id 2 continues: the checkpoint waits for id 3
    assertEquals("SRrrrrrrTrTC", out.events("p"));
    assertEquals(json("{\"page\":2}"), streamState(out.states("p").get(0)));
    assertEquals(6.0, count(out.states("p").get(0)));
  }

  @Test
  void methodReceivesThePage() {
    List<Object> seen = new ArrayList<>();
    StreamReader<String, Row> reader =
        (config, ctx) -> {
          seen.add(ctx.page());
          seen.add(ctx.pageAfter().orElse(null));
          seen.add(ctx.cursor());
          seen.add(ctx.cursorField());
        };
    read(
            paged(reader),
            FULL,
            json(
                "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"p\"},"
                    + "\"stream_state\":{\"page\":41}}}]"))
        .ok();
    assertEquals(
        List.of(Page.after(41L), "41", io.c8kit.source.Cursor.empty(), List.of()),
        List.of(seen.get(0), seen.get(1).toString(), seen.get(2), seen.get(3)));
  }

  @Test
  void incrementalReadOfAPagedStreamIgnoresThePage() {
    List<Row> data = withIds(1, 2, 3);
    Output out =
        read(
                paged(all(data)),
                catalog(configured("p", SyncMode.INCREMENTAL)),
                json(
                    "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"p\"},\"stream_state\":{\"page\":2}}}]"))
            .ok();
    assertEquals(List.of(1L, 2L, 3L), out.ids("p"));
    assertEquals(
        json("{\"cursor_field\":[\"seq\"],\"cursor\":30}"), streamState(out.states("p").get(0)));
  }

  @Test
  void pageKeysOutOfOrderFailTheStream() {
    Output out = read(paged(all(withIds(1, 3, 2))), FULL, null);
    assertInstanceOf(StreamReadException.class, out.error());
    assertTrue(
        out.error().getCause().getMessage().contains("page key"),
        out.error().getCause().getMessage());
    assertEquals("SRrrI", out.events("p"));
  }

  @Test
  void aNullPageKeyFailsTheStream() {
    SourceConnector<String> source =
        connector(
            rows("p")
                .page("seq", CursorType.LONG, Row::seq)
                .reader((config, ctx) -> ctx.emit(new Row(1, null, "x")))
                .build());
    Output out = read(source, FULL, null);
    assertInstanceOf(StreamReadException.class, out.error());
    assertTrue(out.error().getCause().getMessage().contains("null page key"));
  }
}
