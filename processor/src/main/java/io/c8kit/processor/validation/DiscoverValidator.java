package io.c8kit.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Validates the {@code @Discover} method: {@code List<DiscoveredStream> discover(Config config)}.
 */
final class DiscoverValidator {
  private DiscoverValidator() {}

  static void validate(ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror) {
    MethodParameters.checkModifiers(scope, method, mirror, "Discover");
    TypeMirror ret = method.getReturnType();
    boolean listOfStreams =
        TypeSupport.is(ret, "java.util.List")
            && TypeSupport.typeArgument(ret, 0)
                .map(a -> TypeSupport.is(a, "io.c8kit.source.DiscoveredStream"))
                .orElse(false);
    if (!listOfStreams) {
      scope.report.error(
          Message.DISCOVER_SIGNATURE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          "returns " + TypeSupport.simple(ret),
          method.getSimpleName());
    }
    if (method.getParameters().size() != 1
        || !MethodParameters.isConfigCandidate(method.getParameters().get(0).asType())) {
      scope.report.error(
          Message.DISCOVER_SIGNATURE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          "must take exactly the config record",
          method.getSimpleName());
      return;
    }
    scope.noteConfig(method, method.getParameters().get(0));
  }
}
