package io.c8kit.pipeline;

import io.c8kit.protocol.AirbyteCatalog;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a discovered catalog into the configured catalog a platform would send, choosing modes as
 * Airbyte's UI does: the best pair the source stream and the destination both support, in the order
 * incremental + append_dedup (cursor and primary key), incremental + append (cursor), full refresh
 * + overwrite, full refresh + append; a user's {@code stream=mode} override wins when both sides
 * support it; plus the sync and generation ids that drive refresh semantics.
 */
final class CatalogConfigurer {
  /** A sync mode with a destination sync mode, written {@code incremental/append_dedup}. */
  record Mode(SyncMode sync, DestinationSyncMode destination) {
    @Override
    public String toString() {
      return sync.wire() + "/" + destination.wire();
    }
  }

  private static final Mode INCREMENTAL_DEDUP =
      new Mode(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);
  private static final Mode INCREMENTAL_APPEND =
      new Mode(SyncMode.INCREMENTAL, DestinationSyncMode.APPEND);
  private static final Mode FULL_OVERWRITE =
      new Mode(SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE);
  private static final Mode FULL_APPEND =
      new Mode(SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND);

  private CatalogConfigurer() {}

  /** As the full form, for a destination that supports every mode and no overrides. */
  static ConfiguredAirbyteCatalog configure(
      AirbyteCatalog catalog,
      Set<String> selected,
      boolean forceFullRefresh,
      long syncId,
      long generationId) {
    return configure(
        catalog, selected, forceFullRefresh, List.of(), Map.of(), syncId, generationId);
  }

  /**
   * @param selected stream names to keep; empty keeps all
   * @param forceFullRefresh read every stream in full refresh (overwrite where supported)
   * @param destinationModes {@code supported_destination_sync_modes} of the destination's spec;
   *     empty when it declares none (then every mode is assumed)
   * @param overrides stream name → {@code sync_mode}, {@code destination_sync_mode} or both as
   *     {@code incremental/append_dedup}
   * @param syncId this run's number
   * @param generationId this run's generation
   */
  static ConfiguredAirbyteCatalog configure(
      AirbyteCatalog catalog,
      Set<String> selected,
      boolean forceFullRefresh,
      List<DestinationSyncMode> destinationModes,
      Map<String, String> overrides,
      long syncId,
      long generationId) {
    Set<String> unknown = new HashSet<>(overrides.keySet());
    ConfiguredAirbyteCatalog configured = new ConfiguredAirbyteCatalog();
    for (AirbyteStream stream : catalog.streams) {
      if (!selected.isEmpty() && !selected.contains(stream.name)) {
        continue;
      }
      unknown.remove(stream.name);
      List<Mode> possible = possibleModes(stream, destinationModes);
      Mode mode =
          overrides.containsKey(stream.name)
              ? override(stream.name, overrides.get(stream.name), possible)
              : best(stream, possible, forceFullRefresh);
      ConfiguredAirbyteStream cs = new ConfiguredAirbyteStream();
      cs.stream = stream;
      cs.syncMode = mode.sync();
      cs.destinationSyncMode = mode.destination();
      if (mode.sync() == SyncMode.INCREMENTAL) {
        cs.cursorField = cursor(stream);
      }
      cs.primaryKey = primaryKey(stream);
      cs.syncId = syncId;
      cs.generationId = generationId;
      // A truncating sync replaces older generations; an incremental one keeps them (Airbyte's
      // rule).
      cs.minimumGenerationId =
          cs.destinationSyncMode == DestinationSyncMode.OVERWRITE ? generationId : 0L;
      configured.streams.add(cs);
    }
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          "--sync-mode names streams that are not synced: "
              + unknown.stream().sorted().toList()
              + "; the source offers: "
              + catalog.streams.stream().map(s -> s.name).toList());
    }
    if (configured.streams.isEmpty()) {
      throw new PipelineException(
          "no stream selected; the source offers: "
              + catalog.streams.stream().map(s -> s.name).toList());
    }
    return configured;
  }

  /** The pairs both sides support, best first. */
  static List<Mode> possibleModes(
      AirbyteStream stream, List<DestinationSyncMode> destinationModes) {
    boolean incremental =
        !cursor(stream).isEmpty()
            && stream.supportedSyncModes != null
            && stream.supportedSyncModes.contains(SyncMode.INCREMENTAL);
    List<Mode> modes = new ArrayList<>();
    if (incremental && !primaryKey(stream).isEmpty()) {
      modes.add(INCREMENTAL_DEDUP);
    }
    if (incremental) {
      modes.add(INCREMENTAL_APPEND);
    }
    modes.add(FULL_OVERWRITE);
    modes.add(FULL_APPEND);
    modes.removeIf(m -> !destinationModes.isEmpty() && !destinationModes.contains(m.destination()));
    return modes;
  }

  private static Mode best(AirbyteStream stream, List<Mode> possible, boolean forceFullRefresh) {
    for (Mode m : possible) {
      if (!forceFullRefresh || m.sync() == SyncMode.FULL_REFRESH) {
        return m;
      }
    }
    throw new PipelineException(
        "stream " + stream.name + ": the source and the destination share no sync mode");
  }

  /**
   * The first possible pair matching {@code text}: {@code incremental}, {@code append_dedup} or
   * both.
   */
  private static Mode override(String stream, String text, List<Mode> possible) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (Mode m : possible) {
      if (m.toString().equals(wanted)
          || m.sync().wire().equals(wanted)
          || m.destination().wire().equals(wanted)) {
        return m;
      }
    }
    throw new PipelineException(
        "--sync-mode "
            + stream
            + "="
            + text
            + " is not possible for stream "
            + stream
            + "; the source and the destination support: "
            + possible.stream().map(Mode::toString).toList());
  }

  private static List<String> cursor(AirbyteStream stream) {
    return stream.defaultCursorField == null ? List.of() : stream.defaultCursorField;
  }

  private static List<List<String>> primaryKey(AirbyteStream stream) {
    return stream.sourceDefinedPrimaryKey == null ? List.of() : stream.sourceDefinedPrimaryKey;
  }
}
