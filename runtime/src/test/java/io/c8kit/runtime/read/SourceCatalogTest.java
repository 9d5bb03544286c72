package io.c8kit.runtime.read;

import static io.c8kit.runtime.read.ReadHarness.catalog;
import static io.c8kit.runtime.read.ReadHarness.configured;
import static io.c8kit.runtime.read.ReadHarness.connector;
import static io.c8kit.runtime.read.ReadHarness.definition;
import static io.c8kit.runtime.read.ReadHarness.emitAll;
import static io.c8kit.runtime.read.ReadHarness.json;
import static io.c8kit.runtime.read.ReadHarness.ordered;
import static io.c8kit.runtime.read.ReadHarness.read;
import static io.c8kit.runtime.read.ReadHarness.rows;
import static io.c8kit.runtime.read.ReadHarness.rowsWithSeq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.read.ReadHarness.Output;
import io.c8kit.runtime.read.ReadHarness.Row;
import io.c8kit.source.DiscoveredStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The discover CATALOG and the checks on a configured catalog. */
class SourceCatalogTest {
  private static final ObjectNode TABLE =
      (ObjectNode)
          json(
              "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"at\":{\"type\":\"string\",\"format\":\"date-time\"}}}");

  private static SourceConnector<String> mixed() {
    return connector(
        definition().stream(ordered("users", 0, emitAll(rowsWithSeq(1L)))).stream(
                rows("pages")
                    .namespace("web")
                    .page("id", CursorType.LONG, Row::id)
                    .reader(emitAll(List.of()))
                    .build())
            .stream(rows("plain").reader(emitAll(List.of())).build())
            .discover(
                config ->
                    List.of(
                        DiscoveredStream.builder("table_a")
                            .namespace("public")
                            .jsonSchema(TABLE)
                            .primaryKey(List.of("id"))
                            .defaultCursorField(List.of("at"))
                            .syncModes(SyncMode.INCREMENTAL, SyncMode.FULL_REFRESH)
                            .build(),
                        DiscoveredStream.builder("table_b").jsonSchema(TABLE).build()),
                (config, ctx) -> {})
            .build());
  }

  @Test
  void catalogOfStaticAndDiscoveredStreams() throws Exception {
    AirbyteCatalog catalog = SourceCatalog.discover(mixed(), "config");
    String schema =
        "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\",\"additionalProperties\":true,"
            + "\"properties\":{\"id\":{\"type\":\"integer\"},\"seq\":{\"type\":[\"integer\",\"null\"]},\"name\":{\"type\":[\"string\",\"null\"]}}}";
    String table = Protocol.toJson(TABLE);
    String expected =
        "{\"type\":\"CATALOG\",\"catalog\":{\"streams\":["
            + "{\"name\":\"users\",\"json_schema\":"
            + schema
            + ",\"supported_sync_modes\":[\"full_refresh\",\"incremental\"],"
            + "\"source_defined_cursor\":true,\"default_cursor_field\":[\"seq\"],\"source_defined_primary_key\":[[\"id\"]],"
            + "\"is_resumable\":true},"
            + "{\"name\":\"pages\",\"json_schema\":"
            + schema
            + ",\"supported_sync_modes\":[\"full_refresh\"],"
            + "\"source_defined_cursor\":false,\"source_defined_primary_key\":[[\"id\"]],\"namespace\":\"web\",\"is_resumable\":true},"
            + "{\"name\":\"plain\",\"json_schema\":"
            + schema
            + ",\"supported_sync_modes\":[\"full_refresh\"],"
            + "\"source_defined_cursor\":false,\"source_defined_primary_key\":[[\"id\"]],\"is_resumable\":false},"
            + "{\"name\":\"table_a\",\"json_schema\":"
            + table
            + ",\"supported_sync_modes\":[\"full_refresh\",\"incremental\"],"
            + "\"source_defined_cursor\":false,\"default_cursor_field\":[\"at\"],\"source_defined_primary_key\":[[\"id\"]],"
            + "\"namespace\":\"public\",\"is_resumable\":true},"
            + "{\"name\":\"table_b\",\"json_schema\":"
            + table
            + ",\"supported_sync_modes\":[\"full_refresh\"],"
            + "\"source_defined_cursor\":false,\"is_resumable\":false}]}}";
    assertEquals(json(expected), json(Protocol.toJson(AirbyteMessage.catalog(catalog))));
  }

  @Test
  void duplicateStaticNamesAreRejected() {
    SourceConnector<String> c =
        connector(ordered("users", 0, emitAll(List.of())), ordered("users", 0, emitAll(List.of())));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SourceCatalog.discover(c, "config"));
    assertTrue(e.getMessage().contains("users"));
  }

  @Test
  void discoveredNameCollidingWithAStaticOneIsRejected() {
    SourceConnector<String> c =
        connector(
            definition().stream(ordered("users", 0, emitAll(List.of())))
                .discover(
                    config ->
                        List.of(
                            DiscoveredStream.builder("users")
                                .namespace("public")
                                .jsonSchema(TABLE)
                                .build()),
                    (config, ctx) -> {})
                .build());
    ConfigException e =
        assertThrows(ConfigException.class, () -> SourceCatalog.discover(c, "config"));
    assertTrue(e.getMessage().contains("public.users"), e.getMessage());
  }

  @Test
  void missingSchemaResourceIsReported() {
    SourceConnector<String> c =
        connector(rows("x").schemaResource("/nope/x.json").reader(emitAll(List.of())).build());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SourceCatalog.discover(c, "config"));
    assertTrue(e.getMessage().contains("/nope/x.json"));
  }

  @Test
  void unknownStreamIsAConfigError() {
    Output out =
        read(
            mixed(),
            catalog(configured("__AIRBYTE__stream_that_does_not_exist", SyncMode.FULL_REFRESH)),
            null);
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(e.getMessage().contains("__AIRBYTE__stream_that_does_not_exist"), e.getMessage());
    assertTrue(e.getMessage().contains("users"), "lists the known streams: " + e.getMessage());
    assertEquals(List.of(), out.messages());
  }

  @Test
  void streamConfiguredTwiceIsAConfigError() {
    Output out =
        read(
            mixed(),
            catalog(
                configured("users", SyncMode.FULL_REFRESH),
                configured("users", SyncMode.INCREMENTAL)),
            null);
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(
        e.getMessage().contains("users") && e.getMessage().contains("twice"), e.getMessage());
  }

  @Test
  void unsupportedSyncModeIsAConfigError() {
    Output out = read(mixed(), catalog(configured("plain", SyncMode.INCREMENTAL)), null);
    ConfigException e = assertInstanceOf(ConfigException.class, out.error());
    assertTrue(
        e.getMessage().contains("plain") && e.getMessage().contains("incremental"), e.getMessage());
  }

  @Test
  void wrongNamespaceIsUnknown() {
    Output out = read(mixed(), catalog(configured("pages", "other", SyncMode.FULL_REFRESH)), null);
    assertInstanceOf(ConfigException.class, out.error());
  }

  @Test
  void laterStreamErrorsStopTheReadBeforeAnyStreamStarts() {
    Output out =
        read(
            mixed(),
            catalog(
                configured("users", SyncMode.INCREMENTAL),
                configured("nope", SyncMode.FULL_REFRESH)),
            null);
    assertInstanceOf(ConfigException.class, out.error());
    assertEquals(List.of(), out.messages());
  }

  @Test
  void missingSyncModeMeansFullRefresh() {
    Output out = read(mixed(), catalog(configured("plain", null)), null).ok();
    assertEquals("SRTC", out.events("plain"));
  }
}
