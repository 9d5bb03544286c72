package io.c8kit.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Airbyte {@code SyncMode}: how a source reads a stream. Wire values are lower case. */
public enum SyncMode {
  FULL_REFRESH("full_refresh"),
  INCREMENTAL("incremental");

  private final String wire;

  SyncMode(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** Parses a wire value; unknown values fail so that a bad catalog is reported, not guessed. */
  @JsonCreator
  public static SyncMode fromWire(String value) {
    for (SyncMode mode : values()) {
      if (mode.wire.equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown sync_mode \"" + value + "\"; expected one of full_refresh, incremental");
  }
}
