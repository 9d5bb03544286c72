package io.c8kit.processor.validation;

import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/** Maps Java scalar types to the model; the first question {@link TypeClassifier} asks. */
final class ScalarTypes {
  private ScalarTypes() {}

  private static final Map<String, Scalar> BY_NAME =
      Map.ofEntries(
          Map.entry("java.lang.Boolean", Scalar.BOOLEAN),
          Map.entry("java.lang.Integer", Scalar.INT),
          Map.entry("java.lang.Long", Scalar.LONG),
          Map.entry("java.lang.Short", Scalar.SHORT),
          Map.entry("java.lang.Byte", Scalar.BYTE),
          Map.entry("java.lang.Double", Scalar.DOUBLE),
          Map.entry("java.lang.Float", Scalar.FLOAT),
          Map.entry("java.math.BigDecimal", Scalar.BIG_DECIMAL),
          Map.entry("java.math.BigInteger", Scalar.BIG_INTEGER),
          Map.entry("java.lang.String", Scalar.STRING),
          Map.entry("java.time.Instant", Scalar.INSTANT),
          Map.entry("java.time.OffsetDateTime", Scalar.OFFSET_DATE_TIME),
          Map.entry("java.time.ZonedDateTime", Scalar.ZONED_DATE_TIME),
          Map.entry("java.time.LocalDateTime", Scalar.LOCAL_DATE_TIME),
          Map.entry("java.time.LocalDate", Scalar.LOCAL_DATE),
          Map.entry("java.time.LocalTime", Scalar.LOCAL_TIME));

  /** The scalar for a primitive or a known reference type. */
  static Optional<ScalarModel> scalar(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return Optional.of(new ScalarModel(Scalar.BOOLEAN, true));
      case INT:
        return Optional.of(new ScalarModel(Scalar.INT, true));
      case LONG:
        return Optional.of(new ScalarModel(Scalar.LONG, true));
      case SHORT:
        return Optional.of(new ScalarModel(Scalar.SHORT, true));
      case BYTE:
        return Optional.of(new ScalarModel(Scalar.BYTE, true));
      case DOUBLE:
        return Optional.of(new ScalarModel(Scalar.DOUBLE, true));
      case FLOAT:
        return Optional.of(new ScalarModel(Scalar.FLOAT, true));
      case DECLARED:
        Scalar s = BY_NAME.get(TypeSupport.qualifiedName(type));
        return s == null ? Optional.empty() : Optional.of(new ScalarModel(s, false));
      default:
        return Optional.empty();
    }
  }
}
