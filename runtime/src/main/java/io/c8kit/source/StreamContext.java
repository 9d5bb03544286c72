package io.c8kit.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.SyncMode;
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
}
