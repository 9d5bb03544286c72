package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Airbyte {@code DestinationSyncMode}: how a destination applies a stream. Wire values are lower
 * case.
 */
public enum DestinationSyncMode {
  APPEND("append"),
  OVERWRITE("overwrite"),
  APPEND_DEDUP("append_dedup"),
  UPDATE("update"),
  SOFT_DELETE("soft_delete");

  private final String wire;

  DestinationSyncMode(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Parses a wire value; unknown values fail so that a bad catalog is reported, not guessed. */
  @JsonCreator
  public static DestinationSyncMode fromWire(String value) {
    for (DestinationSyncMode mode : values()) {
      if (mode.wire.equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown destination_sync_mode \""
            + value
            + "\"; expected one of append, overwrite, append_dedup, update, soft_delete");
  }
}
