package io.c8kit.processor.model;

import java.util.Locale;

/**
 * A destination sync mode; the constant names are those of {@code
 * io.c8kit.annotations.DestinationSyncMode}.
 */
public enum DestinationSyncMode {
  APPEND,
  OVERWRITE,
  APPEND_DEDUP;

  /** The protocol's spelling, as in {@code supported_destination_sync_modes}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * True for the modes that keep earlier data, which the spec announces as {@code
   * supportsIncremental}.
   */
  public boolean incremental() {
    return this != OVERWRITE;
  }
}
