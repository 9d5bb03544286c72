package io.c8kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceTaskTest {
  private final List<SourceRecord> commits = new ArrayList<>();
  private final Map<Map<String, Object>, Map<String, Object>> stored = new HashMap<>();
  private CountingSourceTask task;

  @AfterEach
  void stop() {
    if (task != null) {
      task.stop();
    }
  }

  @Test
  void connectorSpreadsStreamsOverTasksAndDeclaresExactlyOnce() {
    CountingSourceConnector connector = new CountingSourceConnector();
    assertEquals("0.9.1", connector.version());
    connector.start(Map.of("name", "c", "topic.prefix", "p."));
    assertEquals(1, connector.taskConfigs(1).size());
    assertEquals(
        "[\"numbers\",\"letters\"]", connector.taskConfigs(1).get(0).get("c8kit.task.streams"));
    List<Map<String, String>> two = connector.taskConfigs(8);
    assertEquals(
        List.of("[\"numbers\"]", "[\"letters\"]"),
        two.stream().map(c -> c.get("c8kit.task.streams")).toList());
    assertEquals("p.", two.get(1).get("topic.prefix"));
    assertEquals(ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(Map.of()));
    assertEquals(
        ConnectorTransactionBoundaries.SUPPORTED,
        connector.canDefineTransactionBoundaries(Map.of()));

    connector.start(Map.of("streams", "letters"));
    assertEquals("[\"letters\"]", connector.taskConfigs(4).get(0).get("c8kit.task.streams"));
    ConnectException e =
        assertThrows(ConnectException.class, () -> connector.start(Map.of("streams", "nope")));
    assertTrue(e.getMessage().contains("no stream nope"), e.getMessage());
  }

  @Test
  void recordsCarryTheCheckpointThatCoversThemAndEndTransactionsThere() throws Exception {
    List<SourceRecord> records = run(Map.of("topic.prefix", "p.", "checkpoint", "2"), 8);
    List<SourceRecord> numbers = records.subList(0, 5);
    List<SourceRecord> letters = records.subList(5, 8);
    assertEquals(
        List.of("p.numbers"), numbers.stream().map(SourceRecord::topic).distinct().toList());
    assertEquals(Map.of("stream", "numbers"), numbers.get(0).sourcePartition());
    List<Object> cursors = new ArrayList<>();
    for (SourceRecord r : numbers) {
      cursors.add(r.sourceOffset().get("state"));
    }
    String s2 = "{\"cursor_field\":[\"n\"],\"cursor\":2}";
    String s4 = "{\"cursor_field\":[\"n\"],\"cursor\":4}";
    String s5 = "{\"cursor_field\":[\"n\"],\"cursor\":5}";
    assertEquals(java.util.Arrays.asList(null, s2, s2, s4, s5), cursors);
    assertEquals(
        List.of(2L, 4L, 5L, "c"),
        commits.stream()
            .map(
                r ->
                    r.topic().endsWith("numbers")
                        ? (Object) ((Map<?, ?>) r.key()).get("id")
                        : ((Map<?, ?>) r.key()).get("letter"))
            .toList());
    assertEquals(Map.of("id", 1L), numbers.get(0).key());
    Map<?, ?> first = (Map<?, ?>) numbers.get(0).value();
    assertEquals(List.of("id", "n", "name", "tags"), List.copyOf(first.keySet()));
    assertEquals(List.of("t1"), first.get("tags"));
    assertNull(((Map<?, ?>) numbers.get(1).value()).get("name"));
    assertNull(numbers.get(0).valueSchema());
    assertEquals("{}", letters.get(2).sourceOffset().get("state"));
    assertFalse(letters.get(0).sourceOffset().containsKey("state"));
  }

  @Test
  void resumesFromCommittedOffsetsAndDoesNotRepeatAFinishedFullRefresh() throws Exception {
    stored.put(
        Map.of("stream", "numbers"), Map.of("state", "{\"cursor_field\":[\"n\"],\"cursor\":4}"));
    stored.put(Map.of("stream", "letters"), Map.of("state", "{}"));
    List<SourceRecord> records = run(Map.of(), 2);
    assertEquals(
        List.of(Map.of("id", 4L), Map.of("id", 5L)),
        records.stream().map(SourceRecord::key).toList());
    Thread.sleep(300);
    assertNull(task.poll(), "letters finished in an earlier run and must not be read again");
  }

  @Test
  void structValuesFollowTheStreamSchema() throws Exception {
    List<SourceRecord> records = run(Map.of("value.format", "struct", "streams", "numbers"), 5);
    Struct value = (Struct) records.get(0).value();
    assertEquals(1L, value.get("id"));
    assertEquals("n1", value.get("name"));
    assertEquals(List.of("t1"), value.get("tags"));
    assertEquals("c8kit.counting.numbers", records.get(0).valueSchema().name());
    assertEquals(1L, ((Struct) records.get(0).key()).get("id"));
    assertNull(((Struct) records.get(1).value()).get("name"));
  }

  @Test
  void aFailingStreamFailsThePollAfterItsRecordsWithAMaskedMessage() throws Exception {
    List<SourceRecord> records =
        run(Map.of("fail_at", "3", "token", "tok-secret-1", "streams", "numbers"), 2);
    assertEquals(2, records.size());
    ConnectException e =
        assertThrows(
            ConnectException.class,
            () -> {
              for (int i = 0; i < 20; i++) {
                task.poll();
              }
            });
    assertTrue(e.getMessage().contains("failing at 3 with token ****"), e.getMessage());
    assertFalse(e.getMessage().contains("tok-secret-1"));
  }

  /** Starts a task the way a worker does and polls until {@code expected} records came. */
  private List<SourceRecord> run(Map<String, String> props, int expected) throws Exception {
    CountingSourceConnector connector = new CountingSourceConnector();
    connector.start(props);
    Map<String, String> taskConfig = connector.taskConfigs(1).get(0);
    task = new CountingSourceTask();
    task.initialize(new Context());
    task.start(taskConfig);
    List<SourceRecord> out = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 20_000;
    while (out.size() < expected && System.currentTimeMillis() < deadline) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) {
        out.addAll(batch);
      }
    }
    assertEquals(expected, out.size(), "records: " + out);
    return out;
  }

  private final class Context implements SourceTaskContext {
    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      return new OffsetStorageReader() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> Map<String, Object> offset(Map<String, T> partition) {
          return stored.get((Map<String, Object>) partition);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(
            Collection<Map<String, T>> partitions) {
          Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
          for (Map<String, T> p : partitions) {
            out.put(p, stored.get((Map<String, Object>) p));
          }
          return out;
        }
      };
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
      throw new UnsupportedOperationException("not used by c8kit tasks");
    }

    @Override
    public TransactionContext transactionContext() {
      return new TransactionContext() {
        @Override
        public void commitTransaction() {
          throw new AssertionError("only record-bound commits are expected");
        }

        @Override
        public void commitTransaction(SourceRecord record) {
          commits.add(record);
        }

        @Override
        public void abortTransaction() {
          throw new AssertionError("no aborts expected");
        }

        @Override
        public void abortTransaction(SourceRecord record) {
          throw new AssertionError("no aborts expected");
        }
      };
    }
  }
}
