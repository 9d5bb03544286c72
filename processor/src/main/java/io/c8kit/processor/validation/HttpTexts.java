package io.c8kit.processor.validation;

import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.HttpSourceModel.Credential;
import io.c8kit.processor.model.HttpSourceModel.Part;
import io.c8kit.processor.model.HttpSourceModel.Text;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.PropertyModel;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Resolves the {@code {property}} placeholders and credential properties of the HTTP annotations
 * against the config model, so that a misspelt or unfitting property is a compile error on the
 * annotation value instead of a run-time failure.
 */
final class HttpTexts {
  /** Where a diagnostic goes: the element, the (possibly nested) annotation and its value. */
  record Site(Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final ConnectorScope scope;
  private final ConfigModel config;
  private boolean usesConfig;

  HttpTexts(ConnectorScope scope, ConfigModel config) {
    this.scope = scope;
    this.config = config;
  }

  /** True once any text or credential resolved reads the config. */
  boolean usesConfig() {
    return usesConfig;
  }

  /** Resets {@link #usesConfig()}, to learn whether the texts of one method read the config. */
  boolean takeUsesConfig() {
    boolean used = usesConfig;
    usesConfig = false;
    return used;
  }

  /** A text with placeholders of scalar properties; empty after reporting a problem. */
  Optional<Text> text(String what, String value, Site site) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    boolean ok = true;
    while (i < value.length()) {
      int open = value.indexOf('{', i);
      if (open < 0) {
        parts.add(new Part(value.substring(i), ""));
        break;
      }
      int close = value.indexOf('}', open);
      String name = close < 0 ? "" : value.substring(open + 1, close);
      if (!name.matches("[A-Za-z0-9_]+")) {
        scope.report.error(
            Message.HTTP_VALUE_MALFORMED,
            site.element(),
            site.mirror(),
            site.value(),
            what,
            value,
            "has an unclosed or empty {placeholder}",
            "text with {property} placeholders, e.g. \"{base_url}/v1\"");
        return Optional.empty();
      }
      if (open > i) {
        parts.add(new Part(value.substring(i, open), ""));
      }
      Optional<PropertyModel> p = property(what, name, site);
      if (p.isPresent() && scalar(p.get().type()).isEmpty()) {
        typeError(
            what,
            p.get(),
            "a scalar (String, number, boolean or date-time) that is always set",
            site);
        ok = false;
      } else if (p.isPresent()) {
        parts.add(new Part("", p.get().javaName()));
      } else {
        ok = false;
      }
      i = close + 1;
    }
    return ok ? Optional.of(new Text(parts)) : Optional.empty();
  }

  /** A positive number, literal or an {@code int} property; empty after reporting a problem. */
  Optional<Text> integer(String what, String value, Site site) {
    if (!value.contains("{")) {
      try {
        if (Integer.parseInt(value.strip()) > 0) {
          return Optional.of(new Text(List.of(new Part(value.strip(), ""))));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      scope.report.error(
          Message.HTTP_VALUE_MALFORMED,
          site.element(),
          site.mirror(),
          site.value(),
          what,
          value,
          "is neither a positive number nor a {property} placeholder",
          "e.g. \"100\" or \"{page_size}\"");
      return Optional.empty();
    }
    Optional<Text> text = text(what, value, site);
    if (text.isEmpty()) {
      return text;
    }
    if (!text.get().single()) {
      scope.report.error(
          Message.HTTP_VALUE_MALFORMED,
          site.element(),
          site.mirror(),
          site.value(),
          what,
          value,
          "mixes text and a placeholder where a number is needed",
          "one placeholder alone, e.g. \"{page_size}\"");
      return Optional.empty();
    }
    String name = value.strip().substring(1, value.strip().length() - 1);
    PropertyModel p = property(what, name, site).orElseThrow();
    if (!(p.type() instanceof ScalarModel s && s.scalar() == Scalar.INT)) {
      typeError(what, p, "int or Integer", site);
      return Optional.empty();
    }
    return text;
  }

  /** A credential property: String, or Optional<String> to authenticate only when set. */
  Optional<Credential> credential(String member, String name, boolean secret, Site site) {
    String what = "@HttpAuth " + member;
    Optional<PropertyModel> p = property(what, name, site);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    TypeModel type = p.get().type();
    boolean optional = type instanceof OptionalModel;
    TypeModel inner = type instanceof OptionalModel o ? o.element() : type;
    if (!(inner instanceof ScalarModel s && s.scalar() == Scalar.STRING)) {
      typeError(what, p.get(), "String or Optional<String>", site);
      return Optional.empty();
    }
    if (secret && !p.get().secret()) {
      scope.report.error(
          Message.HTTP_AUTH_NOT_SECRET,
          site.element(),
          site.mirror(),
          site.value(),
          member,
          name,
          p.get().javaName());
      return Optional.empty();
    }
    return Optional.of(new Credential(member, p.get().javaName(), name, optional));
  }

  private Optional<PropertyModel> property(String what, String name, Site site) {
    Optional<PropertyModel> p =
        config.root().properties().stream().filter(q -> q.jsonName().equals(name)).findFirst();
    if (p.isEmpty()) {
      String owner =
          config.isVoid()
              ? "the connector (no method takes a config)"
              : "config record " + config.root().type().simpleName();
      scope.report.error(
          Message.HTTP_PROPERTY_UNKNOWN,
          site.element(),
          site.mirror(),
          site.value(),
          what,
          name,
          owner,
          config.root().properties().stream()
              .map(PropertyModel::jsonName)
              .collect(Collectors.joining(", ", "[", "]")));
    } else {
      usesConfig = true;
    }
    return p;
  }

  private void typeError(String what, PropertyModel p, String needed, Site site) {
    scope.report.error(
        Message.HTTP_PROPERTY_TYPE,
        site.element(),
        site.mirror(),
        site.value(),
        what,
        p.jsonName(),
        describe(p.type()),
        needed);
  }

  private static Optional<ScalarModel> scalar(TypeModel type) {
    return type instanceof ScalarModel s ? Optional.of(s) : Optional.empty();
  }

  static String describe(TypeModel type) {
    if (type instanceof ScalarModel s) {
      return s.primitive() && s.scalar().primitive() != null
          ? s.scalar().primitive().toString()
          : s.scalar().boxed().simpleName();
    }
    if (type instanceof OptionalModel o) {
      return "Optional<" + describe(o.element()) + ">";
    }
    return "a " + type.getClass().getSimpleName().replace("Model", "").toLowerCase(Locale.ROOT);
  }
}
