package io.c8kit.processor.writing;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeSpec;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.Kind;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes a connector's Kafka Connect connector and task classes: thin subclasses of the generic
 * ones in {@code c8kit-kafka-connect}, because a worker tells plugins apart by class name and needs
 * public no-argument constructors.
 */
final class KafkaConnectGenerator extends JavaSourceGenerator {
  private static final String KAFKA = "io.c8kit.kafka";
  static final ClassName SOURCE_CONNECTOR = ClassName.get(KAFKA, "C8kitSourceConnector");
  private static final ClassName SOURCE_TASK = ClassName.get(KAFKA, "C8kitSourceTask");
  private static final ClassName SINK_CONNECTOR = ClassName.get(KAFKA, "C8kitSinkConnector");
  private static final ClassName SINK_TASK = ClassName.get(KAFKA, "C8kitSinkTask");

  /** {@code <Name>SourceConnector} or {@code <Name>SinkConnector}, in the connector's package. */
  static ClassName connectorClass(ConnectorModel model) {
    return className(model, "Connector");
  }

  static ClassName taskClass(ConnectorModel model) {
    return className(model, "Task");
  }

  private static ClassName className(ConnectorModel model, String suffix) {
    String role = model.kind() == Kind.SOURCE ? "Source" : "Sink";
    return ClassName.get(model.annotatedClass().packageName(), model.baseName() + role + suffix);
  }

  @Override
  List<TypeSpec.Builder> types(ConnectorModel model) {
    boolean source = model.kind() == Kind.SOURCE;
    String role = source ? "source" : "sink";
    ClassName connector = connectorClass(model);
    ClassName task = taskClass(model);
    TypeSpec.Builder connectorType =
        TypeSpec.classBuilder(connector)
            .addJavadoc(
                "The Kafka Connect $L connector of the $L $L: the {@code connector.class} to give the "
                    + "worker (docs/KAFKA-CONNECT.md).\n",
                role,
                model.name(),
                model.kind().word())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(source ? SOURCE_CONNECTOR : SINK_CONNECTOR)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("super(new $T(), $T.class)", model.connectorClass(), task)
                    .build());
    TypeSpec.Builder taskType =
        TypeSpec.classBuilder(task)
            .addJavadoc(
                "The Kafka Connect $L task of the $L $L; see {@link $T}.\n",
                role,
                model.name(),
                model.kind().word(),
                connector)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(source ? SOURCE_TASK : SINK_TASK)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("super(new $T())", model.connectorClass())
                    .build());
    return List.of(connectorType, taskType);
  }
}
