package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors, never through reflection: {@code Class} members (error types) would
 * throw MirroredTypeException, and mirrors let diagnostics point at the exact annotation value.
 */
final class Annotations {
  private Annotations() {}

  static final String PKG = "io.c8kit.annotations.";
  static final String SOURCE = PKG + "Source";
  static final String DESTINATION = PKG + "Destination";
  static final String STREAM = PKG + "Stream";
  static final String CHECK = PKG + "Check";
  static final String DISCOVER = PKG + "Discover";
  static final String READ = PKG + "Read";
  static final String WRITER = PKG + "Writer";
  static final String PROPERTY = PKG + "Property";
  static final String DEFAULT_VALUE = PKG + "DefaultValue";
  static final String SECRET = PKG + "Secret";
  static final String ONE_OF = PKG + "OneOf";
  static final String CHOICE = PKG + "Choice";
  static final String FIELD = PKG + "Field";

  /**
   * Where diagnostics about a record component go: its private field. javac (17) cannot map a
   * RecordComponentElement back to source, so a message on it would have no file or line; the field
   * shares the component's declaration and carries the same FIELD-targeted annotations.
   */
  static Element site(javax.lang.model.element.RecordComponentElement component) {
    for (Element e : component.getEnclosingElement().getEnclosedElements()) {
      if (e.getKind() == javax.lang.model.element.ElementKind.FIELD
          && e.getSimpleName().contentEquals(component.getSimpleName())) {
        return e;
      }
    }
    return component;
  }

  /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /**
   * The value as written in source, or {@code null} when the member was left at its default (a
   * diagnostic then points at the whole annotation).
   */
  static AnnotationValue explicit(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The mirror of an annotation that may be absent, for diagnostics. */
  static AnnotationMirror mirror(Optional<Values> values) {
    return values.map(Values::mirror).orElse(null);
  }

  /** A typed view of one annotation mirror with its defaults. */
  static final class Values {
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;

    Values(Elements elements, AnnotationMirror mirror) {
      this.mirror = mirror;
      this.values = elements.getElementValuesWithDefaults(mirror);
    }

    AnnotationMirror mirror() {
      return mirror;
    }

    /** The explicit value for diagnostics (may be null). */
    AnnotationValue at(String member) {
      return explicit(mirror, member);
    }

    private Object raw(String member) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
          values.entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(member)) {
          return e.getValue().getValue();
        }
      }
      throw new IllegalArgumentException("no member " + member + " in " + mirror);
    }

    String string(String member) {
      return (String) raw(member);
    }

    boolean bool(String member) {
      return (Boolean) raw(member);
    }

    int integer(String member) {
      return (Integer) raw(member);
    }

    double dbl(String member) {
      return (Double) raw(member);
    }

    private List<? extends AnnotationValue> list(String member) {
      @SuppressWarnings("unchecked")
      List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) raw(member);
      return list;
    }

    List<String> strings(String member) {
      List<String> out = new ArrayList<>();
      for (AnnotationValue v : list(member)) {
        out.add((String) v.getValue());
      }
      return out;
    }

    /** Enum constant names, in declaration order. */
    List<String> enumNames(String member) {
      List<String> out = new ArrayList<>();
      for (AnnotationValue v : list(member)) {
        out.add(((VariableElement) v.getValue()).getSimpleName().toString());
      }
      return out;
    }

    /** Class literals as type mirrors (never as Class objects). */
    List<DeclaredType> types(String member) {
      List<DeclaredType> out = new ArrayList<>();
      for (AnnotationValue v : list(member)) {
        Object value = v.getValue();
        if (value instanceof TypeMirror t && t instanceof DeclaredType d) {
          out.add(d);
        }
      }
      return out;
    }
  }
}
