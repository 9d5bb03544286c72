package io.c8kit.runtime.handwritten;

import io.c8kit.ConfigAttributeType;
import io.c8kit.ConfigException;
import io.c8kit.ConfigProperty;
import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A destination written by hand: keeps committed records in memory, per target. */
public final class HandwrittenDestination
    extends DestinationConnector<HandwrittenDestination.Config> {
  public static final ConnectorInfo INFO =
      new ConnectorInfo(
          "handwritten-destination",
          "0.0.1",
          "Handwritten Destination",
          "Stores records in memory.",
          "",
          "",
          ConnectorKind.DESTINATION,
          "/META-INF/c8kit/handwritten-destination/spec.json",
          "");

  /** Committed records by target name. */
  public static final Map<String, List<String>> STORED = new ConcurrentHashMap<>();

  public record Config(String target, String password) {}

  public HandwrittenDestination() {
    super(
        DestinationDefinition.<Config>builder(
                INFO,
                c ->
                    new Config(
                        ConfigValues.string(c, "target"), ConfigValues.string(c, "password")))
            .configProperties(
                List.of(
                    new ConfigProperty(
                        "target",
                        "Target",
                        ConfigAttributeType.STRING,
                        true,
                        true,
                        "Where records go",
                        "",
                        "")))
            .check(
                config -> {
                  if (config.target().startsWith("bad")) {
                    throw new ConfigException(
                        "no such target " + config.target() + " for " + config.password());
                  }
                })
            .syncModes(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE)
            .reservedKeys("_key", "_id", "_rev")
            .writer(
                (config, context) ->
                    new SyncWriter() {
                      @Override
                      public void write(DestinationStream stream, List<DestinationRecord> batch) {
                        List<String> rows =
                            STORED.computeIfAbsent(
                                config.target(), k -> new CopyOnWriteArrayList<>());
                        for (DestinationRecord r : batch) {
                          rows.add(stream.name() + ":" + r.data());
                        }
                      }
                    })
            .build());
  }
}
