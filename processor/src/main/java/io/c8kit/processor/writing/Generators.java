package io.c8kit.processor.writing;

import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;

/**
 * The writing stage's entry point for the target-neutral files every target builds on; the
 * platform-specific ones come from the targets ({@link AirbyteTarget}, {@link C8Target}, {@link
 * KafkaConnectTarget}).
 */
public final class Generators {
  private static final List<Generator> PER_CONNECTOR =
      List.of(
          new ConnectorGenerator(),
          new ConfigBinderGenerator(),
          new SerializerGenerator(),
          new SpecGenerator(),
          new StreamSchemaGenerator(),
          new HttpSourceGenerator());

  private Generators() {}

  /** After the last round: the target-neutral services file of every connector generated. */
  public static void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    ServiceRegistrationGenerator.writeConnectors(models, context);
  }

  /** Writes the target-neutral files of one connector. */
  public static void generate(ConnectorModel model, Filer filer) throws IOException {
    for (Generator g : PER_CONNECTOR) {
      g.generate(model, filer);
    }
  }
}
