package io.c8kit.processor.writing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/io.c8kit.C8Connector} once, after the last round, listing every
 * generated connector (sorted) so C8 hosts find them with ServiceLoader; an aggregating output.
 */
final class ServiceRegistrationGenerator {
  static final String PATH = "META-INF/services/io.c8kit.C8Connector";

  private ServiceRegistrationGenerator() {}

  static String content(Collection<String> connectorClasses) {
    SortedSet<String> sorted = new TreeSet<>(connectorClasses);
    StringBuilder out = new StringBuilder();
    sorted.forEach(c -> out.append(c).append('\n'));
    return out.toString();
  }

  static void write(Collection<String> connectorClasses, Collection<TypeElement> origins, Filer filer)
      throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH,
        origins.toArray(new TypeElement[0]));
    try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      w.write(content(connectorClasses));
    }
  }
}
