package io.c8kit.examples.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.runtime.CursorType;
import io.c8kit.source.DiscoveredStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: discover and read through the connector's own entry points. */
final class Reads {
  private Reads() {}

  /** A source config for the test server, reading its test class's schema. */
  static PostgresSource.Config config(PostgresTestServer pg) {
    return new PostgresSource.Config(
        pg.host(),
        pg.port(),
        pg.database(),
        List.of(pg.schema()),
        pg.user(),
        Optional.of(pg.password()),
        Optional.empty(),
        Optional.empty(),
        10_000,
        Optional.empty());
  }

  static DiscoveredStream discover(PostgresTestServer pg, String table) throws Exception {
    for (DiscoveredStream s : new PostgresSource().discover(config(pg))) {
      if (s.name().equals(table)) {
        return s;
      }
    }
    throw new AssertionError("stream " + table + " not discovered");
  }

  static List<ObjectNode> read(PostgresTestServer pg, TestContext context) throws Exception {
    return read(config(pg), context);
  }

  static List<ObjectNode> read(PostgresSource.Config config, TestContext context) throws Exception {
    List<ObjectNode> records = new ArrayList<>();
    new PostgresSource().read(config, context, records::add);
    return records;
  }

  /** One checkpoint: how many records it covers (from the start) and its JSON value. */
  record Checkpoint(int covered, JsonNode value) {}

  /**
   * The checkpoints the read engine's documented policy takes on an ordered stream: after every
   * {@code every} records, but never inside a run of equal values (it waits for the value to
   * change), plus one at the end. Values are compared with the stream's {@link CursorType}, as the
   * runtime does.
   */
  static List<Checkpoint> checkpoints(
      List<ObjectNode> records, String field, DiscoveredStream stream, int every) {
    CursorType<?> type =
        CursorType.forJsonSchema(stream.jsonSchema().path("properties").path(field));
    List<Checkpoint> result = new ArrayList<>();
    int since = 0;
    for (int i = 0; i < records.size(); i++) {
      since++;
      JsonNode v = records.get(i).get(field);
      boolean last = i == records.size() - 1;
      boolean runEnds =
          last
              || type.compareObjects(
                      type.fromRecordValue(v), type.fromRecordValue(records.get(i + 1).get(field)))
                  != 0;
      if ((since >= every && runEnds) || last) {
        result.add(new Checkpoint(i + 1, type.objectToJson(type.fromRecordValue(v))));
        since = 0;
      }
    }
    return result;
  }
}
