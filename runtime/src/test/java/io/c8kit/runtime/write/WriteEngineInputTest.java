package io.c8kit.runtime.write;

import static io.c8kit.runtime.write.WriteHarness.catalog;
import static io.c8kit.runtime.write.WriteHarness.connector;
import static io.c8kit.runtime.write.WriteHarness.lines;
import static io.c8kit.runtime.write.WriteHarness.record;
import static io.c8kit.runtime.write.WriteHarness.status;
import static io.c8kit.runtime.write.WriteHarness.stream;
import static io.c8kit.runtime.write.WriteHarness.streamState;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * What the engine checks of its input: catalog validation, namespaces, records outside the catalog,
 * stream statuses, and the buffer settings (the stdin parsing is the Airbyte target's, tested
 * there).
 */
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
