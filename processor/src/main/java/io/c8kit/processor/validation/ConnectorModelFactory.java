package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.ConfigObjectModel;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.DestinationModel;
import io.c8kit.processor.model.DestinationSyncMode;
import io.c8kit.processor.model.DiscoverModel;
import io.c8kit.processor.model.Kind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Assembles the {@link ConnectorModel} from what the validators accepted, and names the generated
 * types that depend only on the annotated class; kept apart so that validation never builds models
 * of half-valid classes.
 */
final class ConnectorModelFactory {
  private ConnectorModelFactory() {}

  static ClassName annotatedClass(TypeElement type) {
    return ClassName.get(type);
  }

  /** {@code FakerSource_ConfigBinder}; nested connector classes join their names with '_'. */
  static ClassName binder(TypeElement type) {
    ClassName annotated = annotatedClass(type);
    return ClassName.get(
        annotated.packageName(), String.join("_", annotated.simpleNames()) + "_ConfigBinder");
  }

  static ConfigModel voidConfig(TypeElement type) {
    ClassName voidType = ClassName.get(Void.class);
    return new ConfigModel(
        voidType, new ConfigObjectModel(voidType, List.of()), List.of(), binder(type));
  }

  static ConnectorModel create(
      ConnectorScope scope,
      Annotations.Values annotation,
      HeaderValidator.Header h,
      ConnectorValidator.Methods methods,
      ConfigModel config,
      String baseName) {
    Optional<DiscoverModel> discover = Optional.empty();
    Optional<DestinationModel> destination = Optional.empty();
    if (scope.kind == Kind.SOURCE) {
      if (methods.discover != null && methods.readModel.isPresent()) {
        DiscoverModel r = methods.readModel.get();
        discover =
            Optional.of(
                new DiscoverModel(
                    methods.discover.getSimpleName().toString(),
                    r.readMethod(),
                    r.readReturn(),
                    r.readParams(),
                    r.emitterAdapts()));
      }
    } else {
      List<DestinationSyncMode> syncModes =
          annotation.enumNames("syncModes").stream()
              .map(DestinationSyncMode::valueOf)
              .distinct()
              .toList();
      destination =
          Optional.of(
              new DestinationModel(
                  methods.writer.getSimpleName().toString(),
                  methods.writerParams.orElseThrow(),
                  syncModes,
                  annotation.strings("reservedKeys")));
    }
    return new ConnectorModel(
        scope.type,
        scope.kind,
        annotatedClass(scope.type),
        h.name(),
        h.version(),
        h.title(),
        h.description(),
        h.documentationUrl(),
        h.logo(),
        h.dockerImage(),
        h.baseImage(),
        h.configErrors(),
        h.transientErrors(),
        config,
        methods.check,
        methods.streams,
        discover,
        destination,
        baseName,
        Optional.empty(), // the REST part is added by withHttp once the config model exists
        h.concurrency(),
        h.ioBound());
  }
}
