package io.c8kit.processor.writing;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.spi.TargetContext;
import io.c8kit.processor.spi.TargetGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The Macrometa C8 target: each connector's {@code <Name>C8Connector} and the services file that
 * lets C8 hosts find every one of the jar with ServiceLoader (aggregate over the compilation); only
 * when {@code c8kit-c8} is on the class path, as for any optional target.
 */
@AutoService(TargetGenerator.class)
public final class C8Target implements TargetGenerator {
  static final String SERVICES = "META-INF/services/io.c8kit.C8Connector";

  /** Looked up once: the claim and the generation of every connector ask. */
  private Boolean available;

  @Override
  public String name() {
    return "c8";
  }

  @Override
  public List<ClassName> generatedClasses(ConnectorModel model, TargetContext context) {
    return available(context) ? List.of(C8ConnectorGenerator.c8ConnectorClass(model)) : List.of();
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) throws IOException {
    if (available(context)) {
      new C8ConnectorGenerator().generate(model, context.filer());
    }
  }

  private boolean available(TargetContext context) {
    if (available == null) { // the class path does not change within a compilation
      available = context.onClassPath(Runtime.C8_SOURCE_ADAPTER.canonicalName());
    }
    return available;
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    if (available(context)) {
      List<String> classes =
          models.stream()
              .map(m -> C8ConnectorGenerator.c8ConnectorClass(m).canonicalName())
              .toList();
      context.writeResource(SERVICES, ServiceRegistrationGenerator.content(classes), models);
    }
  }
}
