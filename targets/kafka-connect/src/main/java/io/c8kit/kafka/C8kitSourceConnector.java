package io.c8kit.kafka;

import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.util.ConnectorUtils;

/**
 * A c8kit source as a Kafka Connect source connector. Each plugin has its own thin subclass ({@code
 * <Name>SourceConnector}, with a public no-argument constructor) so that several c8kit plugins can
 * share a worker; this class does the work: the ConfigDef and validation from the spec, the streams
 * (static and discovered) spread over {@code tasks.max} tasks.
 */
public abstract class C8kitSourceConnector extends org.apache.kafka.connect.source.SourceConnector {
  private final SourceConnector<?> connector;
  private final Class<? extends Task> taskClass;
  private final ConnectorConfig<?> config;
  private Map<String, String> props;
  private List<String> streams;

  /**
   * @param connector the generated c8kit connector
   * @param taskClass the plugin's {@code <Name>SourceTask}
   */
  protected C8kitSourceConnector(
      SourceConnector<?> connector, Class<? extends C8kitSourceTask> taskClass) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.taskClass = Objects.requireNonNull(taskClass, "taskClass");
    this.config = configOf(connector);
  }

  static <C> ConnectorConfig<C> configOf(SourceConnector<C> connector) {
    return new ConnectorConfig<>(
        connector.getClass(),
        connector.info(),
        connector.definition().binder(),
        SourceSettings.DEFINITION);
  }

  @Override
  public String version() {
    return connector.version();
  }

  @Override
  public ConfigDef config() {
    return config.configDef();
  }

  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    return config.validate(connectorConfigs);
  }

  @Override
  public void start(Map<String, String> props) {
    this.props = Map.copyOf(props);
    this.streams = selectedStreams(connector, props);
  }

  private static <C> List<String> selectedStreams(
      SourceConnector<C> connector, Map<String, String> props) {
    SecretMasker masker = new SecretMasker();
    SourceSettings settings = new SourceSettings(props);
    C bound;
    try {
      bound = configOf(connector).bind(props, masker);
    } catch (RuntimeException e) {
      throw new ConnectException(masker.mask(e.getMessage()));
    }
    List<EngineRead.StreamInfo> all;
    try {
      all = EngineRead.discover(connector, bound);
    } catch (Exception e) {
      throw new ConnectException(
          masker.mask("Cannot list the streams of " + connector.name() + ": " + e.getMessage()));
    }
    return Streams.select(all, settings.streams).stream()
        .map(EngineRead.StreamInfo::label)
        .toList();
  }

  @Override
  public Class<? extends Task> taskClass() {
    return taskClass;
  }

  /** Streams in catalog order, cut into at most {@code maxTasks} contiguous groups. */
  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    if (streams.isEmpty()) {
      return configs;
    }
    for (List<String> group :
        ConnectorUtils.groupPartitions(streams, Math.min(maxTasks, streams.size()))) {
      Map<String, String> task = new HashMap<>(props);
      task.put(SourceSettings.TASK_STREAMS, Streams.encode(group));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public void stop() {
    // nothing held: tasks do the reading
  }

  /**
   * Every record's offset is a c8kit checkpoint or an earlier one, so transactions can hold
   * exactly-once.
   */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /** Tasks end a transaction at each c8kit checkpoint (transaction.boundary=connector). */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(
      Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  /**
   * Offsets altered over REST must be ones this connector can resume from: partitions name a
   * stream, offsets hold a {@code state} that is a JSON object text (or are null, a reset).
   */
  @Override
  public boolean alterOffsets(
      Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
      Object stream = e.getKey() == null ? null : e.getKey().get(StreamSlot.STREAM);
      if (!(stream instanceof String name)) {
        throw new ConnectException(
            "Every source partition must name its stream: {\"stream\": \"<name>\"}");
      }
      StreamSlot.stateOf(e.getValue(), name);
    }
    return true;
  }
}
