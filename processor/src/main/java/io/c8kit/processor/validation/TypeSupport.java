package io.c8kit.processor.validation;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Small questions about type mirrors asked by name (not by Class), so that the processor works even
 * when a type is missing from its own class path.
 */
final class TypeSupport {
  private final Types types;

  TypeSupport(Types types) {
    this.types = types;
  }

  Types types() {
    return types;
  }

  /** The qualified name of a declared type's class, or empty for other kinds. */
  static String qualifiedName(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return "";
    }
    Element e = ((DeclaredType) type).asElement();
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : "";
  }

  static boolean is(TypeMirror type, String qualifiedName) {
    return qualifiedName(type).equals(qualifiedName);
  }

  static Optional<TypeElement> element(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    Element e = ((DeclaredType) type).asElement();
    return e instanceof TypeElement t ? Optional.of(t) : Optional.empty();
  }

  /**
   * The single type argument, resolving {@code ? extends X} to X; empty for raw or other wildcards.
   */
  static Optional<TypeMirror> typeArgument(TypeMirror type, int index) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    if (args.size() <= index) {
      return Optional.empty();
    }
    TypeMirror arg = args.get(index);
    if (arg.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((WildcardType) arg).getExtendsBound();
      return Optional.ofNullable(bound);
    }
    return Optional.of(arg);
  }

  /**
   * The supertype of {@code type} (itself included) whose class is {@code qualifiedName}, with type
   * arguments substituted: {@code ArrayList<User>} as {@code Iterable} gives {@code
   * Iterable<User>}.
   */
  Optional<DeclaredType> supertype(TypeMirror type, String qualifiedName) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    if (is(type, qualifiedName)) {
      return Optional.of((DeclaredType) type);
    }
    for (TypeMirror s : types.directSupertypes(type)) {
      Optional<DeclaredType> found = supertype(s, qualifiedName);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Short form of a type for messages: {@code java.util.List<java.lang.String>} → {@code
   * List<String>}.
   */
  static String simple(TypeMirror type) {
    return type.toString().replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
  }
}
