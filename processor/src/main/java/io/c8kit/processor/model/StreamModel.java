package io.c8kit.processor.model;

import java.util.List;
import java.util.Optional;

/** One {@code @Stream} method: the stream's identity, keys, modes and how to call the method. */
public record StreamModel(
    String name,
    String namespace,
    String method,
    RecordTypeModel record,
    List<List<String>> primaryKey,
    Optional<CursorModel> cursor,
    Optional<CursorModel> page,
    List<SourceSyncMode> syncModes,
    boolean ordered,
    int checkpointRecords,
    int checkpointSeconds,
    ReturnKind returnKind,
    List<Param> params) {
  public StreamModel {
    primaryKey = primaryKey.stream().map(List::copyOf).toList();
    syncModes = List.copyOf(syncModes);
    params = List.copyOf(params);
  }
}
