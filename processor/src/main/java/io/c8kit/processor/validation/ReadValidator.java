package io.c8kit.processor.validation;

import io.c8kit.processor.model.DiscoverModel;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.ReturnKind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Validates the {@code @Read} method of discovered streams: schemaless records (ObjectNode,
 * JsonNode, {@code Map<String, ?>}) returned or emitted. The model it returns still lacks the
 * discover method's name, which the orchestrator fills in.
 */
final class ReadValidator {
  private ReadValidator() {}

  static Optional<DiscoverModel> validate(
      ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror) {
    boolean ok = MethodParameters.checkModifiers(scope, method, mirror, "Read");
    Optional<List<Param>> params =
        MethodParameters.classify(
            scope,
            method,
            "Read",
            List.of(Param.CONFIG, Param.CONTEXT, Param.EMITTER),
            "the config record, StreamContext and Emitter<ObjectNode>, each at most once");
    ok &= params.isPresent();
    TypeMirror ret = method.getReturnType();
    VariableElement emitter = MethodParameters.emitter(method).orElse(null);
    ReturnKind returnKind;
    Optional<TypeMirror> recordType;
    if (ret.getKind() == TypeKind.VOID && emitter != null) {
      returnKind = ReturnKind.VOID;
      recordType = TypeSupport.typeArgument(emitter.asType(), 0);
    } else if (ret.getKind() != TypeKind.VOID && emitter == null) {
      MethodParameters.Returned r = MethodParameters.returned(scope.types, ret);
      if (r.ambiguous()) {
        scope.report.error(
            Message.RETURN_TYPE_AMBIGUOUS,
            method,
            mirror,
            null,
            "Read",
            method.getSimpleName(),
            TypeSupport.simple(ret),
            r.describeKinds());
        return Optional.empty();
      }
      returnKind = r.kinds().isEmpty() ? null : r.kinds().get(0);
      recordType = r.element();
    } else {
      returnKind = null;
      recordType = Optional.empty();
    }
    if (recordType.isEmpty()) {
      scope.report.error(
          Message.STREAM_RETURN_TYPE,
          method,
          mirror,
          null,
          "Read",
          method.getSimpleName(),
          TypeSupport.simple(ret) + (emitter == null ? "" : " and takes an Emitter"));
      return Optional.empty();
    }
    String name = TypeSupport.qualifiedName(recordType.get());
    boolean dynamicRecord =
        name.equals("com.fasterxml.jackson.databind.node.ObjectNode")
            || name.equals("com.fasterxml.jackson.databind.JsonNode")
            || (name.equals("java.util.Map")
                && TypeSupport.typeArgument(recordType.get(), 0)
                    .map(k -> TypeSupport.is(k, "java.lang.String"))
                    .orElse(false))
            || (returnKind == ReturnKind.VOID && name.equals("java.lang.Object"));
    if (!dynamicRecord) {
      scope.report.error(
          Message.READ_RECORD_TYPE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          TypeSupport.simple(recordType.get()));
      return Optional.empty();
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new DiscoverModel(
            "",
            method.getSimpleName().toString(),
            returnKind,
            params.get(),
            returnKind == ReturnKind.VOID && !name.equals("java.lang.Object")));
  }
}
