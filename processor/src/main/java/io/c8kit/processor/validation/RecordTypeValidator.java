package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import io.c8kit.processor.model.CollectionModel;
import io.c8kit.processor.model.FieldModel;
import io.c8kit.processor.model.JsonModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.RecordTypeModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns the record type of a stream (and the records nested in it) into a {@link RecordTypeModel},
 * reporting every component whose type has no JSON mapping; one instance per connector so that
 * serializer names are allocated without clashes.
 */
final class RecordTypeValidator {
  private final Elements elements;
  private final TypeSupport types;
  private final Report report;
  private final ClassName connector;
  private final Map<String, Optional<RecordTypeModel>> done = new HashMap<>();
  private final Deque<String> inProgress = new ArrayDeque<>();
  private final Set<String> serializerNames = new HashSet<>();

  RecordTypeValidator(Elements elements, TypeSupport types, Report report, ClassName connector) {
    this.elements = elements;
    this.types = types;
    this.report = report;
    this.connector = connector;
  }

  /** The model of {@code record}, or empty when one of its components (or nested ones) is invalid. */
  Optional<RecordTypeModel> record(TypeElement record) {
    String key = record.getQualifiedName().toString();
    Optional<RecordTypeModel> cached = done.get(key);
    if (cached != null) {
      return cached;
    }
    inProgress.push(key);
    boolean ok = true;
    List<FieldModel> fields = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (RecordComponentElement c : record.getRecordComponents()) {
      Optional<Annotations.Values> field = Annotations.find(Annotations.site(c), Annotations.FIELD)
          .map(m -> new Annotations.Values(elements, m));
      String jsonName = field.map(f -> f.string("name")).filter(n -> !n.isEmpty())
          .orElse(Names.snake(c.getSimpleName().toString()));
      String description = field.map(f -> f.string("description")).orElse("");
      String previous = names.putIfAbsent(jsonName, c.getSimpleName().toString());
      if (previous != null) {
        report.error(Message.DUPLICATE_FIELD_NAME, Annotations.site(c), field.map(Annotations.Values::mirror).orElse(null),
            field.map(f -> f.at("name")).orElse(null), jsonName, c.getSimpleName(),
            record.getSimpleName() + " by " + previous);
        ok = false;
      }
      Optional<TypeModel> type = fieldType(c.asType(), c, record);
      if (type.isEmpty()) {
        ok = false;
        continue;
      }
      fields.add(new FieldModel(c.getAccessor().getSimpleName().toString(), jsonName, description,
          type.get()));
    }
    inProgress.pop();
    Optional<RecordTypeModel> result = ok
        ? Optional.of(new RecordTypeModel(ClassName.get(record), serializerName(record), fields))
        : Optional.empty();
    done.put(key, result);
    return result;
  }

  private Optional<TypeModel> fieldType(TypeMirror type, RecordComponentElement c, TypeElement owner) {
    Optional<? extends TypeModel> scalar = ScalarTypes.scalar(type);
    if (scalar.isPresent()) {
      return Optional.of(scalar.get());
    }
    Optional<? extends TypeModel> enumModel = ScalarTypes.enumModel(elements, type);
    if (enumModel.isPresent()) {
      return Optional.of(enumModel.get());
    }
    String name = TypeSupport.qualifiedName(type);
    switch (name) {
      case "java.util.List":
      case "java.util.Set":
      case "java.util.Collection": {
        Optional<TypeMirror> element = TypeSupport.typeArgument(type, 0);
        if (element.isPresent()) {
          return fieldType(element.get(), c, owner)
              .map(e -> new CollectionModel(name.equals("java.util.Set"), e));
        }
        break;
      }
      case "java.util.Optional": {
        Optional<TypeMirror> element = TypeSupport.typeArgument(type, 0);
        if (element.isPresent() && !TypeSupport.is(element.get(), "java.util.Optional")) {
          return fieldType(element.get(), c, owner).map(OptionalModel::new);
        }
        break;
      }
      case "com.fasterxml.jackson.databind.JsonNode":
        return Optional.of(new JsonModel(JsonModel.JsonKind.JSON_NODE));
      case "com.fasterxml.jackson.databind.node.ObjectNode":
        return Optional.of(new JsonModel(JsonModel.JsonKind.OBJECT_NODE));
      case "java.util.Map": {
        Optional<TypeMirror> key = TypeSupport.typeArgument(type, 0);
        if (key.isPresent() && TypeSupport.is(key.get(), "java.lang.String")) {
          return Optional.of(new JsonModel(JsonModel.JsonKind.MAP));
        }
        break;
      }
      default:
        if (TypeSupport.isRecord(type)) {
          TypeElement nested = TypeSupport.element(type).orElseThrow();
          if (inProgress.contains(nested.getQualifiedName().toString())) {
            report.error(Message.RECURSIVE_TYPE, Annotations.site(c), nested.getSimpleName(),
                owner.getSimpleName() + "." + c.getSimpleName());
            return Optional.empty();
          }
          return record(nested).map(r -> r);
        }
    }
    report.error(Message.FIELD_TYPE_UNSUPPORTED, Annotations.site(c), c.getSimpleName(), owner.getSimpleName(),
        TypeSupport.simple(type));
    return Optional.empty();
  }

  /**
   * {@code FakerSource_UserSerializer} for {@code FakerSource.User}; records outside the connector
   * class get the connector's name as prefix so that two connectors never share a file.
   */
  private ClassName serializerName(TypeElement record) {
    List<String> chain = new ArrayList<>();
    for (Element e = record; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      chain.add(0, t.getSimpleName().toString());
    }
    if (!chain.get(0).equals(connector.simpleNames().get(0))) {
      chain.addAll(0, connector.simpleNames());
    }
    String base = String.join("_", chain) + "Serializer";
    String name = base;
    for (int i = 2; !serializerNames.add(name); i++) {
      name = base + i;
    }
    return ClassName.get(connector.packageName(), name);
  }
}
