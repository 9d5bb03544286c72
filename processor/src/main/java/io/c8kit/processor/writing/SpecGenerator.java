package io.c8kit.processor.writing;

import io.c8kit.processor.model.ChoiceModel;
import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.ConfigObjectModel;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.DestinationModel;
import io.c8kit.processor.model.DestinationSyncMode;
import io.c8kit.processor.model.EnumModel;
import io.c8kit.processor.model.JsonModel;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.model.OneOfModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.PropertyModel;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.TypeModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes {@code META-INF/c8kit/<kind>-<name>/spec.json}, the ConnectorSpecification returned by
 * {@code spec}: draft-07, no {@code $ref}, {@code additionalProperties: true}, orders and secrets
 * as validated.
 */
final class SpecGenerator extends ResourceGenerator {
  @Override
  Map<String, String> resources(ConnectorModel model) {
    return Map.of(model.specResource(), JsonText.pretty(spec(model)));
  }

  static Map<String, Object> spec(ConnectorModel model) {
    Map<String, Object> spec = new TreeMap<>();
    if (!model.documentationUrl().isEmpty()) {
      spec.put("documentationUrl", model.documentationUrl());
    }
    Map<String, Object> cs = object(model.config().root());
    cs.put("$schema", "http://json-schema.org/draft-07/schema#");
    cs.put("title", model.title() + " Spec");
    if (!model.description().isEmpty()) {
      cs.put("description", model.description());
    }
    cs.put("additionalProperties", true);
    if (!model.config().groups().isEmpty()) {
      List<Object> groups = new ArrayList<>();
      for (String g : model.config().groups()) {
        groups.add(Map.of("id", g, "title", titleCase(g)));
      }
      cs.put("groups", groups);
    }
    spec.put("connectionSpecification", cs);
    if (model.kind() == Kind.DESTINATION) {
      DestinationModel d = model.destination().orElseThrow();
      List<Object> modes = new ArrayList<>();
      d.syncModes().forEach(m -> modes.add(m.wireName()));
      spec.put("supported_destination_sync_modes", modes);
      spec.put(
          "supportsIncremental", d.syncModes().stream().anyMatch(DestinationSyncMode::incremental));
    }
    return spec;
  }

