package io.c8kit.processor.model;

import java.util.List;

/**
 * The destination-only facts: the writer method and its parameter order, the supported sync modes
 * (declaration order) and the reserved keys.
 */
public record DestinationModel(
    String writerMethod,
    List<Param> writerParams,
    List<DestinationSyncMode> syncModes,
    List<String> reservedKeys) {
  public DestinationModel {
    writerParams = List.copyOf(writerParams);
    syncModes = List.copyOf(syncModes);
    reservedKeys = List.copyOf(reservedKeys);
  }
}
