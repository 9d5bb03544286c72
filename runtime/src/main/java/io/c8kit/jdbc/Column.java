package io.c8kit.jdbc;

import java.util.Objects;

/**
 * One column of a destination table.
 *
 * @param name the sanitized, unquoted column name
 * @param type its logical type
 * @param property the top-level JSON property it holds, or {@code null} for the Airbyte metadata
 *     columns and for {@link #RAW_DATA}, which holds the whole record
 */
public record Column(String name, ColumnType type, String property) {
  /**
   * Airbyte metadata: the record's UUID (a time-ordered UUIDv7, so it also sorts by load order).
   */
  public static final String RAW_ID = "_airbyte_raw_id";

  /** Airbyte metadata: the source's {@code emitted_at}. */
  public static final String EXTRACTED_AT = "_airbyte_extracted_at";

  /** Airbyte metadata: when the batch was committed. */
  public static final String LOADED_AT = "_airbyte_loaded_at";

  /** Airbyte metadata: {@code {"sync_id": …, "changes": […]}}. */
  public static final String META = "_airbyte_meta";

  /** Airbyte metadata: the catalog's {@code generation_id}. */
  public static final String GENERATION_ID = "_airbyte_generation_id";

  /** The whole {@code data} object, for streams whose JSON schema declares no properties. */
  public static final String RAW_DATA = "_airbyte_data";

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** True for the Airbyte metadata columns (and the raw-data fallback column). */
  public boolean isMetadata() {
    return property == null;
  }
}
