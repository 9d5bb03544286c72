package io.c8kit.processor.writing;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.spi.TargetGenerator;
import io.c8kit.processor.validation.Message;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The Airbyte target: each connector's {@code <Name>Main} (the jar's entry point) and the module's
 * single Docker context, which is aggregate because the connector POM copies one Dockerfile per
 * module.
 */
@AutoService(TargetGenerator.class)
public final class AirbyteTarget implements TargetGenerator {
  /**
   * One line per connector, {@code <main class> <connector class>}, the default (the first
   * generated) first.
   */
  static final String MAINS = "META-INF/c8kit/airbyte/mains";

  @Override
  public String name() {
    return "airbyte";
  }

  /** Read by validation (the model carries the resolved images), see {@code ProcessorOptions}. */
  @Override
  public Set<String> options() {
    return Set.of("baseImage", "dockerRepository");
  }

  @Override
  public List<ClassName> generatedClasses(ConnectorModel model, TargetContext context) {
    return List.of(model.mainClass());
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) throws IOException {
    new MainGenerator().generate(model, context.filer());
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  /**
   * The first connector generated gets the Docker context and is the jar's default command; every
   * later one a warning. The mains index lets the fixed launcher {@code
   * io.c8kit.airbyte.AirbyteMain} (the runnable jar's Main-Class) find the generated main without a
   * build property to get wrong.
   */
  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    ConnectorModel owner = models.get(0);
    new DockerfileGenerator().generate(owner, context.filer());
    StringBuilder mains = new StringBuilder();
    for (ConnectorModel m : models) {
      mains
          .append(m.mainClass().canonicalName())
          .append(' ')
          .append(m.connectorClass().canonicalName())
          .append('\n');
    }
    context.writeResource(MAINS, mains.toString(), models);
    String ownerName = owner.annotatedClass().canonicalName();
    for (ConnectorModel other : models.subList(1, models.size())) {
      context.warning(
          Message.DUPLICATE_DOCKER_CONTEXT,
          other,
          other.annotatedClass().canonicalName(),
          ownerName);
    }
  }
}
