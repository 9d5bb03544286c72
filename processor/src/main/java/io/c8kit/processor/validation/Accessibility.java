package io.c8kit.processor.validation;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Whether the generated code, which lives in the connector's package, can name a type the model
 * reaches; without this check javac reports "X has private access" inside generated files, far from
 * the author's mistake.
 */
final class Accessibility {
  private Accessibility() {}

  /**
   * The reason {@code type} cannot be named from {@code packageName} (e.g. "private"), or empty
   * when it can: every class of its nesting chain must be public, or not private and in that
   * package.
   */
  static Optional<String> problem(TypeElement type, String packageName) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return Optional.of(
            t == type ? "declared inside a method" : "nested in a class declared inside a method");
      }
      if (t.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(t == type ? "private" : "nested in private class " + t.getSimpleName());
      }
      if (!packageOf(t).equals(packageName)) {
        return Optional.of(
            t == type
                ? "package-private in package " + packageOf(t)
                : "nested in package-private class "
                    + t.getSimpleName()
                    + " of package "
                    + packageOf(t));
      }
    }
    return Optional.empty();
  }

  /**
   * Reports {@code type} when the connector's generated code cannot name it; {@code role} says what
   * the type is to the connector (e.g. "record type of stream users"). True when accessible.
   */
  static boolean check(
      ConnectorScope scope,
      TypeElement type,
      String role,
      Element site,
      AnnotationMirror mirror,
      AnnotationValue value) {
    String pkg = packageOf(scope.type);
    Optional<String> problem = problem(type, pkg);
    if (problem.isEmpty()) {
      return true;
    }
    scope.report.error(
        Message.INACCESSIBLE_TYPE,
        site,
        mirror,
        value,
        type.getQualifiedName(),
        role,
        problem.get(),
        pkg.isEmpty() ? "the unnamed package" : "package " + pkg,
        type.getSimpleName());
    return false;
  }

  static String packageOf(Element element) {
    Element e = element;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
  }
}
