package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.arr;
import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.catalog;
import static io.c8kit.acceptance.support.Kit.goodCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.support.Out;
import io.c8kit.acceptance.target.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalChecksTest {
  static final StreamKey USERS = StreamKey.of("users");

  static String user(int id) {
    return "{\"id\":" + id + ",\"updated_at\":\"2024-01-0" + (1 + id % 9) + "T00:00:00Z\"}";
  }

  static String cursor(int id) {
    return "{\"cursor_field\":[\"updated_at\"],\"cursor\":" + id + "}";
  }

  /** Ten records, a checkpoint after every two, then the final state repeated. */
  static RunResult fullRead() {
    Out out = Out.out();
    for (int i = 1; i <= 10; i++) {
      out.record("users", user(i));
      if (i % 2 == 0) {
        out.state("users", cursor(i), 2);
      }
    }
    return out.state("users", cursor(10), 0).ok();
  }

  /** A correct resume from cursor {@code from}: everything with a cursor {@code >= from}. */
  static RunResult resumedFrom(int from) {
    Out out = Out.out();
    for (int i = from; i <= 10; i++) {
      out.record("users", user(i));
    }
    return out.state("users", cursor(10), 11 - from).ok();
  }

  @Test
  void incrementalCatalog() {
    JsonNode c = Catalogs.incremental(goodCatalog());
    assertEquals(1, c.path("streams").size());
    JsonNode users = c.path("streams").get(0);
    assertEquals("incremental", users.path("sync_mode").asText());
    assertEquals("[\"updated_at\"]", users.path("cursor_field").toString());
  }

  @Test
  void cursorFieldDefined() {
    assertClean(IncrementalChecks.cursorFieldDefined(Catalogs.incremental(goodCatalog())));
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_CURSOR_FIELD_DEFINED,
            IncrementalChecks.cursorFieldDefined(
                Catalogs.incremental(catalog(s -> s.remove("default_cursor_field"))))),
        "stream 'users'");
  }

  @Test
  void twoSequentialReads() {
    RunResult first = fullRead();
    assertClean(IncrementalChecks.twoSequentialReads(first, resumedFrom(10)));
    assertClean(
        IncrementalChecks.twoSequentialReads(first, Out.out().state("users", cursor(10), 0).ok()));
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_TWO_SEQUENTIAL_READS,
            IncrementalChecks.twoSequentialReads(first, fullRead())),
        "same 10 records");
    assertFlags(
        Rules.INCREMENTAL_TWO_SEQUENTIAL_READS,
        IncrementalChecks.twoSequentialReads(
            Out.out().record("users", user(1)).ok(), Out.out().ok()));
    assertFlags(
        Rules.INCREMENTAL_TWO_SEQUENTIAL_READS,
        IncrementalChecks.twoSequentialReads(
            Out.out().state("users", cursor(0), 0).ok(), Out.out().ok()));
  }

  @Test
  void latestStatePerStreamIsTheStateInput() {
    RunResult read =
        Out.out()
            .state("users", cursor(1), 1)
            .state("orders", "{\"p\":1}", 1)
            .state("users", cursor(2), 1)
            .ok();
    JsonNode input = States.latestPerStream(read);
    assertEquals(2, input.size());
    assertEquals("STREAM", input.get(0).path("type").asText());
    assertEquals(2, input.get(0).path("stream").path("stream_state").path("cursor").asInt());
    assertTrue(input.get(0).path("sourceStats").isMissingNode());
    assertEquals(
        "orders", input.get(1).path("stream").path("stream_descriptor").path("name").asText());
  }

  @Test
  void checkpointsCollapseAndDropZeroCounts() {
    RunResult read =
        Out.out()
            .record("users", user(1))
            .state("users", cursor(1), 1)
            .record("users", user(2))
            .state("users", cursor(1), 1)
            .state("users", cursor(1), 0)
            .record("users", user(3))
            .state("users", cursor(3), 1)
            .state("users", cursor(4), 0)
            .ok();
    IncrementalChecks.Checkpoints cps = IncrementalChecks.checkpoints(read, USERS);
    assertClean(cps.problems());
    assertEquals(2, cps.usable().size());
    assertEquals(2.0, cps.usable().get(0).recordCount());
    assertEquals(3.0, cps.usable().get(1).cumulativeCount());
    assertEquals(3, cps.totalRecords());
  }

  @Test
  void samplingSkipsFirstAndLastAndKeepsAtMostFive() {
    Out out = Out.out();
    for (int i = 1; i <= 20; i++) {
      out.record("users", user(i)).state("users", cursor(i), 1);
    }
    List<IncrementalChecks.Checkpoint> sample =
        IncrementalChecks.sample(IncrementalChecks.checkpoints(out.ok(), USERS).usable());
    assertEquals(5, sample.size());
    assertEquals(1, sample.get(0).position());
    assertEquals(18, sample.get(4).position());
  }

  @Test
  void resumingFromEveryCheckpointOfAGoodSourcePasses() {
    RunResult full = fullRead();
    IncrementalChecks.Checkpoints cps = IncrementalChecks.checkpoints(full, USERS);
    for (IncrementalChecks.Checkpoint cp : IncrementalChecks.sample(cps.usable())) {
      int cursor = cp.state().path("stream").path("stream_state").path("cursor").asInt();
      assertClean(IncrementalChecks.resumedRead(USERS, full, cps, cp, resumedFrom(cursor)));
    }
  }

  @Test
  void readSequentialSlicesIgnoredState() {
    RunResult full = fullRead();
    IncrementalChecks.Checkpoints cps = IncrementalChecks.checkpoints(full, USERS);
    IncrementalChecks.Checkpoint cp = IncrementalChecks.sample(cps.usable()).get(0);
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
            IncrementalChecks.resumedRead(USERS, full, cps, cp, fullRead())),
        "state was ignored");
  }

  @Test
  void readSequentialSlicesSkippedRecords() {
    RunResult full = fullRead();
    IncrementalChecks.Checkpoints cps = IncrementalChecks.checkpoints(full, USERS);
    IncrementalChecks.Checkpoint cp = IncrementalChecks.sample(cps.usable()).get(0);
    // resuming after cursor 4 must return ≥ 10 − 4 records; this one returns only the last two
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
            IncrementalChecks.resumedRead(USERS, full, cps, cp, resumedFrom(9))),
        "expected at least 6");
    assertFlags(
        Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
        IncrementalChecks.resumedRead(USERS, full, cps, cp, RunResult.of(1, "")));
  }

  @Test
  void readSequentialSlicesNeedsUsableCheckpoints() {
    RunResult zeroCounts = Out.out().record("users", user(1)).state("users", cursor(1), 0).ok();
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
            IncrementalChecks.checkpoints(zeroCounts, USERS).problems()),
        "no usable checkpoint");
    RunResult noState = Out.out().record("users", user(1)).ok();
    assertFlags(
        Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
        IncrementalChecks.checkpoints(noState, USERS).problems());
    assertFlags(
        Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
        IncrementalChecks.checkpoints(RunResult.of(1, ""), USERS).problems());
    // an empty stream has nothing to check
    assertClean(
        IncrementalChecks.checkpoints(Out.out().state("users", cursor(0), 0).ok(), USERS)
            .problems());
  }

  @Test
  void stateWithAbnormallyLargeValues() {
    assertClean(
        IncrementalChecks.stateWithAbnormallyLargeValues(
            Out.out().statuses("users").state("users", cursor(1), 0).ok()));
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES,
            IncrementalChecks.stateWithAbnormallyLargeValues(fullRead())),
        "no records");
    assertMentions(
        assertFlags(
            Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES,
            IncrementalChecks.stateWithAbnormallyLargeValues(Out.out().statuses("users").ok())),
        "at least one STATE");
    assertFlags(
        Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES,
        IncrementalChecks.stateWithAbnormallyLargeValues(
            Out.out().error("cannot parse state").exit(1)));
  }

  @Test
  void futureStateFromTheCatalog() {
    JsonNode c =
        catalog(
            s -> {
              s.put("namespace", "app");
            });
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.withArray("streams").get(1))
        .set("supported_sync_modes", arr("['full_refresh','incremental']"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.withArray("streams").get(1))
        .set("default_cursor_field", arr("['meta','seq']"));
    JsonNode state = FutureState.forCatalog(c);
    assertEquals(2, state.size());
    JsonNode users = state.get(0);
    assertEquals("STREAM", users.path("type").asText());
    assertEquals("app", users.path("stream").path("stream_descriptor").path("namespace").asText());
    assertEquals(
        "[\"updated_at\"]",
        users.path("stream").path("stream_state").path("cursor_field").toString());
    assertEquals(
        FutureState.FAR_DATE_TIME,
        users.path("stream").path("stream_state").path("cursor").asText());
    assertEquals(
        FutureState.FAR_INTEGER,
        state.get(1).path("stream").path("stream_state").path("cursor").asLong());
    assertEquals(
        FutureState.FAR_LOCAL_DATE_TIME,
        FutureState.farValue(
                io.c8kit.acceptance.support.Kit.json(
                    "{'type':'string','format':'date-time','airbyte_type':'timestamp_without_timezone'}"))
            .asText());
    assertEquals(
        FutureState.FAR_DATE,
        FutureState.farValue(
                io.c8kit.acceptance.support.Kit.json("{'type':'string','format':'date'}"))
            .asText());
    assertTrue(
        FutureState.farValue(io.c8kit.acceptance.support.Kit.json("{'type':'number'}")).isNumber());
    assertEquals(
        FutureState.FAR_STRING,
        FutureState.farValue(io.c8kit.acceptance.support.Kit.json("{'type':'string'}")).asText());
  }
}
