package io.c8kit.kafka;

import io.c8kit.destination.DestinationRecord;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.protocol.DestinationSyncMode;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Writes a sink task's records through the destination's SyncWriter: buffered per topic, written at
 * {@code batch.records} and at every offset commit, and only offsets of records the writer has
 * committed (or the errant record reporter took) are returned from {@link #preCommit}.
 *
 * <p>Interim: until the engine's target-neutral write events land (issue 12), the buffering here is
 * the Kafka task's own; the SyncWriter, its transactions and dedup are the Airbyte mode's.
 */
public abstract class C8kitSinkTask extends SinkTask {
  private final DestinationConnector<?> connector;
  private final SecretMasker masker = new SecretMasker();
  private SinkSettings settings;
  private SyncWriter writer;
  private final Map<String, Buffer> byTopic = new HashMap<>();

  /** Per partition: the offset to commit once every buffered record of it is written. */
  private final Map<TopicPartition, Progress> progress = new HashMap<>();

  /** One stream's records waiting for the writer, and the partitions they came from. */
  private static final class Buffer {
    final DestinationStream stream;
    final List<DestinationRecord> records = new ArrayList<>();
    final List<TopicPartition> partitions = new ArrayList<>();
    boolean opened;

    Buffer(DestinationStream stream) {
      this.stream = stream;
    }
  }

  private static final class Progress {
    Long firstBuffered;
    long next;
  }

  /**
   * @param connector the generated c8kit connector (a fresh instance per task)
   */
  protected C8kitSinkTask(DestinationConnector<?> connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  @Override
  public String version() {
    return connector.version();
  }

  @Override
  public void start(Map<String, String> props) {
    settings = new SinkSettings(props);
    List<DestinationStream> streams = new ArrayList<>();
    for (String topic : settings.topics()) {
      DestinationStream s = settings.stream(topic);
      streams.add(s);
      byTopic.put(topic, new Buffer(s));
    }
    writer = open(connector, props, streams);
  }

  private <C> SyncWriter open(
      DestinationConnector<C> destination,
      Map<String, String> props,
      List<DestinationStream> streams) {
    try {
      C config = C8kitSinkConnector.configOf(destination).bind(props, masker);
      WriteContext context = () -> streams;
      SyncWriter w = destination.definition().writer().open(config, context);
      if (w == null) {
        throw new IllegalStateException(
            "the @Writer method of " + destination.name() + " returned null");
      }
      return w;
    } catch (Exception e) {
      throw new ConnectException(
          masker.mask("Cannot open the writer of " + destination.name() + ": " + e.getMessage()));
    }
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    ErrantRecordReporter reporter = context.errantRecordReporter();
    for (SinkRecord record : records) {
      TopicPartition tp =
          new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
      Progress p = progress.computeIfAbsent(tp, k -> new Progress());
      long offset = record.originalKafkaOffset();
      Buffer buffer = byTopic.get(record.topic());
      DestinationRecord data;
      try {
        if (buffer == null) {
          throw new DataException(
              "its topic " + record.topic() + " is not one of this connector's topics");
        }
        data = new DestinationRecord(SinkValues.data(record.value()), timestamp(record), null, 0);
      } catch (DataException e) {
        String message =
            "Record "
                + record.topic()
                + "-"
                + record.kafkaPartition()
                + "@"
                + record.kafkaOffset()
                + " cannot be written: "
                + e.getMessage();
        if (reporter == null) {
          throw new ConnectException(
              message
                  + " (set errors.tolerance=all and"
                  + " errors.deadletterqueue.topic.name to send such records to a dead letter queue)");
        }
        reporter.report(record, new DataException(message));
        p.next = offset + 1;
        continue;
      }
      buffer.records.add(data);
      if (!buffer.partitions.contains(tp)) {
        buffer.partitions.add(tp);
      }
      if (p.firstBuffered == null) {
        p.firstBuffered = offset;
      }
      p.next = offset + 1;
      if (buffer.records.size() >= settings.batchRecords) {
        write(buffer);
      }
    }
  }

  private static long timestamp(SinkRecord record) {
    Long t = record.timestamp();
    return t == null ? System.currentTimeMillis() : t;
  }

  private void write(Buffer buffer) {
    if (buffer.records.isEmpty()) {
      return;
    }
    try {
      if (!buffer.opened) {
        writer.open(buffer.stream);
        buffer.opened = true;
      }
      writer.write(buffer.stream, List.copyOf(buffer.records));
      if (buffer.stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
        writer.complete(buffer.stream); // dedup runs at completion; a topic never completes
      }
    } catch (Exception e) {
      throw new ConnectException(
          masker.mask(
              "Writing "
                  + buffer.records.size()
                  + " records of stream "
                  + buffer.stream.displayName()
                  + " failed: "
                  + e.getMessage()),
          e);
    }
    buffer.records.clear();
    for (TopicPartition tp : buffer.partitions) {
      Progress p = progress.get(tp);
      if (p != null) {
        p.firstBuffered = null;
      }
    }
    buffer.partitions.clear();
  }

  /**
   * Writes every buffer, then returns the offsets after the last committed record of each
   * partition.
   */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    byTopic.values().forEach(this::write);
    Map<TopicPartition, OffsetAndMetadata> committed = new LinkedHashMap<>();
    for (TopicPartition tp : currentOffsets.keySet()) {
      Progress p = progress.get(tp);
      if (p != null) {
        committed.put(
            tp, new OffsetAndMetadata(p.firstBuffered != null ? p.firstBuffered : p.next));
      }
    }
    return committed;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    // preCommit ran just before: nothing of these partitions is buffered
    partitions.forEach(progress::remove);
  }

  @Override
  public void stop() {
    SyncWriter w = writer;
    writer = null;
    if (w != null) {
      try {
        w.close();
      } catch (Exception e) {
        throw new ConnectException(
            masker.mask("Closing the writer of " + connector.name() + " failed: " + e.getMessage()),
            e);
      }
    }
  }
}
