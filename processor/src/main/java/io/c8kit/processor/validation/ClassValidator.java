package io.c8kit.processor.validation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the annotated class itself: the generated connector must be able to name it and call
 * {@code new T()} from a plain constructor.
 */
final class ClassValidator {
  private ClassValidator() {}

  /** False when nothing else can be checked sensibly. */
  static boolean check(
      Elements elements,
      Types types,
      TypeElement type,
      String annotation,
      AnnotationMirror mirror,
      Report report) {
    if (type.getKind() != ElementKind.CLASS) {
      String what =
          switch (type.getKind()) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + type.getKind().toString().toLowerCase(Locale.ROOT);
          };
      report.error(
          Message.CONNECTOR_NOT_CLASS, type, mirror, null, annotation, type.getSimpleName(), what);
      return false;
    }
    boolean ok = true;
    // A declarative REST source is abstract: the connector instantiates its generated subclass.
    if (type.getModifiers().contains(Modifier.ABSTRACT)
        && !Annotations.has(type, HttpSourceValidator.HTTP_SOURCE)) {
      report.error(
          Message.CONNECTOR_ABSTRACT, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    boolean isPublic = true;
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      isPublic &= t.getModifiers().contains(Modifier.PUBLIC);
    }
    if (!isPublic) {
      report.error(
          Message.CONNECTOR_NOT_PUBLIC, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.CONNECTOR_INNER, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    } else if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      report.error(Message.CONNECTOR_INNER, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(Message.CONNECTOR_GENERIC, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    Optional<ExecutableElement> noArg =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .filter(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC))
            .findFirst();
    if (noArg.isEmpty()) {
      report.error(
          Message.CONNECTOR_NO_CONSTRUCTOR,
          type,
          mirror,
          null,
          annotation,
          type.getSimpleName(),
          type.getSimpleName());
      ok = false;
    } else {
      List<? extends TypeMirror> checked =
          noArg.get().getThrownTypes().stream().filter(t -> isChecked(elements, types, t)).toList();
      if (!checked.isEmpty()) {
        report.error(
            Message.CONSTRUCTOR_THROWS_CHECKED,
            noArg.get(),
            annotation,
            type.getSimpleName(),
            TypeSupport.simple(checked.get(0)));
        ok = false;
      }
    }
    return ok;
  }

  private static boolean isChecked(Elements elements, Types types, TypeMirror thrown) {
    for (String unchecked : List.of("java.lang.RuntimeException", "java.lang.Error")) {
      TypeElement e = elements.getTypeElement(unchecked);
      if (e != null && types.isSubtype(thrown, e.asType())) {
        return false;
      }
    }
    return true;
  }
}
