package io.c8kit.processor.writing;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.spi.TargetGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The Kafka Connect target: each connector's connector and task classes, written only when both the
 * Connect API and {@code c8kit-kafka-connect} are on the class path (a connector built without them
 * gets none and no error), and the two {@code META-INF/services} files a worker's {@code
 * plugin.discovery=service_load} reads, listing every such class of the compilation (sorted).
 */
@AutoService(TargetGenerator.class)
public final class KafkaConnectTarget implements TargetGenerator {
  static final String SOURCE_SERVICES =
      "META-INF/services/org.apache.kafka.connect.source.SourceConnector";
  static final String SINK_SERVICES =
      "META-INF/services/org.apache.kafka.connect.sink.SinkConnector";
  private static final String CONNECT_API = "org.apache.kafka.connect.source.SourceConnector";

  /** Looked up once: the claim and the generation of every connector ask. */
  private Boolean available;

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<ClassName> generatedClasses(ConnectorModel model, TargetContext context) {
    return available(context)
        ? List.of(
            KafkaConnectGenerator.connectorClass(model), KafkaConnectGenerator.taskClass(model))
        : List.of();
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) throws IOException {
    if (available(context)) {
      new KafkaConnectGenerator().generate(model, context.filer());
    }
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    if (!available(context)) {
      return;
    }
    write(SOURCE_SERVICES, models.stream().filter(m -> m.kind() == Kind.SOURCE).toList(), context);
    write(SINK_SERVICES, models.stream().filter(m -> m.kind() != Kind.SOURCE).toList(), context);
  }

  /**
   * Whether this compilation can compile the generated classes: the Connect API and the generic
   * classes.
   */
  private boolean available(TargetContext context) {
    if (available == null) { // the class path does not change within a compilation
      available =
          context.onClassPath(CONNECT_API)
              && context.onClassPath(KafkaConnectGenerator.SOURCE_CONNECTOR.canonicalName());
    }
    return available;
  }

  /** One services file, only when it lists a class. */
  private static void write(String path, List<ConnectorModel> models, TargetContext context)
      throws IOException {
    if (models.isEmpty()) {
      return;
    }
    List<String> classes =
        models.stream().map(m -> KafkaConnectGenerator.connectorClass(m).canonicalName()).toList();
    context.writeResource(path, ServiceRegistrationGenerator.content(classes), models);
  }
}
