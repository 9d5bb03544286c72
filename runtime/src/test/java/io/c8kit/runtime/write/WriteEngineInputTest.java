package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.lines;
import static io.c8kit.runtime.write.WriteHarness.record;
import static io.c8kit.runtime.write.WriteHarness.status;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static io.c8kit.runtime.write.WriteHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.runtime.write.WriteHarness.RecordingWriter;
import io.c8kit.runtime.write.WriteHarness.Run;
import io.c8kit.runtime.write.WriteHarness.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing stdin: line splitting, ignored message types, fatal input, catalog validation. */
class WriteEngineInputTest {

  private static Run run(String input, String... streams) {
    Timeline timeline = new Timeline();
    return WriteHarness.run(
        connector((c, ctx) -> new RecordingWriter(timeline)),
        catalog(streams.length == 0 ? new String[] {stream("a", "append")} : streams),
        input,
        WriteOptions.defaults(),
        timeline);
  }

  @Test
  void logTraceControlAndUnknownTypesAreIgnored() {
    String input =
        lines(
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hello\"}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"x\"}}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1,\"estimate\":{\"name\":\"a\",\"type\":\"STREAM\"}}}",
            "{\"type\":\"TRACE\",\"trace\":{\"type\":\"SOMETHING_NEW\",\"emitted_at\":1}}",
            "{\"type\":\"TRACE\",\"trace\":\"not even an object\"}",
            "{\"type\":\"CONTROL\",\"control\":{\"type\":\"CONNECTOR_CONFIG\",\"emitted_at\":1,\"connectorConfig\":{\"config\":{}}}}",
            "{\"type\":\"SPEC\",\"spec\":{}}",
            "{\"type\":\"BRAND_NEW_TYPE\",\"brand_new_type\":{\"a\":[1,2,3]}}",
            "{\"no_type\":true}",
            "",
            "   \t ",
            record("a", 1),
            "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"bye\"},\"record\":{\"stream\":\"zzz\"}}",
            streamState("a", "{\"c\":1}"));
    Run run = run(input);
    assertNull(run.failure);
    assertEquals(1, run.stats.records);
    assertEquals(1, run.states().size());
    assertTrue(run.timeline.writerEvents().contains("write a [1]"));
    // none of the ignored lines came back out: only the state and the summary LOG
    assertEquals(0, run.output("TRACE").size());
  }

  @Test
  void linesMaySeparateWithCrOrCrLf() {
    String input =
        record("a", 1)
            + "\r"
            + record("a", 2)
            + "\r\n"
            + record("a", 3)
            + "\n\r\n"
            + streamState("a", "{\"c\":3}")
            + "\r"
            + record("a", 4);
    Run run = run(input);
    assertNull(run.failure);
    assertEquals(4, run.stats.records);
    assertEquals(1, run.states().size());
  }

  @Test
  void lineNumbersCountCrLfOnceAndBareCrAsABreak() {
    // line 1 \r\n line 2 \r line 3 \n line 4 (broken)
    String input =
        record("a", 1) + "\r\n" + record("a", 2) + "\r" + "\r\n" + "{\"type\":\"RECORD\",";
    Run run = run(input);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(4, e.lineNumber());
    assertTrue(
        e.getMessage().startsWith("Invalid input on stdin line 4: malformed JSON"), e.getMessage());
  }

