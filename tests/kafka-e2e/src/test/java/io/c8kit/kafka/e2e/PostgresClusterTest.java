package io.c8kit.kafka.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.services.PostgresTestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * source-postgres as a Connect source and destination-postgres as a Connect sink on one worker,
 * over the throwaway PostgreSQL of scripts/postgres-up.sh (skipped without it, failed under
 * CI=true).
 */
class PostgresClusterTest {
  private static PostgresTestServer pg;
  private static String target;
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresTestServer.start("c8k_kafka");
    target = pg.schema() + "_dst";
    pg.sql("CREATE SCHEMA " + target);
    connect = Clusters.start("c8kit-pg", 1, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (connect != null) {
      connect.stop();
    }
    if (pg != null) {
      pg.sql("DROP SCHEMA IF EXISTS " + target + " CASCADE");
      pg.close();
    }
  }

  private static Map<String, String> database(Map<String, String> config) {
    config.put("host", pg.host());
    config.put("port", Integer.toString(pg.port()));
    config.put("database", pg.database());
    config.put("username", pg.user());
    config.put("password", pg.password());
    return config;
  }

  @Test
  void postgresToKafkaToPostgresDeliversEveryRowOnceByKey() throws Exception {
    pg.sql(
        "CREATE TABLE users (id int PRIMARY KEY, name text)",
        "INSERT INTO users SELECT g, 'user ' || g FROM generate_series(1, 200) g");
    Map<String, String> source = database(new HashMap<>());
    source.put("connector.class", "io.c8kit.examples.postgres.PostgresSourceConnector");
    source.put("tasks.max", "1");
    source.put("schemas", pg.schema());
    source.put("topic.prefix", "pg.");
    source.put("exactly.once.support", "required");
    source.put("transaction.boundary", "connector");
    source.put("topic.creation.default.replication.factor", "1");
    source.put("topic.creation.default.partitions", "1");
    Clusters.json(source, "key");
    Clusters.json(source, "value");
    connect.configureConnector("pg-source", source);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("pg-source", 1, "pg-source did not start");
    assertEquals(
        200,
        connect
            .kafka()
            .consume(200, 120_000, Map.of("isolation.level", "read_committed"), "pg.users")
            .count());

    Map<String, String> sink = database(new HashMap<>());
    sink.put("connector.class", "io.c8kit.examples.postgres.destination.PostgresSinkConnector");
    sink.put("tasks.max", "1");
    sink.put("topics", "pg.users");
    sink.put("topic.prefix", "pg.");
    sink.put("schema", target);
    sink.put("sync.mode", "append_dedup");
    sink.put("primary.key", "id");
    Clusters.json(sink, "key");
    Clusters.json(sink, "value");
    connect.configureConnector("pg-sink", sink);
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("pg-sink", 1, "pg-sink did not start");

    String count =
        "SELECT count(*), count(DISTINCT (_airbyte_data::jsonb)->>'id') FROM " + target + ".users";
    long deadline = System.currentTimeMillis() + 120_000;
    List<String> counts = List.of("0", "0");
    while (!counts.get(1).equals("200") && System.currentTimeMillis() < deadline) {
      Thread.sleep(1_000);
      if (pg.count(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                  + target
                  + "' AND table_name = 'users'")
          > 0) {
        counts = pg.rows(count).get(0);
      }
    }
    assertEquals(List.of("200", "200"), counts, "rows and distinct ids in " + target + ".users");
  }

  @Test
  void theValidateEndpointHandlesListsAndNamesTheBadField() {
    Map<String, String> config = database(new HashMap<>());
    config.put("name", "pg-check");
    config.put("connector.class", "io.c8kit.examples.postgres.PostgresSourceConnector");
    config.put("schemas", "public, sales");
    config.put("port", "99999");
    ConfigInfos result =
        connect.validateConnectorConfig(
            "io.c8kit.examples.postgres.PostgresSourceConnector", config);
    Map<String, List<String>> errors = Clusters.errors(result);
    assertEquals(List.of("port"), List.copyOf(errors.keySet()), errors.toString());
    assertTrue(errors.get("port").get(0).contains("$.port"), errors.toString());
    ConfigInfo schemas =
        result.configs().stream()
            .filter(i -> i.configValue().name().equals("schemas"))
            .findFirst()
            .orElseThrow();
    assertEquals("public,sales", schemas.configValue().value());
  }
}
