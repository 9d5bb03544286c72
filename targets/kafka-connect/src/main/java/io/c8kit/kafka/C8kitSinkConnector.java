package io.c8kit.kafka;

import io.c8kit.runtime.DestinationConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A c8kit destination as a Kafka Connect sink connector. Each plugin has its own thin subclass
 * ({@code <Name>SinkConnector}, public no-argument constructor); this class does the work.
 */
public abstract class C8kitSinkConnector extends SinkConnector {
  private final DestinationConnector<?> connector;
  private final Class<? extends Task> taskClass;
  private final ConnectorConfig<?> config;
  private Map<String, String> props;

  protected C8kitSinkConnector(
      DestinationConnector<?> connector, Class<? extends C8kitSinkTask> taskClass) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.taskClass = Objects.requireNonNull(taskClass, "taskClass");
    this.config = configOf(connector);
  }

  static <C> ConnectorConfig<C> configOf(DestinationConnector<C> connector) {
    return new ConnectorConfig<>(
        connector.getClass(),
        connector.info(),
        connector.definition().binder(),
        SinkSettings.DEFINITION);
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
    SinkSettings settings = new SinkSettings(props);
    settings
        .topics()
        .forEach(settings::stream); // fails now, not in every task, on a bad topic setting
  }

  @Override
  public Class<? extends Task> taskClass() {
    return taskClass;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      configs.add(props);
    }
    return configs;
  }

  @Override
  public void stop() {
    // nothing held: tasks do the writing
  }
}
