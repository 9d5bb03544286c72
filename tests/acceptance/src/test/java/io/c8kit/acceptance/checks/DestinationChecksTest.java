package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.acceptance.checks.DestinationTestData.Messages;
import io.c8kit.acceptance.support.Out;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationChecksTest {
  static final StreamKey USERS = StreamKey.of("users");
  static final StreamKey EVENTS = StreamKey.of("events");

  static List<JsonNode> input() {
    return new Messages()
        .records(USERS, DestinationTestData.users(1, 2, "u", 1))
        .state(USERS, DestinationTestData.cursorState("a"))
        .records(EVENTS, DestinationTestData.events(3, "e"))
        .state(EVENTS, Json.object().put("offset", 3))
        .records(USERS, DestinationTestData.users(3, 1, "u", 1))
        .state(USERS, DestinationTestData.cursorState("b"))
        .build();
  }

  /** What a correct destination prints: every state, with destinationStats. */
  static RunResult echo(List<JsonNode> input, double... counts) {
    Out out = Out.out().log("writing");
    int i = 0;
    for (JsonNode m : input) {
      if (m.path("type").asText().equals("STATE")) {
        ObjectNode copy = m.deepCopy();
        ((ObjectNode) copy.get("state"))
            .putObject("destinationStats")
            .put("recordCount", counts[i++]);
        out.message(copy);
      }
    }
    return out.ok();
  }

  @Test
  void spec() {
    assertClean(
        DestinationChecks.spec(
            json("{'connectionSpecification':{},'supported_destination_sync_modes':['append']}")));
    assertFlags(
        Rules.DESTINATION_SPEC, DestinationChecks.spec(json("{'connectionSpecification':{}}")));
    assertFlags(
        Rules.DESTINATION_SPEC,
        DestinationChecks.spec(json("{'supported_destination_sync_modes':[]}")));
    assertEquals(
        List.of("append", "overwrite"),
        DestinationChecks.supportedModes(
            json("{'supported_destination_sync_modes':['append','overwrite']}")));
  }

  @Test
  void generatedInputIsWellFormed() {
    List<JsonNode> in = input();
    assertEquals(2 + 1 + 3 + 1 + 1 + 1 + 2, in.size());
    JsonNode firstState = in.get(2).path("state");
    assertEquals(2.0, firstState.path("sourceStats").path("recordCount").asDouble());
    assertTrue(firstState.has("id"));
    assertEquals(
        "COMPLETE",
        in.get(in.size() - 1).path("trace").path("stream_status").path("status").asText());
    JsonNode catalog =
        DestinationTestData.catalog(
            7, List.of(DestinationTestData.StreamSetup.users("users", null, "overwrite", 3)));
    JsonNode cs = catalog.path("streams").get(0);
    assertEquals(3, cs.path("minimum_generation_id").asInt());
    assertEquals("overwrite", cs.path("destination_sync_mode").asText());
    assertEquals("[[\"id\"]]", cs.path("primary_key").toString());
    assertTrue(SchemaValidation.metaValidate(cs.path("stream").path("json_schema")).isEmpty());
    for (JsonNode row : DestinationTestData.users(1, 8, "u", 1)) {
      assertTrue(
          SchemaValidation.recordValidator(Json.parse(DestinationTestData.USERS_SCHEMA))
              .validate(row)
              .isEmpty(),
          row.toString());
    }
  }

  @Test
  void writeSucceeded() {
    assertClean(DestinationChecks.writeSucceeded(Rules.DESTINATION_SYNC, echo(input(), 2, 3, 1)));
    assertFlags(
        Rules.DESTINATION_SYNC,
        DestinationChecks.writeSucceeded(Rules.DESTINATION_SYNC, Out.out().exit(1)));
    assertFlags(
        Rules.DESTINATION_SYNC,
        DestinationChecks.writeSucceeded(Rules.DESTINATION_SYNC, Out.out().error("x").ok()));
  }

  @Test
  void sameRowsToleratesRepresentation() {
    List<JsonNode> expected =
        List.of(json("{'id':1,'score':9.5,'at':'2024-01-01T00:00:00Z','note':null,'o':{'a':1}}"));
    List<JsonNode> actual =
        List.of(
            json(
                "{'id':1.0,'score':9.50,'at':'2024-01-01 00:00:00.000000+00:00','_airbyte_raw_id':'x','o':{'a':1,'b':null}}"));
    assertClean(DestinationChecks.sameRows(Rules.DESTINATION_SYNC, USERS, expected, actual, null));
  }

  @Test
  void sync() {
    List<JsonNode> rows = DestinationTestData.users(1, 3, "u", 1);
    assertClean(
        DestinationChecks.sameRows(
            Rules.DESTINATION_SYNC, USERS, rows, new ArrayList<>(rows), null));
    List<Violation> v =
        assertFlags(
            Rules.DESTINATION_SYNC,
            DestinationChecks.sameRows(
                Rules.DESTINATION_SYNC, USERS, rows, rows.subList(0, 2), null));
    assertMentions(v, "1 expected rows are missing");
    assertMentions(v, "\"id\":3");
    List<JsonNode> changed = new ArrayList<>(rows);
    changed.set(1, ((ObjectNode) rows.get(1).deepCopy()).put("name", "other"));
    assertMentions(
        assertFlags(
            Rules.DESTINATION_SYNC,
            DestinationChecks.sameRows(Rules.DESTINATION_SYNC, USERS, rows, changed, null)),
        "unexpected row");
    List<JsonNode> duplicated = new ArrayList<>(rows);
    duplicated.add(rows.get(0));
    assertFlags(
        Rules.DESTINATION_SYNC,
        DestinationChecks.sameRows(Rules.DESTINATION_SYNC, USERS, rows, duplicated, null));
  }

  @Test
  void secondSyncIncrementalSyncAndDedupCompareTheSameWay() {
    List<JsonNode> rows = DestinationTestData.users(1, 2, "u", 1);
    for (String rule :
        List.of(
            Rules.DESTINATION_SECOND_SYNC,
            Rules.DESTINATION_INCREMENTAL_SYNC,
            Rules.DESTINATION_DEDUP_SYNC,
            Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH)) {
      assertFlags(rule, DestinationChecks.sameRows(rule, USERS, rows, List.of(), null));
    }
    assertFlags(
        Rules.DESTINATION_SECOND_SYNC,
        DestinationChecks.sameRows(
            Rules.DESTINATION_SECOND_SYNC, USERS, rows.subList(1, 2), rows, null));
    assertFlags(
        Rules.DESTINATION_INCREMENTAL_SYNC,
        DestinationChecks.sameRows(
            Rules.DESTINATION_INCREMENTAL_SYNC, USERS, rows, rows.subList(1, 2), null));
    assertFlags(
        Rules.DESTINATION_DEDUP_SYNC,
        DestinationChecks.sameRows(
            Rules.DESTINATION_DEDUP_SYNC,
            USERS,
            rows.subList(0, 1),
            List.of(rows.get(0), rows.get(0)),
            null));
    assertFlags(
        Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH,
        DestinationChecks.sameRows(
            Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH,
            USERS,
            DestinationTestData.users(1, 400, "u", 1),
            rows,
            null));
  }

  @Test
  void specialCharactersAreComparedExactly() {
    List<JsonNode> lines = DestinationTestData.texts(DestinationTestData.LINE_BREAK_VALUES, 1);
    List<JsonNode> mangled = new ArrayList<>();
    for (JsonNode row : lines) {
      mangled.add(
          ((ObjectNode) row.deepCopy()).put("value", row.path("value").asText().replace("\r", "")));
    }
    assertFlags(
        Rules.DESTINATION_LINE_BREAK_CHARACTERS,
        DestinationChecks.sameRows(
            Rules.DESTINATION_LINE_BREAK_CHARACTERS, USERS, lines, mangled, null));
    List<JsonNode> unicode = DestinationTestData.texts(DestinationTestData.UNICODE_VALUES, 101);
    List<JsonNode> ascii = new ArrayList<>();
    for (JsonNode row : unicode) {
      ascii.add(
          ((ObjectNode) row.deepCopy())
              .put("value", row.path("value").asText().replaceAll("[^\\x00-\\x7f]", "?")));
    }
    assertFlags(
        Rules.DESTINATION_UNICODE_CHARACTERS,
        DestinationChecks.sameRows(
            Rules.DESTINATION_UNICODE_CHARACTERS, USERS, unicode, ascii, null));
    assertClean(
        DestinationChecks.sameRows(
            Rules.DESTINATION_UNICODE_CHARACTERS, USERS, unicode, unicode, null));
  }

  @Test
  void normalizerAppliesToRowsReadBack() {
    List<JsonNode> expected = List.of(json("{'id':1,'o':{'a':1}}"));
    List<JsonNode> stored = List.of(json("{'id':1,'o':'{\\'a\\':1}'}".replace("\\'", "\\\"")));
    assertFlags(
        Rules.DESTINATION_SYNC,
        DestinationChecks.sameRows(Rules.DESTINATION_SYNC, USERS, expected, stored, null));
    assertClean(
        DestinationChecks.sameRows(
            Rules.DESTINATION_SYNC,
            USERS,
            expected,
            stored,
            row -> {
              ObjectNode copy = row.deepCopy();
              copy.set("o", Json.parse(row.path("o").asText()));
              return copy;
            }));
  }

  @Test
  void stateEcho() {
    List<JsonNode> in = input();
    assertClean(DestinationChecks.stateEcho(in, echo(in, 2, 3, 1)));
    assertMentions(
        assertFlags(
            Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, echo(in, 2, 3, 3))),
        "recordCount is 3, expected 1");
    // missing a state
    RunResult partial = echo(in, 2, 3, 1);
    RunResult firstTwo =
        RunResult.of(0, partial.messages().get(1).line() + "\n" + partial.messages().get(2).line());
    assertMentions(
        assertFlags(Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, firstTwo)),
        "echoed 2");
    // out of order
    RunResult swapped =
        RunResult.of(
            0,
            partial.messages().get(2).line()
                + "\n"
                + partial.messages().get(1).line()
                + "\n"
                + partial.messages().get(3).line());
    assertMentions(
        assertFlags(Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, swapped)),
        "wrong order");
    // the platform's id dropped
    Out noId = Out.out();
    for (int i = 1; i <= 3; i++) {
      ObjectNode m = partial.messages().get(i).json().deepCopy();
      ((ObjectNode) m.get("state")).remove("id");
      noId.message(m);
    }
    assertFlags(Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, noId.ok()));
    // no destinationStats
    Out noStats = Out.out();
    in.stream().filter(m -> m.path("type").asText().equals("STATE")).forEach(noStats::message);
    assertMentions(
        assertFlags(Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, noStats.ok())),
        "no destinationStats");
  }

  @Test
  void stateEchoCountsGlobalStatesOverAllStreams() {
    List<JsonNode> in = new ArrayList<>();
    for (String line :
        List.of(
            "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"x\":1},\"emitted_at\":1}}",
            "{\"type\":\"RECORD\",\"record\":{\"stream\":\"b\",\"data\":{\"x\":1},\"emitted_at\":1}}",
            "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":1},\"stream_states\":[]}}}")) {
      in.add(Json.parse(line));
    }
    assertClean(DestinationChecks.stateEcho(in, echo(in, 2)));
    assertFlags(Rules.DESTINATION_STATE_ECHO, DestinationChecks.stateEcho(in, echo(in, 1)));
  }

  @Test
  void lastState() {
    List<JsonNode> in = input();
    assertClean(DestinationChecks.lastState(in, echo(in, 2, 3, 1)));
    RunResult partial = echo(in, 2, 3, 1);
    RunResult notLast =
        RunResult.of(0, partial.messages().get(1).line() + "\n" + partial.messages().get(2).line());
    assertFlags(Rules.DESTINATION_LAST_STATE, DestinationChecks.lastState(in, notLast));
    assertMentions(
        assertFlags(Rules.DESTINATION_LAST_STATE, DestinationChecks.lastState(in, Out.out().ok())),
        "no STATE was echoed");
  }
}
