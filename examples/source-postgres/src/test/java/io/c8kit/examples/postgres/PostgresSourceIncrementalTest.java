package io.c8kit.examples.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.acceptance.services.PostgresTestServer;
import io.c8kit.runtime.CursorType;
import io.c8kit.source.DiscoveredStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incremental and resumable reads against a real server: second reads return exactly the changes
 * (plus ties at the bound), every mid-stream checkpoint resumes without loss even when runs of
 * equal cursor values span the checkpoint interval, and a far-future state reads nothing.
 */
class PostgresSourceIncrementalTest {
  static PostgresTestServer pg;

  @BeforeAll
  static void setUp() throws Exception {
    pg = PostgresTestServer.start("c8k_src_incr");
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static Set<Integer> ids(List<ObjectNode> rows) {
    return rows.stream().map(r -> r.get("id").asInt()).collect(Collectors.toSet());
  }

  private static JsonNode maxCursor(List<ObjectNode> rows, String field, DiscoveredStream s) {
    List<Reads.Checkpoint> cps = Reads.checkpoints(rows, field, s, Integer.MAX_VALUE);
    return cps.get(cps.size() - 1).value();
  }

  @Test
  void secondReadReturnsExactlyTheChangesPlusBoundaryTies() throws Exception {
    pg.sql(
        "CREATE TABLE users (id int PRIMARY KEY, name text, updated_at timestamptz NOT NULL)",
        "INSERT INTO users SELECT g, 'u' || g, timestamptz '2024-01-01 00:00:00+00' "
            + "+ (g / 10) * interval '1 hour' FROM generate_series(1, 95) g");
    DiscoveredStream s = Reads.discover(pg, "users");
    List<ObjectNode> first = Reads.read(pg, TestContext.incremental(s, "updated_at"));
    assertEquals(95, first.size());
    assertOrdered(first, "updated_at", s);
    JsonNode state = maxCursor(first, "updated_at", s);
    assertEquals("2024-01-01T09:00:00Z", state.asText());
    // Rows 90..95 share the last cursor value: they are the ties a ">=" resume re-reads.
    pg.sql(
        "UPDATE users SET name = 'changed', updated_at = '2024-02-01 00:00:00+00' WHERE id IN (3, 50)",
        "INSERT INTO users VALUES (200, 'new', '2024-02-02 00:00:00+00'),"
            + " (201, 'new-at-bound', '2024-01-01 09:00:00+00'),"
            + " (202, 'old-not-read', '2023-12-31 00:00:00+00')");
    List<ObjectNode> second = Reads.read(pg, TestContext.incremental(s, "updated_at").from(state));
    assertEquals(Set.of(90, 91, 92, 93, 94, 95, 201, 3, 50, 200), ids(second));
    assertEquals(10, second.size());
    assertOrdered(second, "updated_at", s);
    assertEquals(
        "changed",
        second.stream()
            .filter(r -> r.get("id").asInt() == 3)
            .findFirst()
            .orElseThrow()
            .get("name")
            .asText());
  }

  @Test
  void resumingFromEveryCheckpointLosesNothingAcrossTies() throws Exception {
    // 1,000 rows in runs of 37 equal cursor values: runs span the checkpoint interval of 25.
    pg.sql(
        "CREATE TABLE events (id int PRIMARY KEY, seq bigint NOT NULL, payload text)",
        "INSERT INTO events SELECT g, (g / 37) * 10, md5(g::text) FROM generate_series(1, 1000) g");
    DiscoveredStream s = Reads.discover(pg, "events");
    List<ObjectNode> all = Reads.read(pg, TestContext.incremental(s, "seq"));
    assertEquals(1000, all.size());
    assertOrdered(all, "seq", s);
    List<Reads.Checkpoint> checkpoints = Reads.checkpoints(all, "seq", s, 25);
    assertTrue(checkpoints.size() > 20, "expected many checkpoints, got " + checkpoints.size());
    for (Reads.Checkpoint cp : checkpoints) {
      List<ObjectNode> resumed = Reads.read(pg, TestContext.incremental(s, "seq").from(cp.value()));
      Set<Integer> got = ids(resumed);
      Set<Integer> after = ids(all.subList(cp.covered(), all.size()));
      assertTrue(got.containsAll(after), "resume from " + cp + " lost records");
      // Nothing below the bound, and only ties of the bound itself are re-read.
      for (ObjectNode r : resumed) {
        long seq = r.get("seq").asLong();
        assertTrue(seq >= cp.value().asLong(), "record below the bound: " + r);
      }
      Set<Integer> extra = new HashSet<>(got);
      extra.removeAll(after);
      for (ObjectNode r : all.subList(0, cp.covered())) {
        if (extra.contains(r.get("id").asInt())) {
          assertEquals(cp.value().asLong(), r.get("seq").asLong(), "only ties are re-read");
        }
      }
    }
  }

  @Test
  void resumableFullRefreshRestartsAfterEveryPageCheckpoint() throws Exception {
    pg.sql(
        "CREATE TABLE pages (id bigint PRIMARY KEY, v text)",
        "INSERT INTO pages SELECT g * 3, 'v' || g FROM generate_series(1, 500) g");
    DiscoveredStream s = Reads.discover(pg, "pages");
    assertEquals("id", s.pageKey());
    List<ObjectNode> all = Reads.read(pg, TestContext.fullRefresh(s));
    assertEquals(500, all.size());
    assertOrdered(all, "id", s);
    for (Reads.Checkpoint cp : Reads.checkpoints(all, "id", s, 40)) {
      List<ObjectNode> resumed = Reads.read(pg, TestContext.fullRefresh(s).after(cp.value()));
      assertEquals(all.subList(cp.covered(), all.size()), resumed, "resume after " + cp);
    }
  }

  @Test
  void textPageKeysFollowTheRuntimeStringOrder() throws Exception {
    // Mixed case and punctuation sort differently in a linguistic collation and in Java.
    // A linguistic column collation (ICU when the server has it) makes the test discriminating.
    pg.sql(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN "
            + "EXECUTE 'CREATE TABLE words (w text COLLATE \"und-x-icu\" PRIMARY KEY)'; "
            + "ELSE CREATE TABLE words (w text PRIMARY KEY); END IF; END $$",
        "INSERT INTO words VALUES ('b'), ('B'), ('a'), ('_x'), ('a b'), ('ab'), ('Z'), ('é'), ('1')");
    DiscoveredStream s = Reads.discover(pg, "words");
    List<ObjectNode> all = Reads.read(pg, TestContext.fullRefresh(s));
    List<String> words = all.stream().map(r -> r.get("w").asText()).toList();
    List<String> sorted = new ArrayList<>(words);
    sorted.sort(String::compareTo);
    assertEquals(sorted, words);
    List<ObjectNode> resumed =
        Reads.read(pg, TestContext.fullRefresh(s).after(PgTypes.NODES.textNode("a")));
    assertEquals(
        words.subList(words.indexOf("a") + 1, words.size()),
        resumed.stream().map(r -> r.get("w").asText()).toList());
  }

  @Test
  void cursorsOfEveryOrderableTypeBindFromState() throws Exception {
    pg.sql(
        "CREATE TABLE typed (id int PRIMARY KEY, c_date date, c_ts timestamp, c_num numeric(12,3),"
            + " c_text varchar(5), c_int int)",
        "INSERT INTO typed SELECT g, date '2024-01-01' + g, timestamp '2024-01-01' + g * interval '1 minute',"
            + " g * 1.5, lpad(g::text, 3, '0'), g FROM generate_series(1, 20) g");
    DiscoveredStream s = Reads.discover(pg, "typed");
    List<ObjectNode> all = Reads.read(pg, TestContext.fullRefresh(s));
    ObjectNode tenth = all.get(9);
    for (String cursor : List.of("c_date", "c_ts", "c_num", "c_text", "c_int")) {
      List<ObjectNode> rows =
          Reads.read(pg, TestContext.incremental(s, cursor).from(tenth.get(cursor)));
      assertEquals(11, rows.size(), "cursor " + cursor + " from " + tenth.get(cursor));
      assertEquals(10, rows.get(0).get("id").asInt(), cursor);
    }
  }

  @Test
  void farFutureStateReadsNothing() throws Exception {
    pg.sql(
        "CREATE TABLE future (id int PRIMARY KEY, ts timestamptz, n bigint)",
        "INSERT INTO future SELECT g, now(), g FROM generate_series(1, 10) g");
    DiscoveredStream s = Reads.discover(pg, "future");
    assertEquals(
        List.of(),
        Reads.read(
            pg,
            TestContext.incremental(s, "ts").from(PgTypes.NODES.textNode("9999-12-31T23:59:59Z"))));
    assertEquals(
        List.of(),
        Reads.read(
            pg, TestContext.incremental(s, "n").from(PgTypes.NODES.numberNode(Long.MAX_VALUE))));
  }

  @Test
  void nullCursorsAreReadFirstOnTheInitialReadOnly() throws Exception {
    pg.sql(
        "CREATE TABLE nullable_cursor (id int PRIMARY KEY, ts timestamp)",
        "INSERT INTO nullable_cursor VALUES (1, '2024-01-02'), (2, NULL), (3, '2024-01-01')");
    DiscoveredStream s = Reads.discover(pg, "nullable_cursor");
    List<ObjectNode> first = Reads.read(pg, TestContext.incremental(s, "ts"));
    assertEquals(List.of(2, 3, 1), first.stream().map(r -> r.get("id").asInt()).toList());
    List<ObjectNode> second =
        Reads.read(
            pg,
            TestContext.incremental(s, "ts").from(PgTypes.NODES.textNode("2024-01-01T00:00:00")));
    assertEquals(List.of(3, 1), second.stream().map(r -> r.get("id").asInt()).toList());
  }

  @Test
  void unusableCursorsAreConfigErrors() throws Exception {
    pg.sql("CREATE TABLE bad_cursor (id int PRIMARY KEY, doc jsonb, flag boolean)");
    DiscoveredStream s = Reads.discover(pg, "bad_cursor");
    ConfigException json =
        assertThrows(
            ConfigException.class, () -> Reads.read(pg, TestContext.incremental(s, "doc")));
    assertTrue(json.getMessage().contains("cannot be a cursor"), json.getMessage());
    ConfigException missing =
        assertThrows(
            ConfigException.class, () -> Reads.read(pg, TestContext.incremental(s, "nope")));
    assertTrue(missing.getMessage().contains("not a column"), missing.getMessage());
    ConfigException none =
        assertThrows(ConfigException.class, () -> Reads.read(pg, withoutCursor(s)));
    assertTrue(none.getMessage().contains("no cursor_field"), none.getMessage());
  }

  /** Incremental with an empty cursor field (the user picked none). */
  private static TestContext withoutCursor(DiscoveredStream s) {
    return TestContext.incremental(s, "x").withoutCursor();
  }

  private static void assertOrdered(List<ObjectNode> rows, String field, DiscoveredStream s) {
    CursorType<?> type = CursorType.forJsonSchema(s.jsonSchema().at("/properties/" + field));
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(
          type.compareObjects(
                  type.fromRecordValue(rows.get(i - 1).get(field)),
                  type.fromRecordValue(rows.get(i).get(field)))
              <= 0,
          "not ordered at " + i);
    }
  }
}
