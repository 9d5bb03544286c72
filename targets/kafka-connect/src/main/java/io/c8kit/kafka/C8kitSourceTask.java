package io.c8kit.kafka;

import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;

/**
 * Reads the streams the connector gave this task, each from its committed source offset. Each
 * plugin has its own thin subclass ({@code <Name>SourceTask}, public no-argument constructor).
 */
public abstract class C8kitSourceTask extends SourceTask {
  private static final int MAX_BATCH = 2_000;
  private static final long POLL_WAIT_MS = 1_000;

  private final SourceConnector<?> connector;
  private SourceReader<?> reader;
  private TransactionContext transactions;

  /**
   * @param connector the generated c8kit connector (a fresh instance per task)
   */
  protected C8kitSourceTask(SourceConnector<?> connector) {
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  @Override
  public String version() {
    return connector.version();
  }

  @Override
  public void start(Map<String, String> props) {
    transactions = context.transactionContext();
    reader = open(connector, props);
    reader.start(connector.name() + "-" + props.getOrDefault("task.id", "task") + "-reader");
  }

  private <C> SourceReader<C> open(SourceConnector<C> source, Map<String, String> props) {
    SecretMasker masker = new SecretMasker();
    SourceSettings settings = new SourceSettings(props);
    C config;
    try {
      config = C8kitSourceConnector.configOf(source).bind(props, masker);
    } catch (RuntimeException e) {
      throw new ConnectException(masker.mask(e.getMessage()));
    }
    List<String> labels = Streams.decode(props.get(SourceSettings.TASK_STREAMS));
    List<EngineRead.StreamInfo> streams;
    try {
      streams = Streams.select(EngineRead.discover(source, config), labels);
    } catch (ConnectException e) {
      throw new ConnectException(masker.mask(e.getMessage()));
    } catch (Exception e) {
      throw new ConnectException(
          masker.mask("Cannot list the streams of " + source.name() + ": " + e.getMessage()));
    }
    List<StreamSlot> slots = new ArrayList<>();
    for (EngineRead.StreamInfo s : streams) {
      RecordValues values =
          new RecordValues(
              source.name(), s.name(), s.jsonSchema(), s.primaryKey(), settings.valueFormat);
      slots.add(new StreamSlot(s, settings.topic(s.name(), s.namespace()), values));
    }
    Map<Map<String, Object>, Map<String, Object>> offsets =
        context.offsetStorageReader().offsets(slots.stream().map(s -> s.partition).toList());
    for (StreamSlot slot : slots) {
      slot.resume(offsets == null ? null : offsets.get(slot.partition), settings);
    }
    return new SourceReader<>(source, config, slots, settings, masker);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    List<SourceReader.Emitted> batch = reader.take(MAX_BATCH, POLL_WAIT_MS);
    if (batch.isEmpty()) {
      return null;
    }
    List<SourceRecord> records = new ArrayList<>(batch.size());
    for (SourceReader.Emitted e : batch) {
      records.add(e.record());
      if (e.endsTransaction() && transactions != null) {
        transactions.commitTransaction(e.record());
      }
    }
    return records;
  }

  @Override
  public void stop() {
    SourceReader<?> r = reader;
    if (r != null) {
      r.stop();
    }
  }
}
