package com.example.sink;

import io.c8kit.annotations.Destination;
import io.c8kit.annotations.DestinationSyncMode;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Writer;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import java.util.List;

/** A tiny destination; named like TinySource, in another package. */
@Destination(name = "tiny", version = "3.1.0", syncModes = DestinationSyncMode.APPEND)
public class TinyDestination {
  public record Config(@Property(description = "Where.") String path) {}

  @Writer
  SyncWriter open(WriteContext context, Config config) {
    return (DestinationStream stream, List<DestinationRecord> batch) -> {};
  }
}
