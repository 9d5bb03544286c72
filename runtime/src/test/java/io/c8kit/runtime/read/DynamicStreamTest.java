package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.catalogFrom;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.definition;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.stateInput;
import static io.c8kit.runtime.read.ReadHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.source.Cursor;
import io.c8kit.source.DiscoveredStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Streams found by {@code @Discover} and read by the {@code @Read} adapter: ObjectNode and Map
 * records.
 */
class DynamicStreamTest {
  private static final ObjectNode SCHEMA =
      (ObjectNode)
          json(
              """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "created_at":{"type":["null","string"],"format":"date-time","airbyte_type":"timestamp_with_timezone"},
        "meta":{"type":"object","properties":{"ts":{"type":"integer"}}},
        "tags":{"type":"array"}
      }}""");

  private static final int COUNT = 9;
  private final List<Object> contexts = new ArrayList<>();

  private static Instant day(int i) {
    return Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * i);
  }

  /** Record i: id i, created_at day(i / 3) (runs of 3 equal values), meta.ts 100 + i. */
  private static ObjectNode node(int i) {
    ObjectNode n = (ObjectNode) json("{}");
    n.put("id", i);
    n.put("created_at", day(i / 3).toString());
    n.putObject("meta").put("ts", 100 + i);
    return n;
  }

  private static Map<String, Object> map(int i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i);
    m.put("created_at", i % 2 == 0 ? day(i / 3) : day(i / 3).atOffset(ZoneOffset.ofHours(2)));
    m.put("meta", Map.of("ts", (long) (100 + i)));
    m.put("tags", List.of("a", "b"));
    return m;
  }

  private SourceConnector<String> source() {
    return connector(
        definition()
            .discover(
                config ->
                    List.of(
                        DiscoveredStream.builder("events")
                            .namespace("public")
                            .jsonSchema(SCHEMA)
                            .primaryKey(List.of("id"))
                            .defaultCursorField(List.of("created_at"))
                            .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                            .ordered(true)
                            .build(),
                        DiscoveredStream.builder("maps")
                            .jsonSchema(SCHEMA)
                            .defaultCursorField(List.of("created_at"))
                            .syncModes(SyncMode.INCREMENTAL, SyncMode.FULL_REFRESH)
                            .ordered(true)
                            .build(),
                        DiscoveredStream.builder("paged").jsonSchema(SCHEMA).pageKey("id").build(),
                        DiscoveredStream.builder("nocursor")
                            .jsonSchema(SCHEMA)
                            .syncModes(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
                            .build(),
                        DiscoveredStream.builder("bad").jsonSchema(SCHEMA).build()),
                (config, ctx) -> {
                  contexts.add(ctx.streamName());
                  contexts.add(ctx.cursorField());
                  contexts.add(ctx.cursor());
                  contexts.add(ctx.cursorValue().orElse(null));
                  switch (ctx.streamName()) {
                    case "events", "paged", "nocursor" -> {
                      for (int i = 0; i < COUNT; i++) {
                        ctx.emit(node(i));
                      }
                    }
                    case "maps" -> {
                      for (int i = 0; i < COUNT; i++) {
                        ctx.emit(map(i));
                      }
                    }
                    default -> ctx.emit("not a record");
                  }
                })
            .build());
  }

  private static ConfiguredAirbyteStream stream(
      String name, String namespace, SyncMode mode, List<String> cursor) {
    ConfiguredAirbyteStream cs = configured(name, namespace, mode);
    cs.stream.jsonSchema = SCHEMA;
    cs.stream.sourceDefinedCursor = false;
    cs.cursorField = cursor;
    return cs;
  }

  @Test
  void defaultCursorFieldOfTypeDateTime() {
    ConfiguredAirbyteCatalog cat = catalog(stream("events", "public", SyncMode.INCREMENTAL, null));
    ReadHarness.Output out = read(source(), cat, null).ok();
    assertEquals(COUNT, out.records("events").size());
    assertEquals(node(4), out.records("events").get(4));
    AirbyteStateMessage last = out.states("events").get(out.states("events").size() - 1);
    assertEquals(
        json("{\"cursor_field\":[\"created_at\"],\"cursor\":\"2024-01-03T00:00:00Z\"}"),
        streamState(last));
    assertEquals("public", last.stream.streamDescriptor.namespace);

    contexts.clear();
    ReadHarness.Output resumed =
        read(
                source(),
                cat,
                json(
                    "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
                        + "{\"name\":\"events\",\"namespace\":\"public\"},\"stream_state\":{\"cursor_field\":[\"created_at\"],"
                        + "\"cursor\":\"2024-01-02T00:00:00Z\"}}}]"))
            .ok();
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), resumed.ids("events"));
    assertEquals(
        List.of(
            "events",
            List.of("created_at"),
            Cursor.of(OffsetDateTime.parse("2024-01-02T00:00:00Z")),
            json("\"2024-01-02T00:00:00Z\"")),
        contexts);
  }

  @Test
  void userChosenNestedCursorField() {
    ConfiguredAirbyteCatalog cat =
        catalog(stream("events", "public", SyncMode.INCREMENTAL, List.of("meta", "ts")));
    ReadHarness.Output out = read(source(), cat, null, ReadHarness.checkpoints(4, 0)).ok();
    List<AirbyteStateMessage> states = out.states("events");
    assertEquals(
        json("{\"cursor_field\":[\"meta\",\"ts\"],\"cursor\":103}"), streamState(states.get(0)));
    assertEquals(
        json("{\"cursor_field\":[\"meta\",\"ts\"],\"cursor\":108}"),
        streamState(states.get(states.size() - 1)));
    ReadHarness.Output resumed = read(source(), cat, stateInput(states.get(0))).ok();
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), resumed.ids("events"));
  }

  @Test
  void mapRecordsWithJavaTemporalValues() {
    ConfiguredAirbyteCatalog cat = catalog(stream("maps", null, SyncMode.INCREMENTAL, null));
    ReadHarness.Output out = read(source(), cat, null, ReadHarness.checkpoints(2, 0)).ok();
    assertEquals(COUNT, out.records("maps").size());
    assertEquals(
        json(
            "{\"id\":1,\"created_at\":\"2024-01-01T02:00:00+02:00\",\"meta\":{\"ts\":101},\"tags\":[\"a\",\"b\"]}"),
        out.records("maps").get(1));
    List<AirbyteStateMessage> states = out.states("maps");
    // ties of three across N = 2: checkpoints only between days
    assertEquals(
        List.of(day(0), day(1), day(2)),
        states.stream()
            .map(s -> OffsetDateTime.parse(streamState(s).get("cursor").asText()).toInstant())
            .toList());
    ReadHarness.Output resumed = read(source(), cat, stateInput(states.get(1))).ok();
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), resumed.ids("maps"));
  }

  @Test
  void pagedDynamicStream() {
    ConfiguredAirbyteCatalog cat = catalog(stream("paged", null, SyncMode.FULL_REFRESH, null));
    ReadHarness.Output out = read(source(), cat, null, ReadHarness.checkpoints(4, 0)).ok();
    assertEquals(json("{\"page\":3}"), streamState(out.states("paged").get(0)));
    ReadHarness.Output resumed = read(source(), cat, stateInput(out.states("paged").get(0))).ok();
    assertEquals(List.of(4L, 5L, 6L, 7L, 8L), resumed.ids("paged"));
  }

  @Test
  void incrementalWithoutAnyCursorIsAConfigError() {
    ReadHarness.Output out =
        read(source(), catalog(stream("nocursor", null, SyncMode.INCREMENTAL, null)), null);
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(
        e.getMessage().contains("nocursor") && e.getMessage().contains("cursor"), e.getMessage());
    assertEquals(List.of(), out.messages());
  }

  @Test
  void cursorFieldMissingFromTheSchemaIsAConfigError() {
    ReadHarness.Output out =
        read(
            source(),
            catalog(stream("nocursor", null, SyncMode.INCREMENTAL, List.of("updated_at"))),
            null);
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(e.getMessage().contains("updated_at"), e.getMessage());
  }

  @Test
  void cursorFieldOfAnUnsupportedTypeIsAConfigError() {
    ReadHarness.Output out =
        read(
            source(),
            catalog(stream("nocursor", null, SyncMode.INCREMENTAL, List.of("tags"))),
            null);
    assertInstanceOf(ConfigException.class, out.error());
  }

  @Test
  void recordsMustBeObjectNodesOrMaps() {
    ReadHarness.Output out =
        read(source(), catalog(stream("bad", null, SyncMode.FULL_REFRESH, null)), null);
    StreamReadException e = assertInstanceOf(StreamReadException.class, out.error());
    assertTrue(e.getMessage().contains("ObjectNode"), e.getMessage());
  }

  @Test
  void discoveredCatalogReadsBackAsItIs() throws Exception {
    var discovered = SourceCatalog.discover(source(), "config");
    discovered.streams.removeIf(s -> s.name.equals("bad"));
    ConfiguredAirbyteCatalog full = catalogFrom(discovered, SyncMode.FULL_REFRESH);
    ReadHarness.Output out = read(source(), full, null).ok();
    for (var s : discovered.streams) {
      assertEquals(COUNT, out.records(s.name).size(), s.name);
      assertEquals("SR" + "r".repeat(COUNT), out.events(s.name).substring(0, 2 + COUNT));
    }
  }
}
