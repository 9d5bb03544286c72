package io.c8kit.singer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A stream the tap can sync, as the engine's discovery describes it (static and {@code @Discover}
 * streams alike), in the terms the Singer catalog needs.
 *
 * @param namespace null when the stream has none
 * @param keyProperties top-level primary key fields, in key order
 * @param defaultCursor the source-defined cursor path, or empty
 * @param sourceDefinedCursor true when the cursor cannot be changed
 */
record TapStream(
    String name,
    String namespace,
    ObjectNode schema,
    List<String> keyProperties,
    List<String> defaultCursor,
    boolean sourceDefinedCursor,
    boolean fullTable,
    boolean incremental) {

  /** {@code namespace-name} as pipelinewise taps name streams of a schema, or the name alone. */
  String tapStreamId() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "-" + name;
  }

  /** The replication key Singer names: the cursor's dotted path. */
  String replicationKey() {
    return String.join(".", defaultCursor);
  }
}
