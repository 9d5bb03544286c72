package io.c8kit.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.Protocol;
import io.c8kit.protocol.SyncMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogConfigurerTest {
  private static final String CATALOG =
      """
      {"streams":[
        {"name":"users","json_schema":{"type":"object","properties":{}},
         "supported_sync_modes":["full_refresh","incremental"],"source_defined_cursor":true,
         "default_cursor_field":["updated_at"],"source_defined_primary_key":[["id"]]},
        {"name":"events","json_schema":{"type":"object","properties":{}},
         "supported_sync_modes":["full_refresh","incremental"],"source_defined_cursor":true,
         "default_cursor_field":["at"]},
        {"name":"products","json_schema":{"type":"object","properties":{}},
         "supported_sync_modes":["full_refresh"],"source_defined_primary_key":[["id"]]}
      ]}""";

  private static AirbyteCatalog catalog() throws Exception {
    return Protocol.mapper().readValue(CATALOG, AirbyteCatalog.class);
  }

  @Test
  void picksModesLikeThePlatformDefaults() throws Exception {
    ConfiguredAirbyteCatalog c = CatalogConfigurer.configure(catalog(), Set.of(), false, 7, 7);
    ConfiguredAirbyteStream users = c.streams.get(0);
    assertEquals(SyncMode.INCREMENTAL, users.syncMode);
    assertEquals(DestinationSyncMode.APPEND_DEDUP, users.destinationSyncMode);
    assertEquals(List.of("updated_at"), users.cursorField);
    assertEquals(0L, users.minimumGenerationId);
    ConfiguredAirbyteStream events = c.streams.get(1);
    assertEquals(DestinationSyncMode.APPEND, events.destinationSyncMode);
    ConfiguredAirbyteStream products = c.streams.get(2);
    assertEquals(SyncMode.FULL_REFRESH, products.syncMode);
    assertEquals(DestinationSyncMode.OVERWRITE, products.destinationSyncMode);
    assertEquals(7L, products.minimumGenerationId, "overwrite truncates older generations");
    assertEquals(7L, products.syncId);
  }

  @Test
  void fullRefreshOverridesIncremental() throws Exception {
    ConfiguredAirbyteCatalog c =
        CatalogConfigurer.configure(catalog(), Set.of("users"), true, 1, 1);
    assertEquals(1, c.streams.size());
    assertEquals(SyncMode.FULL_REFRESH, c.streams.get(0).syncMode);
    assertEquals(DestinationSyncMode.OVERWRITE, c.streams.get(0).destinationSyncMode);
  }

  private static String modes(ConfiguredAirbyteCatalog c) {
    return c.streams.stream()
        .map(s -> s.stream.name + "=" + s.syncMode.wire() + "/" + s.destinationSyncMode.wire())
        .toList()
        .toString();
  }

  @Test
  void fallsBackToWhatTheDestinationSupports() throws Exception {
    // Issue 14: append_dedup was picked even for a destination without it, and the sync then
    // failed.
    ConfiguredAirbyteCatalog appendOverwrite =
        CatalogConfigurer.configure(
            catalog(),
            Set.of(),
            false,
            List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE),
            Map.of(),
            1,
            1);
    assertEquals(
        "[users=incremental/append, events=incremental/append, products=full_refresh/overwrite]",
        modes(appendOverwrite));
    ConfiguredAirbyteCatalog overwriteOnly =
        CatalogConfigurer.configure(
            catalog(), Set.of(), false, List.of(DestinationSyncMode.OVERWRITE), Map.of(), 1, 1);
    assertEquals(
        "[users=full_refresh/overwrite, events=full_refresh/overwrite, products=full_refresh/overwrite]",
        modes(overwriteOnly));
    ConfiguredAirbyteCatalog appendOnly =
        CatalogConfigurer.configure(
            catalog(), Set.of(), true, List.of(DestinationSyncMode.APPEND), Map.of(), 1, 1);
    assertEquals(
        "[users=full_refresh/append, events=full_refresh/append, products=full_refresh/append]",
        modes(appendOnly));
    assertEquals(
        0L, appendOnly.streams.get(0).minimumGenerationId, "append keeps older generations");
  }

  @Test
  void overridesPickAModeBothSidesSupport() throws Exception {
    ConfiguredAirbyteCatalog c =
        CatalogConfigurer.configure(
            catalog(),
            Set.of(),
            false,
            List.of(),
            Map.of("users", "full_refresh", "events", "full_refresh/append", "products", "append"),
            1,
            1);
    assertEquals(
        "[users=full_refresh/overwrite, events=full_refresh/append, products=full_refresh/append]",
        modes(c));
    assertEquals(null, c.streams.get(0).cursorField);
    PipelineException impossible =
        assertThrows(
            PipelineException.class,
            () ->
                CatalogConfigurer.configure(
                    catalog(),
                    Set.of(),
                    false,
                    List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE),
                    Map.of("users", "append_dedup"),
                    1,
                    1));
    assertEquals(
        "--sync-mode users=append_dedup is not possible for stream users; the source and the destination"
            + " support: [incremental/append, full_refresh/overwrite, full_refresh/append]",
        impossible.getMessage());
    PipelineException unknown =
        assertThrows(
            PipelineException.class,
            () ->
                CatalogConfigurer.configure(
                    catalog(), Set.of(), false, List.of(), Map.of("userz", "append"), 1, 1));
    assertTrue(
        unknown.getMessage().startsWith("--sync-mode names streams that are not synced: [userz]"),
        unknown.getMessage());
  }

  @Test
  void unknownSelectionNamesTheOfferedStreams() throws Exception {
    PipelineException e =
        assertThrows(
            PipelineException.class,
            () -> CatalogConfigurer.configure(catalog(), Set.of("nope"), false, 1, 1));
    assertTrue(e.getMessage().contains("[users, events, products]"), e.getMessage());
  }

  @Test
  void imageCommandsMapFilesIntoTheMountedWorkDir() {
    Path work = Path.of("/tmp/c8kit-work");
    ConnectorCommand image = ConnectorCommand.of("c8kit/source-faker:dev", work);
    List<String> cmd =
        image.command("read", List.of("--config", "/tmp/c8kit-work/config.json"), false);
    assertEquals(
        List.of(
            "docker",
            "run",
            "--rm",
            "--network",
            "none",
            "-v",
            "/tmp/c8kit-work:/data",
            "c8kit/source-faker:dev",
            "read",
            "--config",
            "/data/config.json"),
        cmd);
    assertThrows(
        PipelineException.class,
        () -> image.command("read", List.of("--config", "/etc/passwd"), false));
  }

  @Test
  void containerPathsOfImagesMapBackToTheWorkDir() {
    Path work = Path.of("/tmp/c8kit-work");
    assertEquals(
        Path.of("/tmp/c8kit-work/faker.sqlite"),
        ConnectorCommand.of("c8kit/destination-sqlite:dev", work).hostPath("/data/faker.sqlite"));
    assertEquals(
        Path.of("rel/faker.sqlite"),
        ConnectorCommand.of("c8kit/destination-sqlite:dev", work).hostPath("rel/faker.sqlite"));
  }

  @Test
  void missingJarIsAClearError() {
    PipelineException e =
        assertThrows(
            PipelineException.class,
            () -> ConnectorCommand.of("/nonexistent/source.jar", Path.of("/tmp")));
    assertTrue(e.getMessage().contains("/nonexistent/source.jar"));
  }
}
