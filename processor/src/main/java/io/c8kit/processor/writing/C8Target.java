package io.c8kit.processor.writing;

import com.google.auto.service.AutoService;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.spi.TargetGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * The Macrometa C8 target: the services file that lets C8 hosts (and the Singer and Kafka Connect
 * launchers) find every connector of the jar with ServiceLoader; aggregate over the compilation.
 */
@AutoService(TargetGenerator.class)
public final class C8Target implements TargetGenerator {
  @Override
  public String name() {
    return "c8";
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) {
    // The C8 view (config properties, samples) is part of the target-neutral connector definition.
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    List<String> classes = models.stream().map(m -> m.connectorClass().canonicalName()).toList();
    // Sorted by class name, as the services file has always named its origins.
    List<TypeElement> origins = models.stream().map(context::origin)
        .sorted(Comparator.comparing(t -> t.getQualifiedName().toString())).toList();
    ServiceRegistrationGenerator.write(classes, origins, context.filer());
  }
}
