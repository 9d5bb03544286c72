package io.c8kit.processor.validation;

import io.c8kit.processor.model.JsonModel;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Classifies a Java type once, for config properties and stream-record fields alike; a {@link
 * Policy} says what each context accepts, so the two validators only differ where the DSL really
 * differs.
 */
final class TypeClassifier {
  private TypeClassifier() {}

  /** What a context accepts beyond the shapes both share. */
  enum Policy {
    /** Config properties: types with an unambiguous JSON-schema spelling, string maps, @OneOf. */
    CONFIG(
        EnumSet.of(
            Scalar.BOOLEAN,
            Scalar.INT,
            Scalar.LONG,
            Scalar.SHORT,
            Scalar.BYTE,
            Scalar.DOUBLE,
            Scalar.FLOAT,
            Scalar.BIG_DECIMAL,
            Scalar.STRING,
            Scalar.INSTANT,
            Scalar.OFFSET_DATE_TIME,
            Scalar.LOCAL_DATE),
        List.of("java.util.List", "java.util.Set"),
        true),
    /** Stream-record fields: every scalar, any collection, maps of any value. */
    RECORD(
        EnumSet.allOf(Scalar.class),
        List.of("java.util.List", "java.util.Set", "java.util.Collection"),
        false);

    private final Set<Scalar> scalars;
    private final List<String> collections;
    private final boolean oneOf;

    Policy(Set<Scalar> scalars, List<String> collections, boolean oneOf) {
      this.scalars = scalars;
      this.collections = collections;
      this.oneOf = oneOf;
    }

    /**
     * Config maps carry strings only (they bind without a schema); record maps are written as is.
     */
    private Optional<JsonModel.JsonKind> map(TypeMirror key, TypeMirror value) {
      if (!TypeSupport.is(key, "java.lang.String")) {
        return Optional.empty();
      }
      if (this == RECORD) {
        return Optional.of(JsonModel.JsonKind.MAP);
      }
      return TypeSupport.is(value, "java.lang.String")
          ? Optional.of(JsonModel.JsonKind.STRING_MAP)
          : Optional.empty();
    }
  }

  /** The shape of a Java type; containers name their element type for the caller to recurse. */
  sealed interface JavaType {}

  record ScalarType(ScalarModel model) implements JavaType {}

  record EnumType(TypeElement element) implements JavaType {}

  record CollectionType(boolean set, TypeMirror element) implements JavaType {}

  record OptionalType(TypeMirror element) implements JavaType {}

  record JsonType(JsonModel.JsonKind kind) implements JavaType {}

  record RecordType(TypeElement element) implements JavaType {}

  record OneOfType(TypeElement element) implements JavaType {}

  /** Not supported in this context; {@code hint} (possibly empty) is appended to the message. */
  record Unsupported(String hint) implements JavaType {}

  static JavaType classify(TypeMirror type, Policy policy) {
    Optional<ScalarModel> scalar = ScalarTypes.scalar(type);
    if (scalar.isPresent()) {
      return policy.scalars.contains(scalar.get().scalar())
          ? new ScalarType(scalar.get())
          : new Unsupported("");
    }
    String name = TypeSupport.qualifiedName(type);
    if (policy.collections.contains(name)) {
      return TypeSupport.typeArgument(type, 0)
          .<JavaType>map(e -> new CollectionType(name.equals("java.util.Set"), e))
          .orElse(new Unsupported(""));
    }
    switch (name) {
      case "java.util.Optional":
        {
          Optional<TypeMirror> element = TypeSupport.typeArgument(type, 0);
          return element.isPresent() && !TypeSupport.is(element.get(), "java.util.Optional")
              ? new OptionalType(element.get())
              : new Unsupported("");
        }
      case "com.fasterxml.jackson.databind.JsonNode":
        return new JsonType(JsonModel.JsonKind.JSON_NODE);
      case "com.fasterxml.jackson.databind.node.ObjectNode":
        return new JsonType(JsonModel.JsonKind.OBJECT_NODE);
      case "java.util.Map":
        {
          Optional<TypeMirror> key = TypeSupport.typeArgument(type, 0);
          Optional<TypeMirror> value = TypeSupport.typeArgument(type, 1);
          if (key.isPresent() && value.isPresent()) {
            return policy
                .map(key.get(), value.get())
                .<JavaType>map(JsonType::new)
                .orElse(new Unsupported(""));
          }
          return new Unsupported("");
        }
      default:
        break;
    }
    Optional<TypeElement> element = TypeSupport.element(type);
    if (element.isEmpty()) {
      return new Unsupported("");
    }
    TypeElement e = element.get();
    if (e.getKind() == ElementKind.ENUM) {
      return new EnumType(e);
    }
    if (policy.oneOf && Annotations.has(e, Annotations.ONE_OF)) {
      return new OneOfType(e);
    }
    if (e.getKind() == ElementKind.RECORD) {
      return new RecordType(e);
    }
    if (policy.oneOf && e.getModifiers().contains(Modifier.SEALED)) {
      return new Unsupported(" (a sealed interface needs @OneOf(discriminator = \"...\"))");
    }
    if (e.getKind() == ElementKind.CLASS && !e.getQualifiedName().toString().startsWith("java.")) {
      return new Unsupported(" (declare " + e.getSimpleName() + " as a record)");
    }
    return new Unsupported("");
  }
}
