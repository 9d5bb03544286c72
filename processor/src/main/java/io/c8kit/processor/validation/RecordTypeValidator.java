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
  private final ConnectorScope scope;
  private final Elements elements;
  private final EnumModels enums;
  private final Report report;
  private final ClassName connector;
  private final Map<String, Optional<RecordTypeModel>> done = new HashMap<>();
  private final Deque<String> inProgress = new ArrayDeque<>();
  private final Set<String> serializerNames = new HashSet<>();

  RecordTypeValidator(ConnectorScope scope, EnumModels enums, ClassName connector) {
    this.scope = scope;
    this.elements = scope.elements;
    this.enums = enums;
    this.report = scope.report;
    this.connector = connector;
  }

  /**
   * The model of {@code record}, or empty when one of its components (or nested ones) is invalid.
   */
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
      Optional<Annotations.Values> field =
          Annotations.find(Annotations.site(c), Annotations.FIELD)
              .map(m -> new Annotations.Values(elements, m));
      String jsonName =
          field
              .map(f -> f.string("name"))
              .filter(n -> !n.isEmpty())
              .orElse(Names.snake(c.getSimpleName().toString()));
      String description = field.map(f -> f.string("description")).orElse("");
      String previous = names.putIfAbsent(jsonName, c.getSimpleName().toString());
      if (previous != null) {
        report.error(
            Message.DUPLICATE_FIELD_NAME,
            Annotations.site(c),
            field.map(Annotations.Values::mirror).orElse(null),
            field.map(f -> f.at("name")).orElse(null),
            jsonName,
            c.getSimpleName(),
            record.getSimpleName() + " by " + previous);
        ok = false;
      }
      Optional<TypeModel> type = fieldType(c.asType(), c, record);
      if (type.isEmpty()) {
        ok = false;
        continue;
      }
      fields.add(
          new FieldModel(
              c.getAccessor().getSimpleName().toString(), jsonName, description, type.get()));
    }
    inProgress.pop();
    Optional<RecordTypeModel> result =
        ok
            ? Optional.of(
                new RecordTypeModel(ClassName.get(record), serializerName(record), fields))
            : Optional.empty();
    done.put(key, result);
    return result;
  }

  private Optional<TypeModel> fieldType(
      TypeMirror type, RecordComponentElement c, TypeElement owner) {
    TypeClassifier.JavaType shape = TypeClassifier.classify(type, TypeClassifier.Policy.RECORD);
    String role = "type of component " + owner.getSimpleName() + "." + c.getSimpleName();
    if (shape instanceof TypeClassifier.ScalarType s) {
      return Optional.of(s.model());
    } else if (shape instanceof TypeClassifier.EnumType e) {
      return enums.model(e.element(), role, Annotations.site(c)).map(m -> m);
    } else if (shape instanceof TypeClassifier.CollectionType col) {
      return fieldType(col.element(), c, owner).map(e -> new CollectionModel(col.set(), e));
    } else if (shape instanceof TypeClassifier.OptionalType o) {
      return fieldType(o.element(), c, owner).map(OptionalModel::new);
    } else if (shape instanceof TypeClassifier.JsonType j) {
      return Optional.of(new JsonModel(j.kind()));
    } else if (shape instanceof TypeClassifier.RecordType r) {
      TypeElement nested = r.element();
      if (inProgress.contains(nested.getQualifiedName().toString())) {
        report.error(
            Message.RECURSIVE_TYPE,
            Annotations.site(c),
            nested.getSimpleName(),
            owner.getSimpleName() + "." + c.getSimpleName());
        return Optional.empty();
      }
      if (!Accessibility.check(scope, nested, role, Annotations.site(c), null, null)) {
        return Optional.empty();
      }
      return record(nested).map(m -> m);
    }
    String hint = shape instanceof TypeClassifier.Unsupported u ? u.hint() : "";
    report.error(
        Message.FIELD_TYPE_UNSUPPORTED,
        Annotations.site(c),
        c.getSimpleName(),
        owner.getSimpleName(),
        TypeSupport.simple(type),
        hint);
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
