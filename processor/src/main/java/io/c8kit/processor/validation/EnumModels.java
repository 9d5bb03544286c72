package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.EnumModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Builds enum models (JSON names from {@code @Field(name)} on constants) once per connector,
 * reporting constants whose JSON names collide: the spec or schema would list the name twice and
 * binding or writing could not tell the constants apart.
 */
final class EnumModels {
  private final ConnectorScope scope;
  private final Map<String, Optional<EnumModel>> done = new HashMap<>();

  EnumModels(ConnectorScope scope) {
    this.scope = scope;
  }

  /**
   * The model of {@code type}, or empty (reported once) when it is inaccessible or names collide.
   */
  Optional<EnumModel> model(TypeElement type, String role, Element site) {
    String key = type.getQualifiedName().toString();
    Optional<EnumModel> cached = done.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<EnumModel> result = build(type, role, site);
    done.put(key, result);
    return result;
  }

  private Optional<EnumModel> build(TypeElement type, String role, Element site) {
    if (!Accessibility.check(scope, type, role, site, null, null)) {
      return Optional.empty();
    }
    boolean ok = true;
    List<String> constants = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    for (Element c : type.getEnclosedElements()) {
      if (c.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String constant = c.getSimpleName().toString();
      Optional<Annotations.Values> field =
          Annotations.find(c, Annotations.FIELD)
              .map(m -> new Annotations.Values(scope.elements, m));
      String name = field.map(f -> f.string("name")).filter(n -> !n.isEmpty()).orElse(constant);
      String previous = owners.putIfAbsent(name, constant);
      if (previous != null) {
        AnnotationMirror mirror = field.map(Annotations.Values::mirror).orElse(null);
        scope.report.error(
            Message.DUPLICATE_ENUM_NAME,
            c,
            mirror,
            field.map(f -> f.at("name")).orElse(null),
            name,
            constant,
            type.getSimpleName(),
            previous);
        ok = false;
      }
      constants.add(constant);
      names.add(name);
    }
    return ok
        ? Optional.of(new EnumModel(ClassName.get(type), constants, names))
        : Optional.empty();
  }
}
