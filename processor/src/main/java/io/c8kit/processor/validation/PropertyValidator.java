package io.c8kit.processor.validation;

import io.c8kit.processor.model.EnumModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.PropertyModel;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.Elements;

/**
 * Checks the annotations of one config property whose type is already known ({@code @Property},
 * {@code @DefaultValue}, {@code @Secret}) against that type and against each other, and builds its
 * {@link PropertyModel}; the property's type and place in the tree are {@link
 * ConfigTypeValidator}'s.
 */
final class PropertyValidator {
  private final Report report;
  private final RecordComponentElement c;
  private final String javaName;
  private final String jsonName;
  private final TypeModel type;
  private final Optional<Annotations.Values> prop;
  private final Optional<Annotations.Values> def;
  private final Optional<AnnotationMirror> secretMirror;

  /** {@code jsonName} and {@code type} as the tree assigned them to component {@code c}. */
  PropertyValidator(
      Elements elements, Report report, RecordComponentElement c, String jsonName, TypeModel type) {
    this.report = report;
    this.c = c;
    this.javaName = c.getSimpleName().toString();
    this.jsonName = jsonName;
    this.type = type;
    this.prop =
        Annotations.find(Annotations.site(c), Annotations.PROPERTY)
            .map(m -> new Annotations.Values(elements, m));
    this.def =
        Annotations.find(Annotations.site(c), Annotations.DEFAULT_VALUE)
            .map(m -> new Annotations.Values(elements, m));
    this.secretMirror = Annotations.find(Annotations.site(c), Annotations.SECRET);
  }

