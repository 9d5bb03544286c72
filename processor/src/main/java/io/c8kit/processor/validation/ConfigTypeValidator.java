package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.ChoiceModel;
import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.ConfigObjectModel;
import io.c8kit.processor.model.EnumModel;
import io.c8kit.processor.model.JsonModel;
import io.c8kit.processor.model.OneOfModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.PropertyModel;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns the config record into the spec's property tree, enforcing the Airbyte spec rules at
 * compile time (unique orders, groups only at top level, well-formed oneOf, secrets marked) so that
 * the generated spec passes the acceptance tests by construction.
 */
final class ConfigTypeValidator {
  private final ConnectorScope scope;
  private final Elements elements;
  private final EnumModels enums;
  private final Report report;
  private final Map<String, Optional<? extends TypeModel>> done = new HashMap<>();
  private final Deque<String> inProgress = new ArrayDeque<>();

  ConfigTypeValidator(ConnectorScope scope, EnumModels enums) {
    this.scope = scope;
    this.elements = scope.elements;
    this.enums = enums;
    this.report = scope.report;
  }

  Optional<ConfigModel> config(TypeElement record, ClassName binder) {
    inProgress.push(record.getQualifiedName().toString());
    Optional<ConfigObjectModel> root = object(record, true, null, 0);
    inProgress.pop();
    return root.map(
        r -> {
          Set<String> groups = new LinkedHashSet<>();
          r.properties()
              .forEach(
                  p -> {
                    if (!p.group().isEmpty()) {
                      groups.add(p.group());
                    }
                  });
          return new ConfigModel(ClassName.get(record), r, List.copyOf(groups), binder);
        });
  }