  private static String titleCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String w : id.split("[_\\-\\s]+")) {
      if (!w.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ")
            .append(Character.toUpperCase(w.charAt(0)))
            .append(w.substring(1));
      }
    }
    return out.toString();
  }

  /**
   * {@code type: object} with properties and, when any, the required names in declaration order.
   */
  private static Map<String, Object> object(ConfigObjectModel object) {
    Map<String, Object> schema = new TreeMap<>();
    schema.put("type", "object");
    Map<String, Object> properties = new TreeMap<>();
    List<Object> required = new ArrayList<>();
    for (PropertyModel p : object.properties()) {
      properties.put(p.jsonName(), property(p));
      if (p.required()) {
        required.add(p.jsonName());
      }
    }
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  private static Map<String, Object> property(PropertyModel p) {
    Map<String, Object> schema = type(p.type());
    schema.put("title", p.title());
    if (!p.description().isEmpty()) {
      schema.put("description", p.description());
    }
    p.order().ifPresent(o -> schema.put("order", o));
    p.defaultValue().ifPresent(d -> schema.put("default", d));
    if (!p.examples().isEmpty()) {
      schema.put("examples", p.examples());
    }
    // The Java type's range (from type()) narrowed by the author's bounds: the tighter one wins.
    p.minimum()
        .ifPresent(
            m -> schema.merge("minimum", m, (type, author) -> max(type, (BigDecimal) author)));
    p.maximum()
        .ifPresent(
            m -> schema.merge("maximum", m, (type, author) -> min(type, (BigDecimal) author)));
    if (!p.pattern().isEmpty()) {
      schema.put("pattern", p.pattern());
    }
    if (!p.patternDescriptor().isEmpty()) {
      schema.put("pattern_descriptor", p.patternDescriptor());
    }
    if (!p.format().isEmpty()) {
      schema.put("format", p.format());
    }
    if (!p.group().isEmpty()) {
      schema.put("group", p.group());
    }
    if (p.alwaysShow()) {
      schema.put("always_show", true);
    }
    if (p.hidden()) {
      schema.put("airbyte_hidden", true);
    }
    if (p.multiline()) {
      schema.put("multiline", true);
    }
    if (p.secret()) {
      schema.put("airbyte_secret", true);
    }
    return schema;
  }

  /**
   * The schema of a type; Optional adds nothing because the spec marks optionality by "required".
   */
  private static Map<String, Object> type(TypeModel type) {
    if (type instanceof OptionalModel o) {
      return type(o.element());
    }
    if (type instanceof ScalarModel s) {
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", s.scalar().jsonType());
      if (!s.scalar().format().isEmpty()) {
        schema.put("format", s.scalar().format());
      }
      range(s.scalar())
          .ifPresent(
              r -> {
                schema.put("minimum", r[0]);
                schema.put("maximum", r[1]);
              });
      return schema;
    }
    if (type instanceof EnumModel e) {
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", "string");
      schema.put("enum", List.copyOf(e.jsonNames()));
      return schema;
    }
    if (type instanceof CollectionModel c) {
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", "array");
      schema.put("items", type(c.element()));
      if (c.set()) {
        schema.put("uniqueItems", true);
      }
      return schema;
    }
    if (type instanceof ConfigObjectModel o) {
      return object(o);
    }
    if (type instanceof OneOfModel o) {
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", "object");
      List<Object> options = new ArrayList<>();
      for (ChoiceModel choice : o.choices()) {
        options.add(option(o.discriminator(), choice));
      }
      schema.put("oneOf", options);
      if (!o.displayType().isEmpty()) {
        schema.put("display_type", o.displayType());
      }
      return schema;
    }
    if (type instanceof JsonModel) {
      // CAT's test_object_not_empty wants "properties" on every object schema.
      Map<String, Object> schema = new TreeMap<>();
      schema.put("type", "object");
      schema.put("properties", new TreeMap<>());
      return schema;
    }
    throw new IllegalArgumentException("no spec mapping for " + type);
  }

  /**
   * The range of a Java integer type, so the validator rejects a value the binder could only wrap
   * (4294967301 for an {@code int} would run as 5); empty for other scalars.
   */
  private static Optional<BigDecimal[]> range(Scalar scalar) {
    return switch (scalar) {
      case INT -> Optional.of(bounds(Integer.MIN_VALUE, Integer.MAX_VALUE));
      case LONG -> Optional.of(bounds(Long.MIN_VALUE, Long.MAX_VALUE));
      case SHORT -> Optional.of(bounds(Short.MIN_VALUE, Short.MAX_VALUE));
      case BYTE -> Optional.of(bounds(Byte.MIN_VALUE, Byte.MAX_VALUE));
      default -> Optional.empty();
    };
  }

  private static BigDecimal[] bounds(long min, long max) {
    return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
  }

  private static Object max(Object a, BigDecimal b) {
    return ((BigDecimal) a).compareTo(b) >= 0 ? a : b;
  }

  private static Object min(Object a, BigDecimal b) {
    return ((BigDecimal) a).compareTo(b) <= 0 ? a : b;
  }

  /**
   * One oneOf option: the discriminator const (with equal default and enum, as CAT demands) first.
   */
  private static Map<String, Object> option(String discriminator, ChoiceModel choice) {
    Map<String, Object> schema = object(choice.object());
    schema.put("title", choice.title());
    if (!choice.description().isEmpty()) {
      schema.put("description", choice.description());
    }
    Map<String, Object> constant = new TreeMap<>();
    constant.put("type", "string");
    constant.put("const", choice.value());
    constant.put("default", choice.value());
    constant.put("enum", List.of(choice.value()));
    constant.put("order", 0);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    properties.put(discriminator, constant);
    List<Object> required = new ArrayList<>();
    required.add(discriminator);
    @SuppressWarnings("unchecked")
    List<Object> rest = (List<Object>) schema.getOrDefault("required", List.of());
    required.addAll(rest);
    schema.put("required", required);
    return schema;
  }
}
