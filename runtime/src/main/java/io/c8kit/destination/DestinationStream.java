package io.c8kit.destination;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.protocol.SyncMode;
import java.util.List;
import java.util.Objects;

/**
 * One configured stream as a destination sees it: identity, schema, modes, keys and the generation
 * ids that drive overwrite and refresh semantics.
 *
 * @param name stream name (any UTF-8; sanitize before using it as an identifier)
 * @param namespace namespace or {@code null}
 * @param jsonSchema the stream's JSON schema
 * @param syncMode the source sync mode
 * @param destinationSyncMode how to apply the stream
 * @param primaryKey primary key paths (required for {@code append_dedup})
 * @param cursorField cursor path ordering duplicates in {@code append_dedup}; may be empty
 * @param generationId current generation, 0 when the platform sends none
 * @param minimumGenerationId rows of lower generations are deleted when the stream completes
 * @param syncId the platform's job id, 0 when absent
 */
public record DestinationStream(
    String name,
    String namespace,
    ObjectNode jsonSchema,
    SyncMode syncMode,
    DestinationSyncMode destinationSyncMode,
    List<List<String>> primaryKey,
    List<String> cursorField,
    long generationId,
    long minimumGenerationId,
    long syncId) {

  public DestinationStream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    Objects.requireNonNull(destinationSyncMode, "destinationSyncMode");
    primaryKey = primaryKey == null ? List.of() : primaryKey.stream().map(List::copyOf).toList();
    cursorField = cursorField == null ? List.of() : List.copyOf(cursorField);
  }

  /** True when this sync replaces earlier data: overwrite, or a truncating refresh. */
  public boolean truncates() {
    return destinationSyncMode == DestinationSyncMode.OVERWRITE
        || (minimumGenerationId > 0 && minimumGenerationId == generationId);
  }

  /** {@code namespace.name}, or {@code name}, for messages. */
  public String displayName() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }
}
