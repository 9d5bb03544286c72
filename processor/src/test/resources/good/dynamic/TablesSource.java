package com.example.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.annotations.Discover;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Read;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.source.DiscoveredStream;
import io.c8kit.source.Emitter;
import io.c8kit.source.StreamContext;
import java.util.List;

/** A source whose tables are discovered at run time, plus one static stream. */
@Source(name = "tables", version = "0.1.0")
public final class TablesSource {
  public record Config(@Property(order = 1) String url, @Secret @Property(order = 0) String password) {}

  public record Heartbeat(long id, String status) {}

  public TablesSource() {}

  @Discover
  List<DiscoveredStream> tables(Config config) {
    return List.of();
  }

  @Read
  void read(StreamContext stream, Emitter<ObjectNode> out, Config config) {}

  @Stream(primaryKey = "id")
  java.util.stream.Stream<Heartbeat> heartbeat(Config config) {
    return java.util.stream.Stream.of(new Heartbeat(1, "ok"));
  }
}
