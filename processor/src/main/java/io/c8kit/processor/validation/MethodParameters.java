package io.c8kit.processor.validation;

import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.ReturnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The checks every kind of connector method shares: modifiers, parameters by role, and what a
 * method returns; one place so that {@code @Stream}, {@code @Read}, {@code @Check} and
 * {@code @Writer} agree.
 */
final class MethodParameters {
  /** Packages of the toolkit itself: none of their types can be a connector's config. */
  private static final Set<String> TOOLKIT_PACKAGES =
      Set.of(
          "io.c8kit",
          "io.c8kit.annotations",
          "io.c8kit.source",
          "io.c8kit.destination",
          "io.c8kit.runtime",
          "io.c8kit.protocol");

  static final String CURSOR = "io.c8kit.source.Cursor";
  static final String PAGE = "io.c8kit.source.Page";
  static final String STREAM_CONTEXT = "io.c8kit.source.StreamContext";
  static final String EMITTER = "io.c8kit.source.Emitter";
  static final String WRITE_CONTEXT = "io.c8kit.destination.WriteContext";

  private static final List<String> CONTAINERS =
      List.of("java.util.stream.Stream", "java.util.Iterator", "java.lang.Iterable");
  private static final List<ReturnKind> CONTAINER_KINDS =
      List.of(ReturnKind.STREAM, ReturnKind.ITERATOR, ReturnKind.ITERABLE);

  private MethodParameters() {}

  /**
   * Reports {@code static} or {@code private}, and thrown types the generated lambdas (which may
   * throw any Exception) cannot pass on; false when there is such a problem.
   */
  static boolean checkModifiers(
      ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror, String annotation) {
    for (Modifier m : List.of(Modifier.STATIC, Modifier.PRIVATE)) {
      if (method.getModifiers().contains(m)) {
        scope.report.error(
            Message.METHOD_MODIFIERS,
            method,
            mirror,
            null,
            annotation,
            method.getSimpleName(),
            m.toString());
        return false;
      }
    }
    TypeElement exception = scope.elements.getTypeElement("java.lang.Exception");
    TypeElement error = scope.elements.getTypeElement("java.lang.Error");
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (exception != null
          && error != null
          && !scope.types.types().isSubtype(thrown, exception.asType())
          && !scope.types.types().isSubtype(thrown, error.asType())) {
        scope.report.error(
            Message.METHOD_THROWS_THROWABLE,
            method,
            mirror,
            null,
            annotation,
            method.getSimpleName(),
            TypeSupport.simple(thrown));
        return false;
      }
    }
    return true;
  }

  /** A declared record or class outside the JDK and the toolkit: the only thing a config can be. */
  static boolean isConfigCandidate(TypeMirror type) {
    Optional<TypeElement> e = TypeSupport.element(type);
    if (e.isEmpty()
        || (e.get().getKind() != ElementKind.RECORD && e.get().getKind() != ElementKind.CLASS)) {
      return false;
    }
    String name = e.get().getQualifiedName().toString();
    if (name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("com.fasterxml.")) {
      return false;
    }
    Element pkg = e.get();
    while (pkg.getKind() != ElementKind.PACKAGE) {
      pkg = pkg.getEnclosingElement();
    }
    return !TOOLKIT_PACKAGES.contains(((PackageElement) pkg).getQualifiedName().toString());
  }

  /**
   * Classifies parameters against the allowed roles, noting the config parameter in the scope;
   * returns empty after reporting a problem.
   */
  static Optional<List<Param>> classify(
      ConnectorScope scope,
      ExecutableElement method,
      String annotation,
      List<Param> allowed,
      String allowedText) {
    List<Param> params = new ArrayList<>();
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      Optional<Param> special = special(p.asType());
      Param param;
      if (special.isPresent() && allowed.contains(special.get())) {
        param = special.get();
      } else if (special.isEmpty()
          && allowed.contains(Param.CONFIG)
          && isConfigCandidate(p.asType())) {
        param = Param.CONFIG;
      } else {
        scope.report.error(
            Message.PARAMETER_TYPE,
            p,
            p.getSimpleName(),
            annotation,
            method.getSimpleName(),
            TypeSupport.simple(p.asType()),
            allowedText);
        ok = false;
        continue;
      }
      if (params.contains(param)) {
        scope.report.error(
            Message.DUPLICATE_PARAMETER,
            p,
            annotation,
            method.getSimpleName(),
            describe(param, p.asType()),
            p.getSimpleName());
        ok = false;
        continue;
      }
      if (param == Param.CONFIG) {
        scope.noteConfig(method, p);
      }
      params.add(param);
    }
    return ok ? Optional.of(params) : Optional.empty();
  }

  private static Optional<Param> special(TypeMirror type) {
    return switch (TypeSupport.qualifiedName(type)) {
      case CURSOR -> Optional.of(Param.CURSOR);
      case PAGE -> Optional.of(Param.PAGE);
      case STREAM_CONTEXT -> Optional.of(Param.CONTEXT);
      case EMITTER -> Optional.of(Param.EMITTER);
      case WRITE_CONTEXT -> Optional.of(Param.WRITE_CONTEXT);
      default -> Optional.empty();
    };
  }

  private static String describe(Param param, TypeMirror type) {
    return switch (param) {
      case CONFIG -> "config (" + TypeSupport.simple(type) + ")";
      case CURSOR -> "Cursor";
      case PAGE -> "Page";
      case CONTEXT -> "StreamContext";
      case EMITTER -> "Emitter";
      case WRITE_CONTEXT -> "WriteContext";
    };
  }

  /** The method's {@code Emitter<R>} parameter, if any. */
  static Optional<VariableElement> emitter(ExecutableElement method) {
    return method.getParameters().stream()
        .filter(p -> TypeSupport.is(p.asType(), EMITTER))
        .map(p -> (VariableElement) p)
        .findFirst();
  }

  /**
   * How a method hands over its records: every one of Stream, Iterator and Iterable its return type
   * is (more than one makes the generated drain call ambiguous), and the element type of the first.
   */
  record Returned(List<ReturnKind> kinds, Optional<TypeMirror> element) {
    boolean ambiguous() {
      return kinds.size() > 1;
    }

    /** The kinds for a message, e.g. {@code Iterator and Iterable}. */
    String describeKinds() {
      List<String> names = new ArrayList<>();
      for (ReturnKind k : kinds) {
        names.add(CONTAINERS.get(CONTAINER_KINDS.indexOf(k)).replaceAll(".*\\.", ""));
      }
      return String.join(" and ", names);
    }
  }

  static Returned returned(TypeSupport types, TypeMirror ret) {
    List<ReturnKind> kinds = new ArrayList<>();
    Optional<TypeMirror> element = Optional.empty();
    if (ret.getKind() == TypeKind.DECLARED) {
      for (int i = 0; i < CONTAINERS.size(); i++) {
        Optional<DeclaredType> s = types.supertype(ret, CONTAINERS.get(i));
        if (s.isPresent()) {
          if (kinds.isEmpty()) {
            element = TypeSupport.typeArgument(s.get(), 0);
          }
          kinds.add(CONTAINER_KINDS.get(i));
        }
      }
    }
    return new Returned(kinds, element);
  }
}
