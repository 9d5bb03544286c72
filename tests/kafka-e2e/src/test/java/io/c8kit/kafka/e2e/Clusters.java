package io.c8kit.kafka.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * The in-process cluster every test class starts once (a KRaft broker and distributed workers that
 * load the examples' plugins from plugin.path with service_load and run exactly-once sources), and
 * the helpers the classes share, so that each class only says what it runs.
 */
final class Clusters {
  private Clusters() {}

  /**
   * Starts a cluster of {@code workers} workers; {@code extra} adds or overrides worker settings.
   */
  static EmbeddedConnectCluster start(String name, int workers, Map<String, String> extra) {
    String plugins = System.getProperty("c8kit.kafka.plugins");
    for (String dir : plugins.split(",")) {
      if (!new File(dir).isDirectory()) {
        throw new IllegalStateException(
            "No Kafka Connect plugin at "
                + dir
                + ": build the examples first (mvn package in examples/)");
      }
    }
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    Map<String, String> worker = new HashMap<>();
    worker.put("plugin.path", plugins);
    worker.put("plugin.discovery", "service_load");
    worker.put("exactly.once.source.support", "enabled");
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("consumer.isolation.level", "read_committed");
    worker.putAll(extra);
    EmbeddedConnectCluster connect =
        new EmbeddedConnectCluster.Builder()
            .name(name)
            .numWorkers(workers)
            .numBrokers(1)
            .brokerProps(broker)
            .workerProps(worker)
            .build();
    connect.start();
    return connect;
  }

  /**
   * The settings of a faker source of {@code count} users into {@code faker.users}, exactly once.
   */
  static Map<String, String> fakerUsers(int count, int recordsPerSlice) {
    Map<String, String> source = new HashMap<>();
    source.put("connector.class", "io.c8kit.examples.faker.FakerSourceConnector");
    source.put("tasks.max", "1");
    source.put("count", Integer.toString(count));
    source.put("seed", "7");
    source.put("records_per_slice", Integer.toString(recordsPerSlice));
    source.put("streams", "users");
    source.put("topic.prefix", "faker.");
    source.put("exactly.once.support", "required");
    source.put("transaction.boundary", "connector");
    source.put("topic.creation.default.replication.factor", "1");
    source.put("topic.creation.default.partitions", "1");
    json(source, "key");
    json(source, "value");
    return source;
  }

  /** The settings of a SQLite sink of {@code faker.users} into {@code db}, latest row per id. */
  static Map<String, String> sqliteUsers(Path db) {
    Map<String, String> sink = new HashMap<>();
    sink.put("connector.class", "io.c8kit.examples.sqlite.SqliteSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", "faker.users");
    sink.put("topic.prefix", "faker.");
    sink.put("destination_path", db.toString());
    sink.put("sync.mode", "append_dedup");
    sink.put("primary.key", "id");
    json(sink, "key");
    json(sink, "value");
    return sink;
  }

  /** The validate endpoint's errors by field name. */
  static Map<String, List<String>> errors(ConfigInfos result) {
    Map<String, List<String>> errors = new TreeMap<>();
    for (ConfigInfo info : result.configs()) {
      if (!info.configValue().errors().isEmpty()) {
        errors.put(info.configValue().name(), info.configValue().errors());
      }
    }
    return errors;
  }

  /** Schemaless JSON for the key or value converter. */
  static void json(Map<String, String> config, String which) {
    config.put(which + ".converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put(which + ".converter.schemas.enable", "false");
  }

  /** Rows and distinct ids of the {@code users} table in {@code db} (zeros before it exists). */
  static long[] sqliteUserCounts(Path db) throws Exception {
    if (!Files.exists(db)) {
      return new long[] {0, 0};
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      ResultSet tables = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'users'");
      if (tables.getLong(1) == 0) {
        return new long[] {0, 0};
      }
      ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count(DISTINCT json_extract(_airbyte_data, '$.id')) FROM users");
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /**
   * Waits until the SQLite table holds {@code distinct} ids, or the timeout; returns the last
   * counts.
   */
  static long[] awaitSqliteUsers(Path db, long distinct, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    long[] counts = sqliteUserCounts(db);
    while (counts[1] < distinct && System.currentTimeMillis() < deadline) {
      Thread.sleep(1_000);
      counts = sqliteUserCounts(db);
    }
    return counts;
  }
}
