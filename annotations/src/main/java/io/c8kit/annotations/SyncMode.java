package io.c8kit.annotations;

/**
 * Source sync modes a {@link Stream} supports, written to the catalog's {@code
 * supported_sync_modes}.
 */
public enum SyncMode {
  FULL_REFRESH,
  INCREMENTAL
}
