package io.c8kit.pipeline;

import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import java.util.List;
import java.util.Set;

/**
 * Turns a discovered catalog into the configured catalog a platform would send, with the same
 * defaults as Airbyte's UI: incremental + append_dedup where the source defines a cursor and a
 * primary key, incremental + append with a cursor only, otherwise full refresh + overwrite; plus the
 * sync and generation ids that drive refresh semantics.
 */
final class CatalogConfigurer {
  private CatalogConfigurer() {}

  /**
   * @param selected stream names to keep; empty keeps all
   * @param forceFullRefresh read every stream in full refresh + overwrite
   * @param syncId this run's number
   * @param generationId this run's generation
   */
  static ConfiguredAirbyteCatalog configure(
      AirbyteCatalog catalog, Set<String> selected, boolean forceFullRefresh, long syncId,
      long generationId) {
    ConfiguredAirbyteCatalog configured = new ConfiguredAirbyteCatalog();
    for (AirbyteStream stream : catalog.streams) {
      if (!selected.isEmpty() && !selected.contains(stream.name)) {
        continue;
      }
      ConfiguredAirbyteStream cs = new ConfiguredAirbyteStream();
      cs.stream = stream;
      List<String> cursor = stream.defaultCursorField == null ? List.of() : stream.defaultCursorField;
      List<List<String>> pk = stream.sourceDefinedPrimaryKey == null
          ? List.of() : stream.sourceDefinedPrimaryKey;
      boolean incremental = !forceFullRefresh && !cursor.isEmpty()
          && stream.supportedSyncModes != null
          && stream.supportedSyncModes.contains(SyncMode.INCREMENTAL);
      if (incremental) {
        cs.syncMode = SyncMode.INCREMENTAL;
        cs.cursorField = cursor;
        cs.destinationSyncMode = pk.isEmpty() ? DestinationSyncMode.APPEND
            : DestinationSyncMode.APPEND_DEDUP;
      } else {
        cs.syncMode = SyncMode.FULL_REFRESH;
        cs.destinationSyncMode = DestinationSyncMode.OVERWRITE;
      }
      cs.primaryKey = pk;
      cs.syncId = syncId;
      cs.generationId = generationId;
      // A truncating sync replaces older generations; an incremental one keeps them (Airbyte's rule).
      cs.minimumGenerationId = cs.destinationSyncMode == DestinationSyncMode.OVERWRITE
          ? generationId : 0L;
      configured.streams.add(cs);
    }
    if (configured.streams.isEmpty()) {
      throw new PipelineException("no stream selected; the source offers: "
          + catalog.streams.stream().map(s -> s.name).toList());
    }
    return configured;
  }
}
