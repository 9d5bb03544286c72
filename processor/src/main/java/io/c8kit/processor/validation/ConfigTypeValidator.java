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
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.math.BigDecimal;
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
import java.util.regex.PatternSyntaxException;
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
    return root.map(r -> {
      Set<String> groups = new LinkedHashSet<>();
      r.properties().forEach(p -> {
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
    boolean anyExplicit = components.stream().anyMatch(c -> Annotations.find(Annotations.site(c), Annotations.PROPERTY)
        .map(m -> new Annotations.Values(elements, m).integer("order") >= 0).orElse(false));
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
      Optional<Annotations.Values> prop = Annotations.find(Annotations.site(c), Annotations.PROPERTY)
          .map(m -> new Annotations.Values(elements, m));
      Optional<PropertyModel> p = property(c, record, top, discriminator, auto);
      if (p.isEmpty()) {
        ok = false;
        continue;
      }
      String previous = names.putIfAbsent(p.get().jsonName(), c.getSimpleName().toString());
      if (previous != null) {
        report.error(Message.DUPLICATE_PROPERTY_NAME, Annotations.site(c), mirror(prop), prop.map(v -> v.at("name")).orElse(null),
            p.get().jsonName(), c.getSimpleName(), previous);
        ok = false;
      }
      if (prop.isPresent() && prop.get().integer("order") >= 0) {
        int order = prop.get().integer("order");
        String clash = orders.putIfAbsent(order, c.getSimpleName().toString());
        if (clash != null) {
          report.error(Message.DUPLICATE_ORDER, Annotations.site(c), prop.get().mirror(), prop.get().at("order"), order,
              c.getSimpleName(), clash, record.getSimpleName());
          ok = false;
        }
      }
      properties.add(p.get());
    }
    return ok ? Optional.of(new ConfigObjectModel(ClassName.get(record), properties)) : Optional.empty();
  }

  private static AnnotationMirror mirror(Optional<Annotations.Values> values) {
    return values.map(Annotations.Values::mirror).orElse(null);
  }

  private Optional<PropertyModel> property(
      RecordComponentElement c, TypeElement owner, boolean top, String discriminator,
      Optional<Integer> autoOrder) {
    Optional<Annotations.Values> prop = Annotations.find(Annotations.site(c), Annotations.PROPERTY)
        .map(m -> new Annotations.Values(elements, m));
    Optional<Annotations.Values> def = Annotations.find(Annotations.site(c), Annotations.DEFAULT_VALUE)
        .map(m -> new Annotations.Values(elements, m));
    Optional<AnnotationMirror> secretMirror = Annotations.find(Annotations.site(c), Annotations.SECRET);
    boolean secret = secretMirror.isPresent();
    String javaName = c.getSimpleName().toString();
    String jsonName = prop.map(p -> p.string("name")).filter(n -> !n.isEmpty())
        .orElse(Names.snake(javaName));
    boolean ok = true;
    if (discriminator != null && jsonName.equals(discriminator)) {
      report.error(Message.DISCRIMINATOR_CLASH, Annotations.site(c), c.getSimpleName(), owner.getSimpleName(), jsonName,
          enclosingOneOfName(owner));
      ok = false;
    }
    Optional<TypeModel> type = type(c.asType(), c, owner);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    TypeModel inner = type.get() instanceof OptionalModel o ? o.element() : type.get();
    String title = prop.map(p -> p.string("title")).filter(t -> !t.isEmpty()).orElse(Names.title(javaName));
    String description = prop.map(p -> p.string("description")).orElse("");

    Optional<Integer> order = autoOrder;
    if (prop.isPresent()) {
      int explicit = prop.get().integer("order");
      if (explicit < -1) {
        report.error(Message.INVALID_ORDER, Annotations.site(c), prop.get().mirror(), prop.get().at("order"), explicit,
            javaName);
        ok = false;
      } else if (explicit >= 0) {
        order = Optional.of(explicit);
      }
    }

    Optional<Object> defaultValue = Optional.empty();
    if (def.isPresent()) {
      String text = def.get().string("value");
      if (secret) {
        report.error(Message.DEFAULT_ON_SECRET, Annotations.site(c), def.get().mirror(), def.get().at("value"), javaName);
        ok = false;
      } else {
        try {
          defaultValue = Optional.of(DefaultValues.parse(type.get(), text));
        } catch (DefaultValues.Unparseable e) {
          report.error(Message.DEFAULT_UNPARSEABLE, Annotations.site(c), def.get().mirror(), def.get().at("value"), text,
              javaName, DefaultValues.describe(type.get()), e.getMessage(), DefaultValues.sample(type.get()));
          ok = false;
        }
      }
    }

    List<Object> examples = new ArrayList<>();
    Optional<BigDecimal> minimum = Optional.empty();
    Optional<BigDecimal> maximum = Optional.empty();
    String pattern = "";
    String patternDescriptor = "";
    String format = "";
    String group = "";
    if (prop.isPresent()) {
      Annotations.Values p = prop.get();
      for (String example : p.strings("examples")) {
        try {
          examples.add(DefaultValues.parse(type.get(), example));
        } catch (DefaultValues.Unparseable e) {
          report.error(Message.EXAMPLE_UNPARSEABLE, Annotations.site(c), p.mirror(), p.at("examples"), example, javaName,
              DefaultValues.describe(type.get()), e.getMessage());
          ok = false;
        }
      }
      boolean numeric = inner instanceof ScalarModel s && s.scalar().isNumeric();
      for (String bound : List.of("minimum", "maximum")) {
        double value = p.dbl(bound);
        if (Double.isNaN(value)) {
          continue;
        }
        if (!numeric) {
          report.error(Message.MIN_MAX_NOT_NUMERIC, Annotations.site(c), p.mirror(), p.at(bound), bound, javaName,
              DefaultValues.describe(type.get()));
          ok = false;
        } else if (Double.isInfinite(value)) {
          report.error(Message.BOUND_NOT_FINITE, Annotations.site(c), p.mirror(), p.at(bound), bound, javaName,
              value > 0 ? "+infinity" : "-infinity");
          ok = false;
        } else if (bound.equals("minimum")) {
          minimum = Optional.of(DefaultValues.normalize(BigDecimal.valueOf(value)));
        } else {
          maximum = Optional.of(DefaultValues.normalize(BigDecimal.valueOf(value)));
        }
      }
      if (minimum.isPresent() && maximum.isPresent() && minimum.get().compareTo(maximum.get()) > 0) {
        report.error(Message.MIN_GREATER_THAN_MAX, Annotations.site(c), p.mirror(), p.at("minimum"),
            minimum.get().toPlainString(), javaName, maximum.get().toPlainString());
        ok = false;
      }
      boolean string = inner instanceof ScalarModel s && s.scalar() == Scalar.STRING;
      pattern = p.string("pattern");
      patternDescriptor = p.string("patternDescriptor");
      for (String member : List.of("pattern", "patternDescriptor")) {
        if (!p.string(member).isEmpty() && !string) {
          report.error(Message.PATTERN_NOT_STRING, Annotations.site(c), p.mirror(), p.at(member), member, javaName,
              DefaultValues.describe(type.get()));
          ok = false;
        }
      }
      if (!pattern.isEmpty() && string) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          report.error(Message.INVALID_PATTERN, Annotations.site(c), p.mirror(), p.at("pattern"), pattern, javaName,
              e.getDescription());
          ok = false;
        }
      }
      format = p.string("format");
      group = p.string("group");
      if (!group.isEmpty() && !top) {
        report.error(Message.GROUP_NOT_TOP_LEVEL, Annotations.site(c), p.mirror(), p.at("group"), group, javaName);
        ok = false;
      }
    }
    if (defaultValue.isPresent() && (minimum.isPresent() || maximum.isPresent())
        && defaultValue.get() instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if ((minimum.isPresent() && d.compareTo(minimum.get()) < 0)
          || (maximum.isPresent() && d.compareTo(maximum.get()) > 0)) {
        report.error(Message.DEFAULT_OUT_OF_RANGE, Annotations.site(c), def.get().mirror(), def.get().at("value"),
            def.get().string("value"), javaName,
            minimum.map(BigDecimal::toPlainString).orElse("-inf"),
            maximum.map(BigDecimal::toPlainString).orElse("+inf"));
        ok = false;
      }
    }
    Optional<Pattern> compiled = pattern.isEmpty() || !ok ? Optional.empty() : compile(pattern);
    if (defaultValue.isPresent()) {
      Optional<String> problem = Constraints.shapeProblem(defaultValue.get(), type.get(), compiled);
      if (problem.isPresent()) {
        report.error(Message.VALUE_VIOLATES_CONSTRAINT, Annotations.site(c), def.get().mirror(),
            def.get().at("value"), "@DefaultValue(\"" + def.get().string("value") + "\")", javaName, problem.get());
        ok = false;
      }
    }
    int exampleCount = prop.map(p -> p.strings("examples").size()).orElse(0);
    for (int i = 0; i < examples.size() && examples.size() == exampleCount; i++) {
      Object example = examples.get(i);
      Optional<String> problem = Constraints.rangeProblem(example, minimum, maximum)
          .or(() -> Constraints.shapeProblem(example, type.get(), compiled));
      if (problem.isPresent()) {
        report.error(Message.VALUE_VIOLATES_CONSTRAINT, Annotations.site(c), prop.get().mirror(),
            prop.get().at("examples"), "example \"" + prop.get().strings("examples").get(i) + "\"", javaName,
            problem.get());
        ok = false;
      }
    }
    boolean secretCapable = inner instanceof EnumModel
        || (inner instanceof ScalarModel s && s.scalar() != Scalar.BOOLEAN);
    if (secret && !secretCapable) {
      report.error(Message.SECRET_NOT_SCALAR, Annotations.site(c), secretMirror.get(), null, javaName,
          DefaultValues.describe(type.get()));
      ok = false;
    }
    if (!secret && secretCapable && SecretNames.looksSecret(jsonName)) {
      report.error(Message.SECRET_NOT_MARKED, Annotations.site(c), mirror(prop), null, jsonName);
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    boolean required = !(type.get() instanceof OptionalModel) && defaultValue.isEmpty();
    Annotations.Values p = prop.orElse(null);
    return Optional.of(new PropertyModel(javaName, jsonName, title, description, order, type.get(),
        required, secret, defaultValue, defaultValue.map(DefaultValues::c8Text).orElse(""), examples,
        minimum, maximum, pattern, patternDescriptor, format, group,
        p != null && p.bool("alwaysShow"), p != null && p.bool("hidden"),
        p != null && p.bool("multiline"), p != null && p.bool("dynamic"),
        p == null ? "" : p.string("placeholder")));
  }

  private static Optional<Pattern> compile(String pattern) {
    try {
      return Optional.of(Pattern.compile(pattern));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
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
      if (e.get() instanceof ScalarModel || e.get() instanceof EnumModel || e.get() instanceof ConfigObjectModel) {
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
        report.error(Message.RECURSIVE_TYPE, Annotations.site(c), e.getSimpleName(),
            owner.getSimpleName() + "." + c.getSimpleName());
        return Optional.empty();
      }
      if (!Accessibility.check(scope, e, role, Annotations.site(c), null, null)) {
        return Optional.empty();
      }
      return cached(key, () -> {
        inProgress.push(key);
        Optional<ConfigObjectModel> o = object(e, false, null, 0);
        inProgress.pop();
        return o;
      }).map(t -> (TypeModel) t);
    } else {
      hint = ((TypeClassifier.Unsupported) shape).hint();
    }
    report.error(Message.CONFIG_PROPERTY_TYPE, Annotations.site(c), c.getSimpleName(), owner.getSimpleName(),
        TypeSupport.simple(type), hint);
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
    Annotations.Values oneOf = new Annotations.Values(elements,
        Annotations.find(type, Annotations.ONE_OF).orElseThrow());
    boolean ok = true;
    String discriminator = oneOf.string("discriminator");
    if (!Pattern.matches("[A-Za-z_][A-Za-z0-9_]*", discriminator)) {
      report.error(Message.INVALID_DISCRIMINATOR, type, oneOf.mirror(), oneOf.at("discriminator"),
          discriminator, type.getSimpleName());
      ok = false;
    }
    if (type.getKind() != ElementKind.INTERFACE || !type.getModifiers().contains(Modifier.SEALED)) {
      report.error(Message.ONEOF_NOT_SEALED, type, oneOf.mirror(), null, type.getSimpleName(),
          type.getSimpleName());
      return Optional.empty();
    }
    List<ChoiceModel> choices = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    for (TypeMirror permitted : type.getPermittedSubclasses()) {
      TypeElement option = TypeSupport.element(permitted).orElseThrow();
      if (option.getKind() != ElementKind.RECORD) {
        report.error(Message.CHOICE_NOT_RECORD, option, option.getSimpleName(), type.getSimpleName(),
            option.getSimpleName(), type.getSimpleName());
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
      if (!Accessibility.check(scope, option, "option of @OneOf " + type.getSimpleName(), option,
          choiceMirror.get(), null)) {
        ok = false;
        continue;
      }
      String value = choice.string("value");
      String previous = values.putIfAbsent(value, option.getSimpleName().toString());
      if (previous != null) {
        report.error(Message.DUPLICATE_CHOICE, option, choice.mirror(), choice.at("value"), value,
            option.getSimpleName(), previous);
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
      String title = choice.string("title").isEmpty()
          ? Names.title(option.getSimpleName().toString()) : choice.string("title");
      choices.add(new ChoiceModel(value, title, choice.string("description"), object.get()));
    }
    return ok
        ? Optional.of(new OneOfModel(ClassName.get(type), discriminator, oneOf.string("displayType"), choices))
        : Optional.empty();
  }
}
