package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the types a connector reaches that the compilation does not know yet, typically because
 * another annotation processor generates them in this round; the connector is then validated in a
 * later round instead of failing on a half-known model.
 */
final class UnresolvedTypes {
  /** One unknown type and where the connector refers to it. */
  record Unresolved(String type, Element site, AnnotationMirror mirror, AnnotationValue value) {}

  private static final List<String> METHOD_ANNOTATIONS =
      List.of(
          Annotations.STREAM,
          Annotations.CHECK,
          Annotations.DISCOVER,
          Annotations.READ,
          Annotations.WRITER);

  private final List<Unresolved> found = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  private UnresolvedTypes() {}

  /** Every unknown type reached from {@code connector}'s annotation, methods and records. */
  static List<Unresolved> find(TypeElement connector) {
    UnresolvedTypes scan = new UnresolvedTypes();
    for (String annotation : List.of(Annotations.SOURCE, Annotations.DESTINATION)) {
      Optional<AnnotationMirror> mirror = Annotations.find(connector, annotation);
      if (mirror.isPresent()) {
        for (String member : List.of("configErrors", "transientErrors")) {
          scan.classLiterals(connector, mirror.get(), member);
        }
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(connector.getEnclosedElements())) {
      if (METHOD_ANNOTATIONS.stream().anyMatch(a -> Annotations.has(method, a))) {
        scan.type(method.getReturnType(), method);
        for (VariableElement p : method.getParameters()) {
          scan.type(p.asType(), p);
        }
      }
    }
    return List.copyOf(scan.found);
  }

  /**
   * javac gives an unknown or inaccessible class literal as the string "<error>", not as a type
   * (and reports why itself).
   */
  private void classLiterals(TypeElement connector, AnnotationMirror mirror, String member) {
    AnnotationValue value = Annotations.explicit(mirror, member);
    if (value == null || !(value.getValue() instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
      Object v = item instanceof AnnotationValue av ? av.getValue() : item;
      if (v instanceof TypeMirror t && t.getKind() == TypeKind.ERROR) {
        found.add(new Unresolved("type " + t, connector, mirror, value));
      } else if (!(v instanceof TypeMirror)) {
        found.add(new Unresolved("a class listed in " + member, connector, mirror, value));
      }
    }
  }

  private void type(TypeMirror type, Element site) {
    switch (type.getKind()) {
      case ERROR -> found.add(new Unresolved("type " + type, site, null, null));
      case ARRAY -> type(((ArrayType) type).getComponentType(), site);
      case WILDCARD -> {
        WildcardType w = (WildcardType) type;
        if (w.getExtendsBound() != null) {
          type(w.getExtendsBound(), site);
        }
        if (w.getSuperBound() != null) {
          type(w.getSuperBound(), site);
        }
      }
      case DECLARED -> {
        ((DeclaredType) type).getTypeArguments().forEach(a -> type(a, site));
        TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
        String name = e.getQualifiedName().toString();
        if (name.startsWith("java.") || name.startsWith("javax.") || !visited.add(name)) {
          return;
        }
        if (e.getKind() == ElementKind.RECORD) {
          for (RecordComponentElement c : e.getRecordComponents()) {
            type(c.asType(), Annotations.site(c));
          }
        }
        for (TypeMirror permitted : e.getPermittedSubclasses()) {
          type(permitted, e);
        }
      }
      default -> {}
    }
  }
}
