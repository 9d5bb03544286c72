package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/** The writing stage's entry point: runs every generator for a validated model, in a fixed order. */
public final class Generators {
  private static final List<Generator> PER_CONNECTOR = List.of(
      new ConnectorGenerator(),
      new ConfigBinderGenerator(),
      new SerializerGenerator(),
      new MainGenerator(),
      new SpecGenerator(),
      new StreamSchemaGenerator(),
      new HttpSourceGenerator());

  private Generators() {}

  /**
   * Writes all files of one connector; the Docker context only when {@code withDocker} (one per
   * module, since the connector POM copies a single Dockerfile).
   */
  public static void generate(ConnectorModel model, Filer filer, boolean withDocker) throws IOException {
    for (Generator g : PER_CONNECTOR) {
      g.generate(model, filer);
    }
    if (withDocker) {
      new DockerfileGenerator().generate(model, filer);
    }
  }

  /** Writes the services file listing {@code connectorClasses}. */
  public static void writeServices(
      Collection<String> connectorClasses, Collection<TypeElement> origins, Filer filer) throws IOException {
    ServiceRegistrationGenerator.write(connectorClasses, origins, filer);
  }
}
