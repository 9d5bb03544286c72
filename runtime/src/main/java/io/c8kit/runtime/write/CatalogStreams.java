package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the configured catalog into {@link DestinationStream}s, rejecting what the connector cannot
 * do.
 */
final class CatalogStreams {
  /** What {@code @Destination} declares by default, used when a definition lists no modes. */
  static final List<DestinationSyncMode> DEFAULT_MODES =
      List.of(
          DestinationSyncMode.APPEND,
          DestinationSyncMode.OVERWRITE,
          DestinationSyncMode.APPEND_DEDUP);

  private CatalogStreams() {}

  static List<DestinationStream> of(
      ConfiguredAirbyteCatalog catalog, List<DestinationSyncMode> supported) {
    if (catalog == null || catalog.streams == null) {
      throw new ConfigException("the configured catalog has no \"streams\" array");
    }
    List<DestinationSyncMode> modes =
        supported == null || supported.isEmpty() ? DEFAULT_MODES : supported;
    List<DestinationStream> out = new ArrayList<>(catalog.streams.size());
    Set<StreamKey> seen = new HashSet<>();
    int i = 0;
    for (ConfiguredAirbyteStream cs : catalog.streams) {
      String where = "catalog stream #" + (i++ + 1);
      if (cs == null || cs.stream == null) {
        throw new ConfigException(where + " has no \"stream\" object");
      }
      AirbyteStream s = cs.stream;
      if (s.name == null) {
        throw new ConfigException(where + " has no stream name");
      }
      String display =
          s.namespace == null || s.namespace.isEmpty() ? s.name : s.namespace + "." + s.name;
      where = "catalog stream \"" + display + "\"";
      if (!seen.add(StreamKey.of(s.namespace, s.name))) {
        throw new ConfigException(where + " appears twice in the configured catalog");
      }
      if (!(s.jsonSchema instanceof ObjectNode schema)) {
        throw new ConfigException(where + " has no json_schema object");
      }
      DestinationSyncMode mode =
          cs.destinationSyncMode == null ? DestinationSyncMode.APPEND : cs.destinationSyncMode;
      if (!modes.contains(mode)) {
        throw new ConfigException(
            where
                + ": destination_sync_mode \""
                + mode.wire()
                + "\" is not supported by this destination (supported: "
                + String.join(", ", modes.stream().map(DestinationSyncMode::wire).toList())
                + ")");
      }
      List<List<String>> pk = cs.primaryKey;
      if ((pk == null || pk.isEmpty()) && s.sourceDefinedPrimaryKey != null) {
        pk = s.sourceDefinedPrimaryKey;
      }
      pk = pk == null ? List.of() : pk.stream().filter(p -> p != null && !p.isEmpty()).toList();
      if (mode == DestinationSyncMode.APPEND_DEDUP && pk.isEmpty()) {
        throw new ConfigException(
            where + ": destination_sync_mode append_dedup needs a primary_key");
      }
      List<String> cursor = cs.cursorField;
      if ((cursor == null || cursor.isEmpty()) && s.defaultCursorField != null) {
        cursor = s.defaultCursorField;
      }
      long generation = nonNegative(cs.generationId, where, "generation_id");
      long minimum = nonNegative(cs.minimumGenerationId, where, "minimum_generation_id");
      if (minimum > generation && generation > 0) {
        throw new ConfigException(
            where
                + ": minimum_generation_id "
                + minimum
                + " is greater than generation_id "
                + generation);
      }
      out.add(
          new DestinationStream(
              s.name,
              s.namespace,
              schema,
              cs.syncMode == null ? SyncMode.FULL_REFRESH : cs.syncMode,
              mode,
              pk,
              cursor,
              generation,
              minimum,
              nonNegative(cs.syncId, where, "sync_id")));
    }
    return List.copyOf(out);
  }

  private static long nonNegative(Long v, String where, String field) {
    if (v == null) {
      return 0;
    }
    if (v < 0) {
      throw new ConfigException(where + ": " + field + " must not be negative");
    }
    return v;
  }

  /**
   * A stream's identity for lookups. A missing namespace and {@code ""} are the same: records,
   * states and statuses are matched to catalog streams that way.
   */
  record StreamKey(String namespace, String name) {
    static StreamKey of(String namespace, String name) {
      return new StreamKey(namespace == null ? "" : namespace, name);
    }

    // Hand-written: a record's generated equals/hashCode bootstrap method handles on first use,
    // which costs every connector start-up (benchmarks/FINDINGS.md, finding 7).
    @Override
    public boolean equals(Object o) {
      return o instanceof StreamKey k
          && Objects.equals(k.namespace, namespace)
          && Objects.equals(k.name, name);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(namespace) + Objects.hashCode(name);
    }
  }
}
