package io.c8kit.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Validates the {@code @Check} method: {@code void check(Config config)}. */
final class CheckValidator {
  private CheckValidator() {}

  /** True when the method is a valid check (its config parameter is then noted in the scope). */
  static boolean validate(ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror) {
    boolean ok = MethodParameters.checkModifiers(scope, method, mirror, "Check");
    String config = scope.configText();
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      scope.report.error(
          Message.CHECK_SIGNATURE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          "returns " + TypeSupport.simple(method.getReturnType()),
          method.getSimpleName(),
          config);
      ok = false;
    }
    if (method.getParameters().size() != 1) {
      scope.report.error(
          Message.CHECK_SIGNATURE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          "takes " + method.getParameters().size() + " parameters",
          method.getSimpleName(),
          config);
      return false;
    }
    VariableElement p = method.getParameters().get(0);
    if (!MethodParameters.isConfigCandidate(p.asType())) {
      scope.report.error(
          Message.CHECK_SIGNATURE,
          p,
          mirror,
          null,
          method.getSimpleName(),
          "takes a " + TypeSupport.simple(p.asType()) + " instead of the config record",
          method.getSimpleName(),
          config);
      return false;
    }
    scope.noteConfig(method, p);
    return ok;
  }
}
