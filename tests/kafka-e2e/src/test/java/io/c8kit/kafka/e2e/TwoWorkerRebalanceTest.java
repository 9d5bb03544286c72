package io.c8kit.kafka.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo.TaskState;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two workers; the one running the faker source task is stopped while the task is still producing,
 * the task moves to the other worker and resumes from its committed offset, and every user still
 * arrives in SQLite exactly once by key (the sink's connector and task may move as well).
 */
class TwoWorkerRebalanceTest {
  private static final int USERS = 20_000;
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void startCluster() {
    // A departed worker's tasks are reassigned after this delay (5 minutes by default).
    connect = Clusters.start("c8kit-two", 2, Map.of("scheduled.rebalance.max.delay.ms", "2000"));
  }

  @AfterAll
  static void stopCluster() {
    if (connect != null) {
      connect.stop();
    }
  }

  @Test
  void aStoppedWorkersTaskMovesAndNothingIsLost() throws Exception {
    Path db = Files.createTempDirectory("c8kit-kafka-two").resolve("users.sqlite");
    connect.configureConnector("faker", Clusters.fakerUsers(USERS, 200));
    connect.configureConnector("sqlite", Clusters.sqliteUsers(db));
    connect
        .assertions()
        .assertConnectorAndExactlyNumTasksAreRunning("faker", 1, "faker did not start");
    connect.kafka().consume(1, 120_000, Map.of("isolation.level", "read_committed"), "faker.users");

    String before = connect.connectorStatus("faker").tasks().get(0).workerId();
    WorkerHandle running = worker(before);
    connect.removeWorker(running);
    long committedAtStop = endOffset();
    assertTrue(
        committedAtStop < USERS,
        "the source had finished (" + committedAtStop + ") before its worker stopped: raise USERS");

    // The status topic shows the stopped worker's task as running until the task starts elsewhere.
    long deadline = System.currentTimeMillis() + 60_000;
    TaskState task = connect.connectorStatus("faker").tasks().get(0);
    while ((task.workerId().equals(before) || !task.state().equals("RUNNING"))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      task = connect.connectorStatus("faker").tasks().get(0);
    }
    assertNotEquals(before, task.workerId(), "the task runs on the remaining worker");
    assertEquals("RUNNING", task.state(), task.trace());

    assertEquals(USERS, distinctKeys(240_000), "distinct keys in faker.users: none lost");
    // SQLite is read only once the sink is stopped: the plugin's own copy of the SQLite library in
    // this
    // process would otherwise break the file locks of concurrent access.
    awaitSinkCommitted(endOffset(), 240_000);
    connect.stopConnector("sqlite");
    connect.assertions().assertConnectorIsStopped("sqlite", "sqlite did not stop");
    long[] counts = Clusters.sqliteUserCounts(db);
    assertEquals(USERS, counts[1], "distinct ids in sqlite: none lost");
    assertEquals(USERS, counts[0], "rows in sqlite: each id exactly once");
  }

  /**
   * Waits until the SQLite sink's consumer group committed {@code offset} (it commits what it
   * wrote).
   */
  private static void awaitSinkCommitted(long offset, long timeoutMs) throws Exception {
    TopicPartition p = new TopicPartition("faker.users", 0);
    long deadline = System.currentTimeMillis() + timeoutMs;
    long committed = -1;
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", connect.kafka().bootstrapServers()))) {
      while (committed < offset && System.currentTimeMillis() < deadline) {
        OffsetAndMetadata m =
            admin
                .listConsumerGroupOffsets("connect-sqlite")
                .partitionsToOffsetAndMetadata()
                .get()
                .get(p);
        committed = m == null ? -1 : m.offset();
        Thread.sleep(500);
      }
    }
    assertTrue(committed >= offset, "the sink committed " + committed + " of " + offset);
  }

  private static WorkerHandle worker(String workerId) {
    int port = Integer.parseInt(workerId.substring(workerId.lastIndexOf(':') + 1));
    List<WorkerHandle> matching =
        connect.workers().stream().filter(w -> w.url().getPort() == port).toList();
    assertEquals(1, matching.size(), workerId + " among " + connect.workers());
    return matching.get(0);
  }

  /**
   * The last stable offset of faker.users: offsets count transaction markers too, so records are
   * fewer.
   */
  private static long endOffset() {
    try (KafkaConsumer<byte[], byte[]> consumer =
        connect.kafka().createConsumer(Map.of("isolation.level", "read_committed"))) {
      TopicPartition p = new TopicPartition("faker.users", 0);
      return consumer.endOffsets(List.of(p)).get(p);
    }
  }

  /** Distinct keys of faker.users, read until all users arrived or the timeout. */
  private static int distinctKeys(long timeoutMs) {
    Set<String> keys = new HashSet<>();
    long deadline = System.currentTimeMillis() + timeoutMs;
    try (KafkaConsumer<byte[], byte[]> consumer =
        connect
            .kafka()
            .createConsumerAndSubscribeTo(
                Map.of("isolation.level", "read_committed", "auto.offset.reset", "earliest"),
                "faker.users")) {
      while (keys.size() < USERS && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          keys.add(new String(r.key()));
        }
      }
    }
    return keys.size();
  }
}
