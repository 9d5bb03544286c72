package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes the {@code META-INF/services} files that list generated classes, sorted; the core's {@code
 * io.c8kit.runtime.Connector} file is how the fixed launchers (Singer's tap and target) find the
 * connectors of a jar whatever targets were generated.
 */
final class ServiceRegistrationGenerator {
  static final String CONNECTORS = "META-INF/services/io.c8kit.runtime.Connector";

  private ServiceRegistrationGenerator() {}

  static String content(Collection<String> classes) {
    SortedSet<String> sorted = new TreeSet<>(classes);
    StringBuilder out = new StringBuilder();
    sorted.forEach(c -> out.append(c).append('\n'));
    return out.toString();
  }

  /** After the last round: every target-neutral {@code <Name>Connector} of the compilation. */
  static void writeConnectors(List<ConnectorModel> models, TargetContext context)
      throws IOException {
    List<String> classes = models.stream().map(m -> m.connectorClass().canonicalName()).toList();
    context.writeResource(CONNECTORS, content(classes), models);
  }
}
