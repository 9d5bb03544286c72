package com.example.sqlite;

import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Destination;
import io.c8kit.annotations.DestinationSyncMode;
import io.c8kit.annotations.Property;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import java.util.List;

/** Writes records into a SQLite file. */
@Destination(
    name = "sqlite",
    version = "1.2.3",
    description = "Loads records into a local SQLite database.",
    documentationUrl = "https://example.com/docs/destination-sqlite",
    syncModes = {DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND},
    reservedKeys = {"_airbyte_raw_id", "_airbyte_extracted_at"},
    configErrors = java.sql.SQLException.class)
public class SqliteDestination {
  public record Config(
      @Property(description = "Path of the database file.", examples = "/local/data.db") String path,
      @DefaultValue("1000") @Property(minimum = 1) int batchSize) {}

  /** The writer; a subtype of SyncWriter is allowed as return type. */
  static final class Writer implements SyncWriter {
    @Override
    public void write(DestinationStream stream, List<DestinationRecord> batch) {}
  }

  @Check
  void check(Config config) throws java.sql.SQLException {}

  @io.c8kit.annotations.Writer
  Writer open(WriteContext context, Config config) {
    return new Writer();
  }
}
