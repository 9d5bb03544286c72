package io.c8kit.singer;

import io.c8kit.jdbc.JdbcSyncWriter;
import io.c8kit.jdbc.SqliteDialect;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import java.sql.DriverManager;
import java.util.List;

/** The SQL destination of the examples, by hand: the runtime's JDBC writer on a SQLite file. */
public final class TestDestination extends DestinationConnector<TestDestination.Config> {
  static final ConnectorInfo INFO =
      new ConnectorInfo(
          "singer-sqlite",
          "1.0.0",
          "Singer Sqlite",
          "A test destination.",
          "",
          "",
          ConnectorKind.DESTINATION,
          "/META-INF/c8kit/singer-sqlite/spec.json",
          "");

  record Config(String path) {}

  public TestDestination() {
    super(
        DestinationDefinition.<Config>builder(INFO, c -> new Config(ConfigValues.string(c, "path")))
            .configProperties(List.of())
            .syncModes(
                DestinationSyncMode.APPEND,
                DestinationSyncMode.OVERWRITE,
                DestinationSyncMode.APPEND_DEDUP)
            .writer(
                (config, context) ->
                    new JdbcSyncWriter(
                        () -> DriverManager.getConnection("jdbc:sqlite:" + config.path()),
                        new SqliteDialect(),
                        context))
            .build());
  }
}
