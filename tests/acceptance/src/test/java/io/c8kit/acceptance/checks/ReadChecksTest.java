package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;
import static io.c8kit.acceptance.support.Kit.goodCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.support.Out;
import io.c8kit.acceptance.target.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadChecksTest {
  static final String USER1 =
      "{\"id\":1,\"name\":\"a\",\"score\":1.5,\"updated_at\":\"2024-01-01T00:00:00Z\"}";
  static final String USER2 =
      "{\"id\":2,\"name\":null,\"updated_at\":\"2024-01-02 10:00:00.123+02:00\",\"tags\":[\"x\"]}";
  static final String ORDER1 = "{\"key\":\"k1\",\"amount\":10,\"meta\":{\"seq\":1}}";

  static JsonNode catalog() {
    return Catalogs.basicRead(goodCatalog(), List.of());
  }

  /** A correct read of both streams. */
  static Out good() {
    return Out.out()
        .status("users", "STARTED")
        .status("users", "RUNNING")
        .record("users", USER1)
        .record("users", USER2)
        .state("users", "{}", 2)
        .status("users", "COMPLETE")
        .status("orders", "STARTED")
        .status("orders", "RUNNING")
        .record("orders", ORDER1)
        .state("orders", "{}", 1)
        .status("orders", "COMPLETE");
  }

  @Test
  void basicReadCatalogFollowsCat() {
    JsonNode c = Catalogs.basicRead(goodCatalog(), List.of("orders"));
    assertEquals(1, c.path("streams").size());
    JsonNode users = c.path("streams").get(0);
    assertEquals("full_refresh", users.path("sync_mode").asText());
    assertEquals("append", users.path("destination_sync_mode").asText());
    assertEquals("[\"updated_at\"]", users.path("cursor_field").toString());
    assertEquals("[[\"id\"]]", users.path("primary_key").toString());
  }

  @Test
  void goodReadPassesEveryRule() {
    RunResult run = good().ok();
    assertClean(ReadChecks.read(run, catalog()));
    assertClean(ReadChecks.emptyStreams(run, catalog()));
    assertClean(ReadChecks.validateSchema(run, catalog()));
    assertClean(ReadChecks.validateRecordsStructure(run, catalog()));
    assertClean(ReadChecks.validatePrimaryKeysDataType(run, catalog()));
    assertClean(ReadChecks.validateStreamStatuses(run, catalog()));
    assertClean(ReadChecks.validateStateMessages(run, catalog()));
  }

  @Test
  void read() {
    assertFlags(
        Rules.BASIC_READ_READ,
        ReadChecks.read(Out.out().statuses("users").state("users", "{}", 0).ok(), catalog()));
    assertFlags(Rules.BASIC_READ_READ, ReadChecks.read(good().exit(1), catalog()));
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_READ,
            ReadChecks.read(good().record("ghosts", "{\"id\":1}").ok(), catalog())),
        "stream 'ghosts'");
  }

  @Test
  void emptyStreams() {
    RunResult onlyUsers =
        Out.out().statuses("users").record("users", USER1).state("users", "{}", 1).ok();
    assertMentions(
        assertFlags(Rules.BASIC_READ_EMPTY_STREAMS, ReadChecks.emptyStreams(onlyUsers, catalog())),
        "orders");
    assertClean(
        ReadChecks.emptyStreams(onlyUsers, Catalogs.basicRead(goodCatalog(), List.of("orders"))));
  }

  @Test
  void validateSchemaTypes() {
    List<Violation> v =
        assertFlags(
            Rules.BASIC_READ_VALIDATE_SCHEMA,
            ReadChecks.validateSchema(
                good()
                    .record("users", "{\"id\":\"three\",\"updated_at\":\"2024-01-01T00:00:00Z\"}")
                    .ok(),
                catalog()));
    assertMentions(v, "stream 'users' record #");
    assertMentions(v, "\"three\"");
  }

  @Test
  void validateSchemaStrictIntegers() {
    // 1.0 passes a plain draft-07 validator but not CAT's strict integer check
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_SCHEMA,
            ReadChecks.validateSchema(
                good().record("users", "{\"id\":1.0,\"updated_at\":\"2024-01-01T00:00:00Z\"}").ok(),
                catalog())),
        "1.0 is not an integer");
    assertFlags(
        Rules.BASIC_READ_VALIDATE_SCHEMA,
        ReadChecks.validateSchema(
            good().record("orders", "{\"key\":\"k\",\"meta\":{\"seq\":2e0}}").ok(), catalog()));
    // a number field accepts an integer
    assertClean(
        ReadChecks.validateSchema(
            good().record("orders", "{\"key\":\"k\",\"amount\":3}").ok(), catalog()));
  }

  @Test
  void validateSchemaDateTimes() {
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_SCHEMA,
            ReadChecks.validateSchema(
                good().record("users", "{\"id\":3,\"updated_at\":\"yesterday\"}").ok(), catalog())),
        "date-time");
    assertFlags(
        Rules.BASIC_READ_VALIDATE_SCHEMA,
        ReadChecks.validateSchema(
            good().record("users", "{\"id\":3,\"updated_at\":\"2024-02-30T00:00:00Z\"}").ok(),
            catalog()));
    assertFlags(
        Rules.BASIC_READ_VALIDATE_SCHEMA,
        ReadChecks.validateSchema(
            good().record("users", "{\"id\":3,\"updated_at\":\"2024-01-01\"}").ok(), catalog()));
  }

  @Test
  void validateSchemaCapsRecordViolations() {
    Out out = good();
    for (int i = 0; i < 30; i++) {
      out.record("users", "{\"id\":\"x" + i + "\",\"updated_at\":\"2024-01-01T00:00:00Z\"}");
    }
    List<Violation> v =
        assertFlags(
            Rules.BASIC_READ_VALIDATE_SCHEMA, ReadChecks.validateSchema(out.ok(), catalog()));
    assertEquals(ReadChecks.MAX_RECORD_VIOLATIONS_PER_STREAM + 1, v.size());
    assertMentions(v, "10 more records");
  }

  @Test
  void validateRecordsStructure() {
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_RECORDS_STRUCTURE,
            ReadChecks.validateRecordsStructure(
                good().record("users", "{\"unknown\":1,\"other\":{\"x\":2}}").ok(), catalog())),
        "none of them");
    assertFlags(
        Rules.BASIC_READ_VALIDATE_RECORDS_STRUCTURE,
        ReadChecks.validateRecordsStructure(good().record("orders", "{}").ok(), catalog()));
  }

  @Test
  void validatePrimaryKeysDataType() {
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE,
            ReadChecks.validatePrimaryKeysDataType(
                good().record("users", "{\"id\":null,\"name\":\"n\"}").ok(), catalog())),
        "null");
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE,
            ReadChecks.validatePrimaryKeysDataType(
                good().record("orders", "{\"key\":{\"a\":1}}").ok(), catalog())),
        "dict");
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE,
            ReadChecks.validatePrimaryKeysDataType(
                good().record("orders", "{\"key\":[1,2]}").ok(), catalog())),
        "list");
  }

  @Test
  void validateStreamStatuses() {
    RunResult noRunning =
        Out.out()
            .status("users", "STARTED")
            .record("users", USER1)
            .status("users", "COMPLETE")
            .state("users", "{}", 1)
            .statuses("orders")
            .record("orders", ORDER1)
            .ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
            ReadChecks.validateStreamStatuses(noRunning, catalog())),
        "[STARTED, COMPLETE]");
    RunResult incomplete =
        Out.out()
            .status("users", "STARTED")
            .status("users", "RUNNING")
            .status("users", "INCOMPLETE")
            .statuses("orders")
            .ok();
    assertFlags(
        Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
        ReadChecks.validateStreamStatuses(incomplete, catalog()));
    RunResult missing = Out.out().statuses("users").ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
            ReadChecks.validateStreamStatuses(missing, catalog())),
        "stream 'orders'");
    RunResult extra = good().statuses("ghosts").ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
            ReadChecks.validateStreamStatuses(extra, catalog())),
        "not configured");
    RunResult runningBeforeStarted =
        Out.out()
            .status("users", "RUNNING")
            .status("users", "STARTED")
            .status("users", "COMPLETE")
            .statuses("orders")
            .ok();
    assertFlags(
        Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
        ReadChecks.validateStreamStatuses(runningBeforeStarted, catalog()));
  }

  @Test
  void validateStateMessages() {
    RunResult tooFew =
        Out.out()
            .statuses("users")
            .record("users", USER1)
            .state("users", "{}", 1)
            .statuses("orders")
            .record("orders", ORDER1)
            .ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STATE_MESSAGES,
            ReadChecks.validateStateMessages(tooFew, catalog())),
        "1 STATE for 2 streams");
    RunResult legacy =
        good()
            .line(
                "{\"type\":\"STATE\",\"state\":{\"data\":{\"users\":1},\"sourceStats\":{\"recordCount\":1.0}}}")
            .ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STATE_MESSAGES,
            ReadChecks.validateStateMessages(legacy, catalog())),
        "LEGACY");
    RunResult noStats =
        good()
            .line(
                "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
                    + "{\"name\":\"users\"},\"stream_state\":{}}}}")
            .ok();
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_VALIDATE_STATE_MESSAGES,
            ReadChecks.validateStateMessages(noStats, catalog())),
        "sourceStats");
  }

  @Test
  void invalidCatalog() {
    JsonNode invalid = Catalogs.invalid();
    assertEquals(
        Catalogs.INVALID_STREAM,
        invalid.path("streams").get(0).path("stream").path("name").asText());
    assertEquals("INVALID", invalid.path("streams").get(0).path("sync_mode").asText());
    assertClean(
        ReadChecks.airbyteTraceMessageOnFailure(
            Out.out().error("unknown sync_mode INVALID").exit(1)));
    assertFlags(
        Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE,
        ReadChecks.airbyteTraceMessageOnFailure(Out.out().log("nothing to read").ok()));
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE,
            ReadChecks.airbyteTraceMessageOnFailure(Out.out().error("reported, but").ok())),
        "non-zero");
    assertFlags(
        Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE,
        ReadChecks.airbyteTraceMessageOnFailure(RunResult.of(1, "", "Exception in thread main")));
  }

  @Test
  void expectRecordsWithPrimaryKeys() {
    List<JsonNode> expected =
        ExpectedRecords.parse(
            "{\"stream\":\"users\",\"data\":{\"id\":1},\"emitted_at\":1}\n\n"
                + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":2}}}\n");
    assertClean(ReadChecks.expectRecords(good().ok(), catalog(), expected, true));
    assertClean(ReadChecks.expectRecords(good().ok(), catalog(), List.of(expected.get(1)), false));
    // exact order: the expected keys must be the first records, in order
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_EXPECT_RECORDS,
            ReadChecks.expectRecords(
                good().ok(), catalog(), List.of(expected.get(1), expected.get(0)), true)),
        "expected primary key [2]");
    List<JsonNode> missing = ExpectedRecords.parse("{\"stream\":\"users\",\"data\":{\"id\":99}}");
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_EXPECT_RECORDS,
            ReadChecks.expectRecords(good().ok(), catalog(), missing, false)),
        "[99]");
  }

  @Test
  void expectRecordsWithoutPrimaryKey() {
    JsonNode noPk =
        Catalogs.basicRead(
            io.c8kit.acceptance.support.Kit.catalog(s -> s.remove("source_defined_primary_key")),
            List.of());
    List<JsonNode> three =
        ExpectedRecords.parse(
            "{\"stream\":\"users\",\"data\":{\"id\":7}}\n"
                + "{\"stream\":\"users\",\"data\":{\"id\":8}}\n{\"stream\":\"users\",\"data\":{\"id\":9}}");
    assertMentions(
        assertFlags(
            Rules.BASIC_READ_EXPECT_RECORDS,
            ReadChecks.expectRecords(good().ok(), noPk, three, false)),
        "at least 3");
    assertClean(ReadChecks.expectRecords(good().ok(), noPk, three.subList(0, 2), true));
  }

  @Test
  void expectedRecordsFileErrorsNameTheLine() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> ExpectedRecords.parse("{\"stream\":\"users\",\"data\":{}}\n{\"data\":{}}"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
