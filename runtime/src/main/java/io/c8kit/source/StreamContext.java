package io.c8kit.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a stream method may ask about the read in progress: the configured stream, its cursor and
 * where to resume; and how it may tune checkpointing at run time.
 */
public interface StreamContext {
  String streamName();

  /** Namespace, or {@code null} when the stream has none. */
  String namespace();

  SyncMode syncMode();

  /** The stream's JSON schema as configured in the catalog. */
  ObjectNode jsonSchema();

  /** Configured primary key paths; empty when none. */
  List<List<String>> primaryKey();

  /** The cursor field path in effect (source-defined or user-chosen); empty for full refresh. */
  List<String> cursorField();

  /**
   * The inclusive lower bound as its JSON value from the state, for streams whose cursor type is
   * known only at run time (discovered streams); empty for a first or full-refresh read.
   */
  Optional<JsonNode> cursorValue();

  /** The page key (JSON) a resumable full-refresh read restarts after; empty at the start. */
  Optional<JsonNode> pageAfter();

  /** Overrides the checkpoint interval in records for this read (e.g. from a config setting). */
  void checkpointEvery(int records);

  /**
   * Reports that the stream is waiting on the source's rate limit until {@code quotaReset} (null
   * when unknown), so the platform can show it (Airbyte: STREAM_STATUS RUNNING with reason
   * RATE_LIMITED). A context that has no one to tell (a C8 sample) ignores it.
   */
  default void rateLimited(Instant quotaReset) {}

  /**
   * Asks the platform to persist a changed config value, such as a rotated single-use OAuth refresh
   * token (Airbyte: a CONTROL connectorConfig message carrying the whole config with this value
   * replaced). {@code property} is the JSON path of the property, names joined by dots ({@code
   * "credentials.refresh_token"}); the value is masked from then on. A context that cannot persist
   * it logs a warning. Every context implements it (no default): a context that silently dropped a
   * rotated token would lose the only valid one.
   */
  void configChanged(String property, String value);
}
