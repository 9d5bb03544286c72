package io.c8kit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Configured catalogs built from a discovered one, as a platform (or the pipeline runner) would.
 */
final class Catalogs {
  private Catalogs() {}

  /**
   * Every stream that supports it incremental (source-defined cursor, source-defined primary key)
   * with {@code incrementalMode}; the others full refresh with {@code fullRefreshMode}. An
   * overwrite stream gets {@code minimum_generation_id = generation} (a truncating sync), the
   * others 0.
   */
  static ObjectNode incremental(
      JsonNode catalog, String incrementalMode, String fullRefreshMode, long generation) {
    return build(catalog, false, incrementalMode, fullRefreshMode, generation, Set.of());
  }

  /** Every stream full refresh with {@code destinationMode}. */
  static ObjectNode fullRefresh(JsonNode catalog, String destinationMode, long generation) {
    return build(catalog, true, null, destinationMode, generation, Set.of());
  }

  /** Like {@link #incremental} but only the named streams. */
  static ObjectNode incremental(
      JsonNode catalog,
      String incrementalMode,
      String fullRefreshMode,
      long generation,
      Set<String> only) {
    return build(catalog, false, incrementalMode, fullRefreshMode, generation, only);
  }

  private static ObjectNode build(
      JsonNode catalog,
      boolean forceFullRefresh,
      String incrementalMode,
      String fullRefreshMode,
      long generation,
      Set<String> only) {
    JsonNode streams =
        catalog.has("catalog") ? catalog.get("catalog").get("streams") : catalog.get("streams");
    ObjectNode configured = Messages.JSON.createObjectNode();
    var array = configured.putArray("streams");
    for (JsonNode s : streams) {
      if (!only.isEmpty() && !only.contains(s.get("name").asText())) {
        continue;
      }
      ObjectNode cs = array.addObject();
      cs.set("stream", s);
      boolean incremental =
          !forceFullRefresh
              && s.path("default_cursor_field").size() > 0
              && s.path("supported_sync_modes").toString().contains("\"incremental\"");
      String mode = incremental ? incrementalMode : fullRefreshMode;
      cs.put("sync_mode", incremental ? "incremental" : "full_refresh");
      cs.put("destination_sync_mode", mode);
      if (incremental) {
        cs.set("cursor_field", s.get("default_cursor_field"));
      }
      cs.set(
          "primary_key",
          s.has("source_defined_primary_key")
              ? s.get("source_defined_primary_key")
              : Messages.JSON.createArrayNode());
      cs.put("sync_id", generation);
      cs.put("generation_id", generation);
      cs.put("minimum_generation_id", "overwrite".equals(mode) ? generation : 0);
    }
    return configured;
  }
}
