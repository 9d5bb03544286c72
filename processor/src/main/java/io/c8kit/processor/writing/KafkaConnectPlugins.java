package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.Kind;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The Kafka Connect output of one compilation: each connector's classes, written only when both the
 * Connect API and {@code c8kit-kafka-connect} are on the class path (a connector built without them
 * gets none and no error), and the two {@code META-INF/services} files a worker's
 * {@code plugin.discovery=service_load} reads, listing every such class of the compilation (sorted).
 */
public final class KafkaConnectPlugins {
  static final String SOURCE_SERVICES = "META-INF/services/org.apache.kafka.connect.source.SourceConnector";
  static final String SINK_SERVICES = "META-INF/services/org.apache.kafka.connect.sink.SinkConnector";
  private static final String CONNECT_API = "org.apache.kafka.connect.source.SourceConnector";

  private final Elements elements;
  private Boolean available;
  /** Generated connector class name to the annotated class's name, per services file; names survive rounds. */
  private final Map<String, String> sources = new TreeMap<>();
  private final Map<String, String> sinks = new TreeMap<>();

  public KafkaConnectPlugins(Elements elements) {
    this.elements = elements;
  }

  /** Whether this compilation can compile the generated classes; asked once, the class path is fixed. */
  boolean available() {
    if (available == null) {
      available = elements.getTypeElement(CONNECT_API) != null
          && elements.getTypeElement(KafkaConnectGenerator.SOURCE_CONNECTOR.canonicalName()) != null;
    }
    return available;
  }

  /** Writes {@code model}'s connector and task classes, when the class path allows. */
  public void generate(ConnectorModel model, Filer filer) throws IOException {
    if (!available()) {
      return;
    }
    new KafkaConnectGenerator().generate(model, filer);
    (model.kind() == Kind.SOURCE ? sources : sinks).put(
        KafkaConnectGenerator.connectorClass(model).canonicalName(), model.annotatedClass().canonicalName());
  }

  /** After the last round: the services files of the connectors written, each only when it lists one. */
  public void writeServices(Filer filer) throws IOException {
    write(SOURCE_SERVICES, sources, filer);
    write(SINK_SERVICES, sinks, filer);
  }

  private void write(String path, Map<String, String> classes, Filer filer) throws IOException {
    if (classes.isEmpty()) {
      return;
    }
    List<TypeElement> origins = new ArrayList<>();
    new TreeSet<>(classes.values()).stream()
        .map(elements::getTypeElement)
        .filter(Objects::nonNull)
        .forEach(origins::add);
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path,
        origins.toArray(new TypeElement[0]));
    try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      w.write(ServiceRegistrationGenerator.content(classes.keySet()));
    }
  }
}
