package io.c8kit.processor.model;

/**
 * A source stream's sync mode; the constant names are those of {@code
 * io.c8kit.annotations.SyncMode}.
 */
public enum SourceSyncMode {
  FULL_REFRESH,
  INCREMENTAL
}
