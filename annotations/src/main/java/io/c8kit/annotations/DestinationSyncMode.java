package io.c8kit.annotations;

/** Destination sync modes a {@link Destination} supports. */
public enum DestinationSyncMode {
  APPEND,
  OVERWRITE,
  APPEND_DEDUP
}
