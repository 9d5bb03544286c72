package io.c8kit.kafka.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * source-faker and destination-sqlite as Kafka Connect plugins, loaded from plugin.path with
 * plugin.discovery=service_load by one in-process distributed worker over one KRaft broker with
 * exactly-once sources enabled. One cluster for the class: starting it is the slow part.
 */
class FakerToSqliteClusterTest {
  private static EmbeddedConnectCluster connect;
  private static Path work;

  @BeforeAll
  static void startCluster() throws Exception {
    String plugins = System.getProperty("c8kit.kafka.plugins");
    for (String dir : plugins.split(",")) {
      if (!new File(dir).isDirectory()) {
        throw new IllegalStateException("No Kafka Connect plugin at " + dir
            + ": build the examples first (mvn package in examples/)");
      }
    }
    work = Files.createTempDirectory("c8kit-kafka-e2e");
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    Map<String, String> worker = new HashMap<>();
    worker.put("plugin.path", plugins);
    worker.put("plugin.discovery", "service_load");
    worker.put("exactly.once.source.support", "enabled");
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("consumer.isolation.level", "read_committed");
    connect = new EmbeddedConnectCluster.Builder().name("c8kit").numWorkers(1).numBrokers(1)
        .brokerProps(broker).workerProps(worker).build();
    connect.start();
  }

  @AfterAll
  static void stopCluster() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void fakerToSqliteDeliversEveryUserExactlyOnceByKey() throws Exception {
    Map<String, String> source = new HashMap<>();
    source.put("connector.class", "io.c8kit.examples.faker.FakerSourceConnector");
    source.put("tasks.max", "1");
    source.put("count", "300");
    source.put("seed", "7");
    source.put("records_per_slice", "40");
    source.put("streams", "users");
    source.put("topic.prefix", "faker.");
    source.put("exactly.once.support", "required");
    source.put("transaction.boundary", "connector");
    source.put("topic.creation.default.replication.factor", "1");
    source.put("topic.creation.default.partitions", "1");
    source.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    source.put("key.converter.schemas.enable", "false");
    source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    source.put("value.converter.schemas.enable", "false");
    connect.configureConnector("faker", source);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("faker", 1, "faker did not start");

    ConsumerRecords<byte[], byte[]> records = connect.kafka().consume(300, 120_000,
        Map.of("isolation.level", "read_committed"), "faker.users");
    assertEquals(300, records.count());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = new String(r.key());
      assertTrue(key.matches("\\{\"id\":\\d+\\}"), key);
    }

    Path db = work.resolve("users.sqlite");
    Map<String, String> sink = new HashMap<>();
    sink.put("connector.class", "io.c8kit.examples.sqlite.SqliteSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", "faker.users");
    sink.put("topic.prefix", "faker.");
    sink.put("destination_path", db.toString());
    sink.put("sync.mode", "append_dedup");
    sink.put("primary.key", "id");
    sink.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    sink.put("key.converter.schemas.enable", "false");
    sink.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    sink.put("value.converter.schemas.enable", "false");
    connect.configureConnector("sqlite", sink);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("sqlite", 1, "sqlite did not start");

    long deadline = System.currentTimeMillis() + 120_000;
    long[] counts = {0, 0};
    while (System.currentTimeMillis() < deadline) {
      counts = userCounts(db);
      if (counts[1] == 300) {
        break;
      }
      Thread.sleep(1_000);
    }
    assertEquals(300, counts[1], "distinct ids in sqlite");
    assertEquals(300, counts[0], "rows in sqlite: each id exactly once");
  }

  private static long[] userCounts(Path db) throws Exception {
    if (!Files.exists(db)) {
      return new long[] {0, 0};
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      ResultSet tables = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'users'");
      if (tables.getLong(1) == 0) {
        return new long[] {0, 0};
      }
      ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT json_extract(_airbyte_data, '$.id')) FROM users");
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  @Test
  void theValidateEndpointNamesTheBadField() {
    ConfigInfos result = connect.validateConnectorConfig("io.c8kit.examples.faker.FakerSourceConnector",
        Map.of("name", "faker-check", "connector.class", "io.c8kit.examples.faker.FakerSourceConnector", "count", "0",
            "seed", "x"));
    Map<String, List<String>> errors = new HashMap<>();
    for (ConfigInfo info : result.configs()) {
      if (!info.configValue().errors().isEmpty()) {
        errors.put(info.configValue().name(), info.configValue().errors());
      }
    }
    assertEquals(2, result.errorCount(), errors.toString());
    assertTrue(errors.get("count").get(0).contains("$.count"), errors.toString());
    assertTrue(errors.get("seed").get(0).contains("$.seed"), errors.toString());
  }

  @Test
  void aPoisonedRecordGoesToTheDeadLetterQueue() throws Exception {
    connect.kafka().createTopic("events", 1);
    connect.kafka().produce("events", "{\"id\": 1}");
    connect.kafka().produce("events", "not json");
    connect.kafka().produce("events", "{\"id\": 2}");
    Path db = work.resolve("events.sqlite");
    Map<String, String> sink = new HashMap<>();
    sink.put("connector.class", "io.c8kit.examples.sqlite.SqliteSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", "events");
    sink.put("destination_path", db.toString());
    sink.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    sink.put("errors.tolerance", "all");
    sink.put("errors.deadletterqueue.topic.name", "events.dlq");
    sink.put("errors.deadletterqueue.topic.replication.factor", "1");
    sink.put("errors.deadletterqueue.context.headers.enable", "true");
    connect.configureConnector("events", sink);
    ConsumerRecords<byte[], byte[]> dlq = connect.kafka().consume(1, 60_000, "events.dlq");
    ConsumerRecord<byte[], byte[]> poisoned = dlq.iterator().next();
    assertEquals("not json", new String(poisoned.value()));
    String reason = new String(poisoned.headers().lastHeader("__connect.errors.exception.message").value());
    assertTrue(reason.contains("events-0@1 cannot be written: the value is not valid JSON"), reason);

    long deadline = System.currentTimeMillis() + 60_000;
    long rows = 0;
    while (System.currentTimeMillis() < deadline && rows < 2) {
      Thread.sleep(1_000);
      if (Files.exists(db)) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
            Statement s = c.createStatement()) {
          ResultSet t = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'events'");
          if (t.getLong(1) > 0) {
            rows = s.executeQuery("SELECT count(*) FROM events").getLong(1);
          }
        }
      }
    }
    assertEquals(2, rows, "the good records are written");
  }
}
