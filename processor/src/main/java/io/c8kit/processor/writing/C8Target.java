package io.c8kit.processor.writing;

import com.google.auto.service.AutoService;
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

  @Override
  public String name() {
    return "c8";
  }

  @Override
  public void generate(ConnectorModel model, TargetContext context) throws IOException {
    if (context.onClassPath(Runtime.C8_SOURCE_ADAPTER.canonicalName())) {
      new C8ConnectorGenerator().generate(model, context.filer());
    }
  }

  @Override
  public boolean aggregating() {
    return true;
  }

  @Override
  public void finish(List<ConnectorModel> models, TargetContext context) throws IOException {
    if (context.onClassPath(Runtime.C8_SOURCE_ADAPTER.canonicalName())) {
      List<String> classes =
          models.stream()
              .map(m -> C8ConnectorGenerator.c8ConnectorClass(m).canonicalName())
              .toList();
      context.writeResource(SERVICES, ServiceRegistrationGenerator.content(classes), models);
    }
  }
}
