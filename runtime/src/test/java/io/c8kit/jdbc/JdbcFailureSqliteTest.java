package io.c8kit.jdbc;

import static io.c8kit.jdbc.SqliteHarness.assertIncomplete;
import static io.c8kit.jdbc.SqliteHarness.catalog;
import static io.c8kit.jdbc.SqliteHarness.complete;
import static io.c8kit.jdbc.SqliteHarness.incomplete;
import static io.c8kit.jdbc.SqliteHarness.lines;
import static io.c8kit.jdbc.SqliteHarness.record;
import static io.c8kit.jdbc.SqliteHarness.state;
import static io.c8kit.jdbc.SqliteHarness.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure semantics of the write engine on a real database: a bad line keeps the progress
 * before it (committed rows, echoed states) and the retry resumes from there; a stream the input
 * never completed is never swapped in or deduplicated; an input without any message leaves every
 * table as it was.
 */
class JdbcFailureSqliteTest {
  private static final String ID_V = "\"id\":{\"type\":\"integer\"},\"v\":{\"type\":\"string\"}";
  private static final String GEN_7 =
      ",\"generation_id\":7,\"minimum_generation_id\":7,\"sync_id\":70";

  @TempDir Path dir;
  SqliteHarness db;

  @BeforeEach
  void setUp() {
    db = new SqliteHarness(dir);
  }

  private static String rec(String stream, int id) {
    return record(stream, "{\"id\":" + id + ",\"v\":\"v" + id + "\"}", 1_700_000_000_000L);
  }

  private List<Object> ids(String table) throws SQLException {
    return db.column("SELECT id FROM \"" + table + "\" ORDER BY id");
  }

  /** users (overwrite) holds 1, 2 from an earlier generation; events (append) holds 100. */
  private void earlierSync() throws Exception {
    db.sync(
        catalog(
            stream("users", "overwrite", ID_V, ",\"generation_id\":6,\"minimum_generation_id\":6"),
            stream("events", "append", ID_V, "")),
        lines(
            rec("users", 1),
            rec("users", 2),
            rec("events", 100),
            complete("users"),
            complete("events")));
  }

  private String catalog7() {
    return catalog(stream("users", "overwrite", ID_V, GEN_7), stream("events", "append", ID_V, ""));
  }

  @Test
  void aBadLineKeepsWhatCameBeforeAndTheRetryResumes() throws Exception {
    earlierSync();
    SqliteHarness.Attempt failed =
        db.attempt(
            catalog7(),
            lines(
                rec("users", 3),
                rec("events", 101),
                state("users", 1),
                rec("users", 4),
                state("events", 2),
                rec("users", 5),
                "{\"type\":\"RECORD\",oops"));
    // a bad input line is transient: the platform retries the attempt
    TransientException e = assertInstanceOf(TransientException.class, failed.failure());
    assertTrue(
        e.getMessage().startsWith("Invalid input on stdin line 7: malformed JSON"), e.getMessage());
    assertEquals(2, failed.states().size(), "both states before the bad line are echoed");
    assertEquals(List.of(1, 2), ids("users"), "the overwrite is not swapped in");
    assertEquals(
        List.of(3, 4, 5), ids("users_c8kit_tmp"), "everything before the bad line is committed");
    assertEquals(
        List.of(100, 101), ids("events"), "appended rows before the bad line are committed");
    // the retry of generation 7 resumes the staging table and swaps it in at COMPLETE
    db.sync(
        catalog7(),
        lines(rec("users", 6), complete("users"), rec("events", 102), complete("events")));
    assertEquals(List.of(3, 4, 5, 6), ids("users"));
    assertEquals(List.of(100, 101, 102), ids("events"));
    assertFalse(db.tables().contains("users_c8kit_tmp"));
  }

  @Test
  void anUnknownStreamIsAConfigErrorAfterCommitting() throws Exception {
    earlierSync();
    SqliteHarness.Attempt failed =
        db.attempt(
            catalog7(),
            lines(rec("events", 101), state("events", 1), rec("ghosts", 1), rec("events", 102)));
    ConfigException e = assertInstanceOf(ConfigException.class, failed.failure());
    assertTrue(e.getMessage().contains("line 3 (stream \"ghosts\")"), e.getMessage());
    assertEquals(1, failed.states().size());
    assertEquals(List.of(100, 101), ids("events"));
  }

  @Test
  void aStreamNeverCompletedIsNeverSwappedIn() throws Exception {
    earlierSync();
    SqliteHarness.Attempt failed =
        db.attempt(
            catalog7(),
            lines(
                rec("users", 3),
                state("users", 1),
                rec("events", 101),
                complete("events"),
                incomplete("users")));
    assertIncomplete(failed, "users");
    assertFalse(
        failed.failure().getMessage().contains("\"events\""), failed.failure().getMessage());
    assertEquals(1, failed.states().size());
    assertEquals(List.of(1, 2), ids("users"), "the old table stays");
    assertEquals(List.of(3), ids("users_c8kit_tmp"));
    assertEquals(List.of(100, 101), ids("events"));
  }

  @Test
  void anIncompleteDedupStreamIsNotDeduplicated() throws Exception {
    String dedup = catalog(stream("t", "append_dedup", ID_V, ",\"primary_key\":[[\"id\"]]"));
    SqliteHarness.Attempt failed =
        db.attempt(
            dedup,
            lines(
                "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\","
                    + "\"emitted_at\":1,\"stream_status\":{\"stream_descriptor\":{\"name\":\"t\"},\"status\":\"STARTED\"}}}",
                rec("t", 1),
                rec("t", 1),
                state("t", 1)));
    assertIncomplete(failed, "t");
    assertEquals(List.of(1, 1), ids("t"));
    db.sync(dedup, lines(rec("t", 2), complete("t")));
    assertEquals(List.of(1, 2), ids("t"));
  }

  @Test
  void anEmptyInputLeavesEveryTableAsItWas() throws Exception {
    earlierSync();
    for (String input :
        new String[] {
          "",
          "\n\n",
          "{\"type\":\"LOG\",\"log\":{\"level\":\"ERROR\",\"message\":\"source crashed\"}}\n"
        }) {
      SqliteHarness.Attempt failed = db.attempt(catalog7(), input);
      TransientException e = assertInstanceOf(TransientException.class, failed.failure());
      assertTrue(e.getMessage().contains("no stream was completed"), e.getMessage());
      assertEquals(List.of(1, 2), ids("users"));
      assertEquals(List.of(100), ids("events"));
      assertEquals(List.of("events", "users"), db.tables());
    }
  }
}
