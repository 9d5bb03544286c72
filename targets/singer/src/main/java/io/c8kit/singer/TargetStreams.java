package io.c8kit.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the target knows about each stream from its SCHEMA (and whether it is versioned), and the
 * destination streams a write run is opened with: upsert ({@code append_dedup}) by {@code
 * key_properties}, {@code append} without keys, {@code overwrite} for a versioned full table.
 */
final class TargetStreams {
  /** One stream's latest SCHEMA. */
  record Known(String name, ObjectNode schema, List<String> keys, List<String> bookmarks) {}

  private final Map<String, Known> known = new LinkedHashMap<>();
  private final List<DestinationSyncMode> supported;

  TargetStreams(List<DestinationSyncMode> supported) {
    this.supported = supported;
  }

  /** Records a SCHEMA; returns true when it differs from what the stream had. */
  boolean schema(SingerMessage.Schema s) {
    Known k = new Known(s.stream(), s.schema(), s.keyProperties(), s.bookmarkProperties());
    Known previous = known.put(s.stream(), k);
    return !k.equals(previous);
  }

  Known get(String stream) {
    return known.get(stream);
  }

  /**
   * The destination streams of a run: every stream with a SCHEMA so far.
   *
   * @param versioned streams loaded as a full-table replacement in this run
   */
  List<DestinationStream> destinationStreams(java.util.Set<String> versioned) {
    List<DestinationStream> streams = new ArrayList<>();
    for (Known k : known.values()) {
      DestinationSyncMode mode;
      if (versioned.contains(k.name())) {
        mode = DestinationSyncMode.OVERWRITE;
        require(DestinationSyncMode.OVERWRITE, k, "a full-table replacement (ACTIVATE_VERSION)");
      } else if (!k.keys().isEmpty() && supports(DestinationSyncMode.APPEND_DEDUP)) {
        mode = DestinationSyncMode.APPEND_DEDUP;
      } else {
        mode = DestinationSyncMode.APPEND;
        require(DestinationSyncMode.APPEND, k, "appending records");
      }
      List<List<String>> keys = k.keys().stream().map(List::of).toList();
      List<String> cursor =
          k.bookmarks().size() == 1 && k.schema().path("properties").has(k.bookmarks().get(0))
              ? List.of(k.bookmarks().get(0))
              : List.of();
      streams.add(
          new DestinationStream(
              k.name(),
              null,
              k.schema(),
              mode == DestinationSyncMode.OVERWRITE ? SyncMode.FULL_REFRESH : SyncMode.INCREMENTAL,
              mode,
              mode == DestinationSyncMode.APPEND ? List.of() : keys,
              cursor,
              0,
              0,
              0));
    }
    return streams;
  }

  private boolean supports(DestinationSyncMode mode) {
    return supported.contains(mode);
  }

  private void require(DestinationSyncMode mode, Known k, String what) {
    if (!supports(mode)) {
      throw new ConfigException(
          "Stream \""
              + k.name()
              + "\" needs "
              + what
              + ", but this destination supports only "
              + supported.stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
  }
}
