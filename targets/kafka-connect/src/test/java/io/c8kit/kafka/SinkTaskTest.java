package io.c8kit.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.runtime.ConfigValues;
import io.c8kit.runtime.ConnectorInfo;
import io.c8kit.runtime.ConnectorKind;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.DestinationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;

class SinkTaskTest {
  static final List<String> CALLS = new ArrayList<>();

  static final class Recording extends DestinationConnector<String> {
    Recording() {
      super(
          DestinationDefinition.<String>builder(
                  new ConnectorInfo(
                      "recording",
                      "2.0.0",
                      "",
                      "",
                      "",
                      "",
                      ConnectorKind.DESTINATION,
                      "/META-INF/c8kit/recording/spec.json",
                      ""),
                  c -> ConfigValues.string(c, "label"))
              .writer(
                  (label, context) ->
                      new SyncWriter() {
                        @Override
                        public void open(DestinationStream stream) {
                          CALLS.add(
                              "open " + stream.name() + " " + stream.destinationSyncMode().wire());
                        }

                        @Override
                        public void write(DestinationStream stream, List<DestinationRecord> batch) {
                          CALLS.add(
                              "write "
                                  + stream.name()
                                  + " "
                                  + batch.stream().map(r -> r.data().toString()).toList());
                        }

                        @Override
                        public void complete(DestinationStream stream) {
                          CALLS.add("complete " + stream.name());
                        }
                      })
              .build());
    }
  }

  static final class RecordingSinkTask extends C8kitSinkTask {
    RecordingSinkTask() {
      super(new Recording());
    }
  }

  private final List<String> reported = new ArrayList<>();

  private RecordingSinkTask start(boolean dlq) {
    CALLS.clear();
    RecordingSinkTask task = new RecordingSinkTask();
    task.initialize(context(dlq));
    task.start(
        Map.of(
            "label",
            "x",
            "topics",
            "p.users,p.events",
            "topic.prefix",
            "p.",
            "sync.mode.p.users",
            "append_dedup",
            "primary.key.p.users",
            "id"));
    return task;
  }

  private static SinkRecord record(String topic, long offset, Object value) {
    return new SinkRecord(
        topic,
        0,
        null,
        null,
        null,
        value,
        offset,
        1_000L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME);
  }

  @Test
  void writesOnPreCommitAndReturnsOnlyCommittedOffsets() {
    RecordingSinkTask task = start(false);
    task.put(
        List.of(
            record("p.users", 0, Map.of("id", 1)),
            record("p.users", 1, "{\"id\":2}"),
            record("p.events", 7, Map.of("e", "x"))));
    assertEquals(List.of(), CALLS, "nothing is written before the commit");
    TopicPartition users = new TopicPartition("p.users", 0);
    TopicPartition events = new TopicPartition("p.events", 0);
    Map<TopicPartition, OffsetAndMetadata> current =
        Map.of(
            users,
            new OffsetAndMetadata(2),
            events,
            new OffsetAndMetadata(8),
            new TopicPartition("p.users", 1),
            new OffsetAndMetadata(0));
    Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(current);
    assertEquals(
        Map.of(users, new OffsetAndMetadata(2), events, new OffsetAndMetadata(8)), committed);
    assertEquals(
        List.of(
            "open users append_dedup",
            "write users [{\"id\":1}, {\"id\":2}]",
            "complete users",
            "open events append",
            "write events [{\"e\":\"x\"}]"),
        sortedByStream(CALLS));
    task.stop();
  }

  private static List<String> sortedByStream(List<String> calls) {
    List<String> users = calls.stream().filter(c -> c.contains("users")).toList();
    List<String> events = calls.stream().filter(c -> c.contains("events")).toList();
    List<String> out = new ArrayList<>(users);
    out.addAll(events);
    return out;
  }

  @Test
  void aMalformedRecordFailsTheTaskWithoutADeadLetterQueue() {
    RecordingSinkTask task = start(false);
    ConnectException e =
        assertThrows(
            ConnectException.class, () -> task.put(List.of(record("p.users", 3, "[1,2]"))));
    assertTrue(
        e.getMessage().contains("Record p.users-0@3 cannot be written: the value is a JSON array"),
        e.getMessage());
    assertTrue(e.getMessage().contains("errors.tolerance=all"), e.getMessage());
  }

  @Test
  void aMalformedRecordGoesToTheDeadLetterQueueAndItsOffsetIsCommitted() {
    RecordingSinkTask task = start(true);
    task.put(List.of(record("p.events", 0, "{not json"), record("p.events", 1, null)));
    assertEquals(2, reported.size(), reported.toString());
    assertTrue(reported.get(0).contains("not valid JSON"), reported.get(0));
    assertTrue(reported.get(1).contains("tombstone"), reported.get(1));
    TopicPartition events = new TopicPartition("p.events", 0);
    assertEquals(
        Map.of(events, new OffsetAndMetadata(2)),
        task.preCommit(Map.of(events, new OffsetAndMetadata(2))));
  }

  @Test
  void dedupNeedsAPrimaryKey() {
    RecordingSinkTask task = new RecordingSinkTask();
    task.initialize(context(false));
    ConnectException e =
        assertThrows(
            ConnectException.class,
            () -> task.start(Map.of("label", "x", "topics", "a", "sync.mode", "append_dedup")));
    assertTrue(e.getMessage().contains("primary.key.a"), e.getMessage());
  }

  private SinkTaskContext context(boolean dlq) {
    return new SinkTaskContext() {
      @Override
      public Map<String, String> configs() {
        return Map.of();
      }

      @Override
      public void offset(Map<TopicPartition, Long> offsets) {}

      @Override
      public void offset(TopicPartition tp, long offset) {}

      @Override
      public void timeout(long timeoutMs) {}

      @Override
      public Set<TopicPartition> assignment() {
        return Set.of();
      }

      @Override
      public void pause(TopicPartition... partitions) {}

      @Override
      public void resume(TopicPartition... partitions) {}

      @Override
      public void requestCommit() {}

      @Override
      public ErrantRecordReporter errantRecordReporter() {
        return !dlq
            ? null
            : (record, error) -> {
              reported.add(error.getMessage());
              return CompletableFuture.completedFuture(null);
            };
      }

      @Override
      public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