  /**
   * The property's model, or empty after reporting; {@code ok} is false when an error about it was
   * already reported. {@code top}: a top-level property (groups allowed); {@code autoOrder}: the
   * order to use when no explicit one is set.
   */
  Optional<PropertyModel> validate(boolean top, Optional<Integer> autoOrder, boolean ok) {
    boolean secret = secretMirror.isPresent();
    TypeModel inner = type instanceof OptionalModel o ? o.element() : type;
    String title =
        prop.map(p -> p.string("title")).filter(t -> !t.isEmpty()).orElse(Names.title(javaName));
    String description = prop.map(p -> p.string("description")).orElse("");

    Optional<Integer> order = autoOrder;
    if (prop.isPresent()) {
      int explicit = prop.get().integer("order");
      if (explicit < -1) {
        report.error(
            Message.INVALID_ORDER,
            Annotations.site(c),
            prop.get().mirror(),
            prop.get().at("order"),
            explicit,
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
        report.error(
            Message.DEFAULT_ON_SECRET,
            Annotations.site(c),
            def.get().mirror(),
            def.get().at("value"),
            javaName);
        ok = false;
      } else {
        try {
          defaultValue = Optional.of(DefaultValues.parse(type, text));
        } catch (DefaultValues.Unparseable e) {
          report.error(
              Message.DEFAULT_UNPARSEABLE,
              Annotations.site(c),
              def.get().mirror(),
              def.get().at("value"),
              text,
              javaName,
              DefaultValues.describe(type),
              e.getMessage(),
              DefaultValues.sample(type));
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
          examples.add(DefaultValues.parse(type, example));
        } catch (DefaultValues.Unparseable e) {
          report.error(
              Message.EXAMPLE_UNPARSEABLE,
              Annotations.site(c),
              p.mirror(),
              p.at("examples"),
              example,
              javaName,
              DefaultValues.describe(type),
              e.getMessage());
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
          report.error(
              Message.MIN_MAX_NOT_NUMERIC,
              Annotations.site(c),
              p.mirror(),
              p.at(bound),
              bound,
              javaName,
              DefaultValues.describe(type));
          ok = false;
        } else if (Double.isInfinite(value)) {
          report.error(
              Message.BOUND_NOT_FINITE,
              Annotations.site(c),
              p.mirror(),
              p.at(bound),
              bound,
              javaName,
              value > 0 ? "+infinity" : "-infinity");
          ok = false;
        } else if (bound.equals("minimum")) {
          minimum = Optional.of(DefaultValues.normalize(BigDecimal.valueOf(value)));
        } else {
          maximum = Optional.of(DefaultValues.normalize(BigDecimal.valueOf(value)));
        }
      }
      if (minimum.isPresent()
          && maximum.isPresent()
          && minimum.get().compareTo(maximum.get()) > 0) {
        report.error(
            Message.MIN_GREATER_THAN_MAX,
            Annotations.site(c),
            p.mirror(),
            p.at("minimum"),
            minimum.get().toPlainString(),
            javaName,
            maximum.get().toPlainString());
        ok = false;
      }
      // A bound no value of the Java type can meet would leave the spec an empty range: every
      // config fails.
      if (inner instanceof ScalarModel s) {
        Optional<long[]> range = integerRange(s.scalar());
        if (range.isPresent()) {
          long lo = range.get()[0];
          long hi = range.get()[1];
          if (minimum.isPresent() && minimum.get().compareTo(BigDecimal.valueOf(hi)) > 0) {
            report.error(
                Message.VALUE_VIOLATES_CONSTRAINT,
                Annotations.site(c),
                p.mirror(),
                p.at("minimum"),
                "minimum " + minimum.get().toPlainString(),
                javaName,
                "is above the largest "
                    + s.scalar().name().toLowerCase(java.util.Locale.ROOT)
                    + " ("
                    + hi
                    + ")");
            ok = false;
          }
          if (maximum.isPresent() && maximum.get().compareTo(BigDecimal.valueOf(lo)) < 0) {
            report.error(
                Message.VALUE_VIOLATES_CONSTRAINT,
                Annotations.site(c),
                p.mirror(),
                p.at("maximum"),
                "maximum " + maximum.get().toPlainString(),
                javaName,
                "is below the smallest "
                    + s.scalar().name().toLowerCase(java.util.Locale.ROOT)
                    + " ("
                    + lo
                    + ")");
            ok = false;
          }
        }
      }
      boolean string = inner instanceof ScalarModel s && s.scalar() == Scalar.STRING;
      pattern = p.string("pattern");
      patternDescriptor = p.string("patternDescriptor");
      for (String member : List.of("pattern", "patternDescriptor")) {
        if (!p.string(member).isEmpty() && !string) {
          report.error(
              Message.PATTERN_NOT_STRING,
              Annotations.site(c),
              p.mirror(),
              p.at(member),
              member,
              javaName,
              DefaultValues.describe(type));
          ok = false;
        }
      }
      if (!pattern.isEmpty() && string) {
        try {
          Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          report.error(
              Message.INVALID_PATTERN,
              Annotations.site(c),
              p.mirror(),
              p.at("pattern"),
              pattern,
              javaName,
              e.getDescription());
          ok = false;
        }
      }
      format = p.string("format");
      group = p.string("group");
      if (!group.isEmpty() && !top) {
        report.error(
            Message.GROUP_NOT_TOP_LEVEL,
            Annotations.site(c),
            p.mirror(),
            p.at("group"),
            group,
            javaName);
        ok = false;
      }
    }
    if (defaultValue.isPresent()
        && (minimum.isPresent() || maximum.isPresent())
        && defaultValue.get() instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      if ((minimum.isPresent() && d.compareTo(minimum.get()) < 0)
          || (maximum.isPresent() && d.compareTo(maximum.get()) > 0)) {
        report.error(
            Message.DEFAULT_OUT_OF_RANGE,
            Annotations.site(c),
            def.get().mirror(),
            def.get().at("value"),
            def.get().string("value"),
            javaName,
            minimum.map(BigDecimal::toPlainString).orElse("-inf"),
            maximum.map(BigDecimal::toPlainString).orElse("+inf"));
        ok = false;
      }
    }
    Optional<Pattern> compiled = pattern.isEmpty() || !ok ? Optional.empty() : compile(pattern);
    if (defaultValue.isPresent()) {
      Optional<String> problem = Constraints.shapeProblem(defaultValue.get(), type, compiled);
      if (problem.isPresent()) {
        report.error(
            Message.VALUE_VIOLATES_CONSTRAINT,
            Annotations.site(c),
            def.get().mirror(),
            def.get().at("value"),
            "@DefaultValue(\"" + def.get().string("value") + "\")",
            javaName,
            problem.get());
        ok = false;
      }
    }
    int exampleCount = prop.map(p -> p.strings("examples").size()).orElse(0);
    for (int i = 0; i < examples.size() && examples.size() == exampleCount; i++) {
      Object example = examples.get(i);
      Optional<String> problem =
          Constraints.rangeProblem(example, minimum, maximum)
              .or(() -> Constraints.shapeProblem(example, type, compiled));
      if (problem.isPresent()) {
        report.error(
            Message.VALUE_VIOLATES_CONSTRAINT,
            Annotations.site(c),
            prop.get().mirror(),
            prop.get().at("examples"),
            "example \"" + prop.get().strings("examples").get(i) + "\"",
            javaName,
            problem.get());
        ok = false;
      }
    }
    boolean secretCapable =
        inner instanceof EnumModel
            || (inner instanceof ScalarModel s && s.scalar() != Scalar.BOOLEAN);
    if (secret && !secretCapable) {
      report.error(
          Message.SECRET_NOT_SCALAR,
          Annotations.site(c),
          secretMirror.get(),
          null,
          javaName,
          DefaultValues.describe(type));
      ok = false;
    }
    if (!secret && secretCapable && SecretNames.looksSecret(jsonName)) {
      report.error(
          Message.SECRET_NOT_MARKED, Annotations.site(c), Annotations.mirror(prop), null, jsonName);
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    boolean required = !(type instanceof OptionalModel) && defaultValue.isEmpty();
    Annotations.Values p = prop.orElse(null);
    return Optional.of(
        new PropertyModel(
            javaName,
            jsonName,
            title,
            description,
            order,
            type,
            required,
            secret,
            defaultValue,
            defaultValue.map(DefaultValues::c8Text).orElse(""),
            examples,
            minimum,
            maximum,
            pattern,
            patternDescriptor,
            format,
            group,
            p != null && p.bool("alwaysShow"),
            p != null && p.bool("hidden"),
            p != null && p.bool("multiline"),
            p != null && p.bool("dynamic"),
            p == null ? "" : p.string("placeholder")));
  }

  private static Optional<Pattern> compile(String pattern) {
    try {
      return Optional.of(Pattern.compile(pattern));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  /** The value range of an integral Java type, or empty for other scalars. */
  private static Optional<long[]> integerRange(Scalar scalar) {
    return switch (scalar) {
      case INT -> Optional.of(new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE});
      case LONG -> Optional.of(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
      case SHORT -> Optional.of(new long[] {Short.MIN_VALUE, Short.MAX_VALUE});
      case BYTE -> Optional.of(new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE});
      default -> Optional.empty();
    };
  }
}