  private Optional<ConfigObjectModel> object(
      TypeElement record, boolean top, String discriminator, int firstAutoOrder) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    boolean anyExplicit =
        components.stream()
            .anyMatch(
                c ->
                    Annotations.find(Annotations.site(c), Annotations.PROPERTY)
                        .map(m -> new Annotations.Values(elements, m).integer("order") >= 0)
                        .orElse(false));
    boolean ok = true;
    List<PropertyModel> properties = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<Integer, String> orders = new HashMap<>();
    if (discriminator != null) {
      orders.put(0, "the discriminator " + discriminator);
    }
    int index = 0;
    for (RecordComponentElement c : components) {
      Optional<Integer> auto = anyExplicit ? Optional.empty() : Optional.of(firstAutoOrder + index);
      index++;
      Optional<Annotations.Values> prop =
          Annotations.find(Annotations.site(c), Annotations.PROPERTY)
              .map(m -> new Annotations.Values(elements, m));
      Optional<PropertyModel> p = property(c, record, top, discriminator, auto);
      if (p.isEmpty()) {
        ok = false;
        continue;
      }
      String previous = names.putIfAbsent(p.get().jsonName(), c.getSimpleName().toString());
      if (previous != null) {
        report.error(
            Message.DUPLICATE_PROPERTY_NAME,
            Annotations.site(c),
            Annotations.mirror(prop),
            prop.map(v -> v.at("name")).orElse(null),
            p.get().jsonName(),
            c.getSimpleName(),
            previous);
        ok = false;
      }
      if (prop.isPresent() && prop.get().integer("order") >= 0) {
        int order = prop.get().integer("order");
        String clash = orders.putIfAbsent(order, c.getSimpleName().toString());
        if (clash != null) {
          report.error(
              Message.DUPLICATE_ORDER,
              Annotations.site(c),
              prop.get().mirror(),
              prop.get().at("order"),
              order,
              c.getSimpleName(),
              clash,
              record.getSimpleName());
          ok = false;
        }
      }
      properties.add(p.get());
    }
    return ok
        ? Optional.of(new ConfigObjectModel(ClassName.get(record), properties))
        : Optional.empty();
  }

  private Optional<PropertyModel> property(
      RecordComponentElement c,
      TypeElement owner,
      boolean top,
      String discriminator,
      Optional<Integer> autoOrder) {
    Optional<Annotations.Values> prop =
        Annotations.find(Annotations.site(c), Annotations.PROPERTY)
            .map(m -> new Annotations.Values(elements, m));
    String javaName = c.getSimpleName().toString();
    String jsonName =
        prop.map(p -> p.string("name")).filter(n -> !n.isEmpty()).orElse(Names.snake(javaName));
    boolean ok = true;
    if (discriminator != null && jsonName.equals(discriminator)) {
      report.error(
          Message.DISCRIMINATOR_CLASH,
          Annotations.site(c),
          c.getSimpleName(),
          owner.getSimpleName(),
          jsonName,
          enclosingOneOfName(owner));
      ok = false;
    }
    Optional<TypeModel> type = type(c.asType(), c, owner);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return new PropertyValidator(elements, report, c, jsonName, type.get())
        .validate(top, autoOrder, ok);
  }

  private String enclosingOneOfName(TypeElement option) {
    for (TypeMirror i : option.getInterfaces()) {
      Optional<TypeElement> e = TypeSupport.element(i);
      if (e.isPresent() && Annotations.has(e.get(), Annotations.ONE_OF)) {
        return e.get().getSimpleName().toString();
      }
    }
    return "?";
  }

  private Optional<TypeModel> type(TypeMirror type, RecordComponentElement c, TypeElement owner) {
    TypeClassifier.JavaType shape = TypeClassifier.classify(type, TypeClassifier.Policy.CONFIG);
    String role = "type of config property " + owner.getSimpleName() + "." + c.getSimpleName();
    String hint;
    if (shape instanceof TypeClassifier.ScalarType s) {
      return Optional.of(s.model());
    } else if (shape instanceof TypeClassifier.EnumType e) {
      return enums.model(e.element(), role, Annotations.site(c)).map(m -> m);
    } else if (shape instanceof TypeClassifier.CollectionType col) {
      Optional<TypeModel> e = type(col.element(), c, owner);
      if (e.isEmpty()) {
        return Optional.empty();
      }
      if (e.get() instanceof ScalarModel
          || e.get() instanceof EnumModel
          || e.get() instanceof ConfigObjectModel) {
        return Optional.of(new CollectionModel(col.set(), e.get()));
      }
      hint = " (list elements must be scalars, enums or records)";
    } else if (shape instanceof TypeClassifier.OptionalType o) {
      return type(o.element(), c, owner).map(OptionalModel::new);
    } else if (shape instanceof TypeClassifier.JsonType j) {
      return Optional.of(new JsonModel(j.kind()));
    } else if (shape instanceof TypeClassifier.OneOfType o) {
      TypeElement e = o.element();
      if (!Accessibility.check(scope, e, role, Annotations.site(c), null, null)) {
        return Optional.empty();
      }
      return cached(e.getQualifiedName().toString(), () -> oneOf(e)).map(t -> (TypeModel) t);
    } else if (shape instanceof TypeClassifier.RecordType r) {
      TypeElement e = r.element();
      String key = e.getQualifiedName().toString();
      if (inProgress.contains(key)) {
        report.error(
            Message.RECURSIVE_TYPE,
            Annotations.site(c),
            e.getSimpleName(),
            owner.getSimpleName() + "." + c.getSimpleName());
        return Optional.empty();
      }
      if (!Accessibility.check(scope, e, role, Annotations.site(c), null, null)) {
        return Optional.empty();
      }
      return cached(
              key,
              () -> {
                inProgress.push(key);
                Optional<ConfigObjectModel> o = object(e, false, null, 0);
                inProgress.pop();
                return o;
              })
          .map(t -> (TypeModel) t);
    } else {
      hint = ((TypeClassifier.Unsupported) shape).hint();
    }
    report.error(
        Message.CONFIG_PROPERTY_TYPE,
        Annotations.site(c),
        c.getSimpleName(),
        owner.getSimpleName(),
        TypeSupport.simple(type),
        hint);
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private <T extends TypeModel> Optional<T> cached(
      String key, java.util.function.Supplier<Optional<T>> compute) {
    Optional<? extends TypeModel> hit = done.get(key);
    if (hit != null) {
      return (Optional<T>) hit;
    }
    Optional<T> result = compute.get();
    done.put(key, result);
    return result;
  }

  private Optional<OneOfModel> oneOf(TypeElement type) {
    Annotations.Values oneOf =
        new Annotations.Values(elements, Annotations.find(type, Annotations.ONE_OF).orElseThrow());
    boolean ok = true;
    String discriminator = oneOf.string("discriminator");
    if (!Pattern.matches("[A-Za-z_][A-Za-z0-9_]*", discriminator)) {
      report.error(
          Message.INVALID_DISCRIMINATOR,
          type,
          oneOf.mirror(),
          oneOf.at("discriminator"),
          discriminator,
          type.getSimpleName());
      ok = false;
    }
    if (type.getKind() != ElementKind.INTERFACE || !type.getModifiers().contains(Modifier.SEALED)) {
      report.error(
          Message.ONEOF_NOT_SEALED,
          type,
          oneOf.mirror(),
          null,
          type.getSimpleName(),
          type.getSimpleName());
      return Optional.empty();
    }
    List<ChoiceModel> choices = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (TypeMirror permitted : type.getPermittedSubclasses()) {
      TypeElement option = TypeSupport.element(permitted).orElseThrow();
      if (option.getKind() != ElementKind.RECORD) {
        report.error(
            Message.CHOICE_NOT_RECORD,
            option,
            option.getSimpleName(),
            type.getSimpleName(),
            option.getSimpleName(),
            type.getSimpleName());
        ok = false;
        continue;
      }
      Optional<AnnotationMirror> choiceMirror = Annotations.find(option, Annotations.CHOICE);
      if (choiceMirror.isEmpty()) {
        report.error(Message.CHOICE_MISSING, option, option.getSimpleName(), type.getSimpleName());
        ok = false;
        continue;
      }
      Annotations.Values choice = new Annotations.Values(elements, choiceMirror.get());
      if (!Accessibility.check(
          scope,
          option,
          "option of @OneOf " + type.getSimpleName(),
          option,
          choiceMirror.get(),
          null)) {
        ok = false;
        continue;
      }
      String value = choice.string("value");
      String previous = values.putIfAbsent(value, option.getSimpleName().toString());
      if (previous != null) {
        report.error(
            Message.DUPLICATE_CHOICE,
            option,
            choice.mirror(),
            choice.at("value"),
            value,
            option.getSimpleName(),
            previous);
        ok = false;
      }
      String key = option.getQualifiedName() + "#choice";
      if (inProgress.contains(key)) {
        continue;
      }
      inProgress.push(key);
      Optional<ConfigObjectModel> object = object(option, false, discriminator, 1);
      inProgress.pop();
      if (object.isEmpty()) {
        ok = false;
        continue;
      }
      String title =
          choice.string("title").isEmpty()
              ? Names.title(option.getSimpleName().toString())
              : choice.string("title");
      choices.add(new ChoiceModel(value, title, choice.string("description"), object.get()));
    }
    return ok
        ? Optional.of(
            new OneOfModel(
                ClassName.get(type), discriminator, oneOf.string("displayType"), choices))
        : Optional.empty();
  }
}
