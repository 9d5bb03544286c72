package io.c8kit.processor.validation;

import io.c8kit.processor.model.Param;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Validates the {@code @Writer} method: returns a SyncWriter, takes the config and WriteContext.
 */
final class WriterValidator {
  private WriterValidator() {}

  /** The writer's parameter roles in order, empty after an error. */
  static Optional<List<Param>> validate(
      ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror) {
    boolean ok = MethodParameters.checkModifiers(scope, method, mirror, "Writer");
    Optional<List<Param>> params =
        MethodParameters.classify(
            scope,
            method,
            "Writer",
            List.of(Param.CONFIG, Param.WRITE_CONTEXT),
            "the config record and WriteContext, each at most once");
    TypeMirror ret = method.getReturnType();
    if (scope.types.supertype(ret, "io.c8kit.destination.SyncWriter").isEmpty()) {
      scope.report.error(
          Message.WRITER_SIGNATURE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          "returns " + TypeSupport.simple(ret),
          method.getSimpleName());
      ok = false;
    }
    return ok ? params : Optional.empty();
  }
}