  @Test
  void aLineSplitAcrossReadsIsReassembled() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      big.append("0123456789abcdef");
    }
    String line =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1,\"s\":\""
            + big
            + "\"},\"emitted_at\":1}}";
    Timeline timeline = new Timeline();
    List<String> seen = new ArrayList<>();
    RecordingWriter writer =
        new RecordingWriter(timeline) {
          @Override
          public void write(
              DestinationStream stream, List<io.c8kit.destination.DestinationRecord> batch)
              throws Exception {
            batch.forEach(r -> seen.add(r.data().path("s").asText()));
            super.write(stream, batch);
          }
        };
    for (boolean thread : new boolean[] {true, false}) {
      seen.clear();
      Run run =
          WriteHarness.run(
              connector((c, ctx) -> writer),
              catalog(stream("a", "append")),
              lines(line, line, line),
              WriteOptions.defaults().withClock(System::nanoTime, thread),
              timeline);
      assertNull(run.failure);
      assertEquals(List.of(big.toString(), big.toString(), big.toString()), seen);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}} trailing",
        "not json at all",
        "[1,2,3]",
        "{\"type\":\"LOG\",\"log\":{\"message\":\"unterminated}}"
      })
  void malformedJsonIsFatalAndNamesTheLine(String bad) {
    Run run = run(lines(record("a", 1), streamState("a", "{}"), bad, record("a", 2)));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().startsWith("Invalid input on stdin line 3"), e.getMessage());
  }

  @Test
  void errorMessagesQuoteAtMost200CharactersOfTheLine() {
    String secret = "SECRET-AT-THE-END";
    StringBuilder filler = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      filler.append("x");
    }
    String bad =
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":[\""
            + filler
            + secret
            + "\"],\"emitted_at\":1}}";
    Run run = run(lines(bad));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertTrue(
        e.getMessage().contains("\"data\" must be a JSON object, got an array"), e.getMessage());
    assertTrue(e.getMessage().contains("records are never skipped"), e.getMessage());
    assertFalse(e.getMessage().contains(secret));
    assertTrue(e.getMessage().length() < 500, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"RECORD\",\"record\":{\"data\":{\"i\":1},\"emitted_at\":1}}|RECORD has no \"stream\"",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"emitted_at\":1}}|RECORD has no \"data\" object",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{}}}|RECORD has no \"emitted_at\"",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":\"x\",\"emitted_at\":1}}|\"data\" must be a JSON object, got a string",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":7,\"data\":{},\"emitted_at\":1}}|\"stream\" must be a string",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"a\",\"data\":{},\"emitted_at\":\"now\"}}|\"emitted_at\" must be a number",
        "{\"type\":\"RECORD\"}|RECORD message has no \"record\" object",
        "{\"record\":{\"stream\":\"a\",\"data\":{},\"emitted_at\":1}}|message has no \"type\""
      })
  void malformedRecordsAreFatal(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    Run run = run(lines(record("a", 1), parts[0]));
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"STATE\"}|STATE message has no \"state\" object",
        "{\"type\":\"STATE\",\"state\":\"x\"}|\"state\" must be an object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\"}}|STREAM state has no \"stream\" object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_state\":{}}}}|stream_descriptor.name",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\"}}|GLOBAL state has no \"global\" object",
        "{\"type\":\"STATE\",\"state\":{\"type\":\"BOGUS\"}}|malformed STATE",
        "{\"type\":\"STATE\",\"state\":{\"sourceStats\":\"many\"}}|malformed STATE"
      })
  void malformedStatesAreFatal(String caseSpec) {
    String[] parts = caseSpec.split("\\|");
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(record("a", 1), streamState("a", "{}"), parts[0]),
            WriteOptions.defaults(),
            timeline);
    WriteInputException e = assertInstanceOf(WriteInputException.class, run.failure);
    assertEquals(3, e.lineNumber());
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    // what came before the bad line is committed and its state echoed, then the run fails
    assertEquals(List.of("open a", "write a [1]", "close"), timeline.writerEvents());
    assertEquals(1, run.states().size());
  }

  @Test
  void aRecordForAStreamOutsideTheCatalogIsFatalAndNamed() {
    Run run = run(lines(record("a", 1), record("ghost", 2)));
    // the data and the configured catalog disagree: a config error naming the line and the stream
    ConfigException e = assertInstanceOf(ConfigException.class, run.failure);
    assertTrue(
        e.getMessage()
            .startsWith(
                "Invalid input on stdin line 2 (stream \"ghost\"): RECORD for stream"
                    + " \"ghost\", which is not in the configured catalog"),
        e.getMessage());
  }

  @Test
  void namespacesMustMatchButNullAndEmptyAreTheSame() {
    String inNs =
        "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"ns\",\"stream\":\"a\",\"data\":{\"i\":1},\"emitted_at\":1}}";
    String noNs =
        "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"\",\"stream\":\"b\",\"data\":{\"i\":2},\"emitted_at\":1}}";
    Run ok = run(lines(inNs, noNs), stream("a", "ns", "append", ""), stream("b", "append"));
    assertNull(ok.failure);
    assertEquals(2, ok.stats.records);
    Run wrong = run(lines(inNs), stream("a", "append"));
    ConfigException e = assertInstanceOf(ConfigException.class, wrong.failure);
    assertTrue(e.getMessage().contains("\"ns.a\""), e.getMessage());
  }

  @Test
  void appendDedupWithoutPrimaryKeyIsAConfigError() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append_dedup")),
            "",
            WriteOptions.defaults(),
            timeline);
    ConfigException e = assertInstanceOf(ConfigException.class, run.failure);
    assertTrue(e.getMessage().contains("append_dedup needs a primary_key"), e.getMessage());
    assertTrue(timeline.writerEvents().isEmpty(), "writer never opened");
  }

  @Test
  void aSyncModeTheConnectorDoesNotSupportIsAConfigError() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline), DestinationSyncMode.APPEND),
            catalog(stream("a", "append"), stream("b", "overwrite")),
            "",
            WriteOptions.defaults(),
            timeline);
    ConfigException e = assertInstanceOf(ConfigException.class, run.failure);
    assertTrue(
        e.getMessage().contains("\"b\": destination_sync_mode \"overwrite\" is not supported"),
        e.getMessage());
  }

  @Test
  void theWriterSeesGenerationsKeysAndSourceDefinedFallbacks() {
    List<DestinationStream> seen = new ArrayList<>();
    Timeline timeline = new Timeline();
    String s =
        "{\"stream\":{\"name\":\"u\",\"namespace\":\"n\",\"json_schema\":{\"properties\":{}},"
            + "\"supported_sync_modes\":[\"incremental\"],\"source_defined_primary_key\":[[\"id\"]],"
            + "\"default_cursor_field\":[\"updated\"]},\"sync_mode\":\"incremental\","
            + "\"destination_sync_mode\":\"append_dedup\",\"generation_id\":7,\"minimum_generation_id\":7,\"sync_id\":99}";
    Run run =
        WriteHarness.run(
            connector(
                (c, ctx) -> {
                  seen.addAll(ctx.streams());
                  return new RecordingWriter(timeline);
                }),
            catalog(s),
            lines(streamState("u", "{}")),
            WriteOptions.defaults(),
            timeline);
    assertNull(run.failure);
    DestinationStream d = seen.get(0);
    assertEquals(List.of(List.of("id")), d.primaryKey());
    assertEquals(List.of("updated"), d.cursorField());
    assertEquals(7, d.generationId());
    assertEquals(7, d.minimumGenerationId());
    assertEquals(99, d.syncId());
    assertTrue(d.truncates());
    assertEquals("n.u", d.displayName());
  }

  @Test
  void bufferSettingsComeFromPropertiesThenEnvironment() {
    Properties props = new Properties();
    props.setProperty(WriteOptions.FLUSH_RECORDS, "500");
    props.setProperty(WriteOptions.BUFFER_BYTES, "16m");
    WriteOptions o =
        WriteOptions.from(
            props,
            Map.of(
                WriteOptions.FLUSH_RECORDS,
                "9",
                WriteOptions.FLUSH_BYTES,
                "2MiB",
                WriteOptions.FLUSH_SECONDS,
                "1.5"));
    assertEquals(500, o.flushRecords);
    assertEquals(2L << 20, o.flushBytes);
    assertEquals(1_500_000_000L, o.flushNanos);
    assertEquals(16L << 20, o.bufferBytes);
    WriteOptions d = WriteOptions.from(new Properties(), Map.of());
    assertEquals(10_000, d.flushRecords);
    assertEquals(8L << 20, d.flushBytes);
    assertEquals(60_000_000_000L, d.flushNanos);
    assertEquals(64L << 20, d.bufferBytes);
    ConfigException e =
        assertInstanceOf(
            ConfigException.class,
            org.junit.jupiter.api.Assertions.assertThrows(
                ConfigException.class,
                () ->
                    WriteOptions.from(new Properties(), Map.of(WriteOptions.FLUSH_BYTES, "lots"))));
    assertTrue(e.getMessage().contains("C8KIT_FLUSH_BYTES"));
  }

  @Test
  void aStreamStatusWithoutCompleteIsNotACompletion() {
    Timeline timeline = new Timeline();
    Run run =
        WriteHarness.run(
            connector((c, ctx) -> new RecordingWriter(timeline)),
            catalog(stream("a", "append")),
            lines(status("a", "STARTED"), record("a", 1), status("a", "INCOMPLETE")),
            WriteOptions.defaults(),
            timeline);
    assertInstanceOf(io.c8kit.TransientException.class, run.failure);
    assertTrue(
        run.failure.getMessage().contains("without STREAM_STATUS COMPLETE for stream \"a\""),
        run.failure.getMessage());
    assertEquals(List.of("open a", "write a [1]", "close"), timeline.writerEvents());
  }
}
