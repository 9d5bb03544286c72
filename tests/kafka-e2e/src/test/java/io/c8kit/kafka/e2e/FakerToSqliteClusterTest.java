package io.c8kit.kafka.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
    work = Files.createTempDirectory("c8kit-kafka-e2e");
    connect = Clusters.start("c8kit", 1, Map.of());
  }

  @AfterAll
  static void stopCluster() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void fakerToSqliteDeliversEveryUserExactlyOnceByKey() throws Exception {
    Map<String, String> source = Clusters.fakerUsers(300, 40);
    connect.configureConnector("faker", source);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("faker", 1, "faker did not start");

    ConsumerRecords<byte[], byte[]> records =
        connect
            .kafka()
            .consume(300, 120_000, Map.of("isolation.level", "read_committed"), "faker.users");
    assertEquals(300, records.count());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = new String(r.key());
      assertTrue(key.matches("\\{\"id\":\\d+\\}"), key);
    }

    Path db = work.resolve("users.sqlite");
    Map<String, String> sink = Clusters.sqliteUsers(db);
    connect.configureConnector("sqlite", sink);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("sqlite", 1, "sqlite did not start");

    long[] counts = Clusters.awaitSqliteUsers(db, 300, 120_000);
    assertEquals(300, counts[1], "distinct ids in sqlite");
    assertEquals(300, counts[0], "rows in sqlite: each id exactly once");
  }

  @Test
  void theValidateEndpointNamesTheBadField() {
    ConfigInfos result =
        connect.validateConnectorConfig(
            "io.c8kit.examples.faker.FakerSourceConnector",
            Map.of(
                "name",
                "faker-check",
                "connector.class",
                "io.c8kit.examples.faker.FakerSourceConnector",
                "count",
                "0",
                "seed",
                "x"));
    Map<String, List<String>> errors = Clusters.errors(result);
    assertEquals(2, result.errorCount(), errors.toString());
    assertTrue(errors.get("count").get(0).contains("$.count"), errors.toString());
    assertTrue(errors.get("seed").get(0).contains("$.seed"), errors.toString());
  }

  /**
   * Every connector config of docs/KAFKA-CONNECT.md (the JSON after {@code curl ... -d}) passes the
   * validate endpoint of its plugin, so the documented examples stay true.
   */
  @Test
  void theDocumentedRestConfigsValidate() throws Exception {
    String doc = Files.readString(Path.of(System.getProperty("c8kit.docs"), "KAFKA-CONNECT.md"));
    Matcher m = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL).matcher(doc);
    Set<String> classes = new TreeSet<>();
    while (m.find()) {
      Map<String, String> config =
          new ObjectMapper().readValue(m.group(1), new TypeReference<Map<String, String>>() {});
      String connectorClass = config.get("connector.class");
      classes.add(connectorClass);
      Map<String, String> withName = new HashMap<>(config);
      withName.put("name", "doc-" + classes.size());
      ConfigInfos result = connect.validateConnectorConfig(connectorClass, withName);
      assertEquals(0, result.errorCount(), connectorClass + ": " + Clusters.errors(result));
    }
    assertEquals(
        Set.of(
            "io.c8kit.examples.faker.FakerSourceConnector",
            "io.c8kit.examples.sqlite.SqliteSinkConnector",
            "io.c8kit.examples.postgres.PostgresSourceConnector",
            "io.c8kit.examples.postgres.destination.PostgresSinkConnector"),
        classes);
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
    String reason =
        new String(poisoned.headers().lastHeader("__connect.errors.exception.message").value());
    assertTrue(
        reason.contains("events-0@1 cannot be written: the value is not valid JSON"), reason);

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
