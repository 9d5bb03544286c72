package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.c8kit.processor.model.CursorModel;
import io.c8kit.processor.model.CursorType;
import io.c8kit.processor.model.FieldModel;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.RecordTypeModel;
import io.c8kit.processor.model.ReturnKind;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.SourceSyncMode;
import io.c8kit.processor.model.StreamModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Validates the {@code @Stream} methods of one source: name, record type, keys, cursor, page key,
 * sync modes and checkpoints; one instance per connector so that stream names are unique.
 */
final class StreamValidator {
  private final ConnectorScope scope;
  private final RecordTypeValidator records;
  private final Map<String, ExecutableElement> streamNames = new HashMap<>();
  private final Map<String, Map.Entry<String, ExecutableElement>> fileNames = new HashMap<>();

  StreamValidator(ConnectorScope scope, RecordTypeValidator records) {
    this.scope = scope;
    this.records = records;
  }

  Optional<StreamModel> validate(ExecutableElement method, AnnotationMirror mirror) {
    Report report = scope.report;
    Annotations.Values s = new Annotations.Values(scope.elements, mirror);
    boolean ok = MethodParameters.checkModifiers(scope, method, mirror, "Stream");
    Optional<List<Param>> params =
        MethodParameters.classify(
            scope,
            method,
            "Stream",
            List.of(Param.CONFIG, Param.CURSOR, Param.PAGE, Param.CONTEXT, Param.EMITTER),
            "the config record, Cursor<T>, Page<T>, StreamContext and Emitter<R>, each at most once");
    ok &= params.isPresent();
    List<Param> ps = params.orElse(List.of());

    String name =
        s.string("name").isEmpty()
            ? Names.snake(method.getSimpleName().toString())
            : s.string("name");
    if (!Names.STREAM_NAME.matcher(name).matches()) {
      report.error(
          Message.INVALID_STREAM_NAME,
          method,
          mirror,
          s.at("name"),
          name,
          name.replaceAll("[^A-Za-z0-9_]+", "_"));
      ok = false;
    } else if (GeneratedOutputs.tooLong(name + ".json").isPresent()) {
      report.error(
          Message.NAME_TOO_LONG,
          method,
          mirror,
          s.at("name"),
          "stream name \"" + name + "\"",
          "streams/" + name + ".json",
          GeneratedOutputs.tooLong(name + ".json").get(),
          GeneratedOutputs.MAX_FILE_NAME_BYTES);
      ok = false;
    } else {
      ExecutableElement previous = streamNames.putIfAbsent(name, method);
      // Schemas are files: "Users" and "users" would be one file on macOS and Windows.
      Map.Entry<String, ExecutableElement> sameFile =
          fileNames.putIfAbsent(name.toLowerCase(Locale.ROOT), Map.entry(name, method));
      if (previous != null) {
        report.error(
            Message.DUPLICATE_STREAM_NAME,
            method,
            mirror,
            s.at("name"),
            name,
            previous.getSimpleName());
        ok = false;
      } else if (sameFile != null) {
        report.error(
            Message.GENERATED_NAME_CLASH,
            method,
            mirror,
            s.at("name"),
            "the schema",
            "streams/" + name + ".json",
            "stream " + name,
            "stream "
                + sameFile.getKey()
                + " of method "
                + sameFile.getValue().getSimpleName()
                + "() has streams/"
                + sameFile.getKey()
                + ".json, the same file on case-insensitive file systems (macOS, Windows)",
            "one of the streams with @Stream(name = ...)");
        ok = false;
      }
    }

    // The record type comes from the return type or, for void methods, from the emitter.
    TypeMirror ret = method.getReturnType();
    ReturnKind returnKind;
    Optional<TypeMirror> recordType;
    VariableElement emitter = MethodParameters.emitter(method).orElse(null);
    if (ret.getKind() == TypeKind.VOID) {
      returnKind = ReturnKind.VOID;
      recordType =
          emitter == null ? Optional.empty() : TypeSupport.typeArgument(emitter.asType(), 0);
    } else {
      MethodParameters.Returned r = MethodParameters.returned(scope.types, ret);
      if (r.ambiguous()) {
        report.error(
            Message.RETURN_TYPE_AMBIGUOUS,
            method,
            mirror,
            null,
            "Stream",
            method.getSimpleName(),
            TypeSupport.simple(ret),
            r.describeKinds());
        return Optional.empty();
      }
      returnKind = r.kinds().isEmpty() ? null : r.kinds().get(0);
      recordType = emitter != null ? Optional.empty() : r.element();
    }
    if (recordType.isEmpty()) {
      report.error(
          Message.STREAM_RETURN_TYPE,
          method,
          mirror,
          null,
          "Stream",
          method.getSimpleName(),
          TypeSupport.simple(ret) + (emitter == null ? "" : " and takes an Emitter"));
      return Optional.empty();
    }
    Optional<TypeElement> recordElement =
        TypeSupport.element(recordType.get()).filter(e -> e.getKind() == ElementKind.RECORD);
    if (recordElement.isEmpty()) {
      notARecord(method, mirror, recordType.get());
      return Optional.empty();
    }
    if (!Accessibility.check(
        scope, recordElement.get(), "record type of stream " + name, method, mirror, null)) {
      return Optional.empty();
    }
    Optional<RecordTypeModel> record = records.record(recordElement.get());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    RecordTypeModel r = record.get();
    String allFields =
        r.fields().stream().map(FieldModel::jsonName).collect(Collectors.joining(", ", "[", "]"));

    List<List<String>> primaryKey = new ArrayList<>();
    for (String key : s.strings("primaryKey")) {
      List<String> path = List.of(key.split("\\.", -1));
      Optional<TypeModel> field = resolve(r, path);
      if (field.isEmpty()) {
        report.error(
            Message.PRIMARY_KEY_MISSING_FIELD,
            method,
            mirror,
            s.at("primaryKey"),
            key,
            name,
            r.type().simpleName(),
            allFields);
        ok = false;
      } else if (field.get().isComposite()) {
        report.error(
            Message.PRIMARY_KEY_NOT_SCALAR,
            method,
            mirror,
            s.at("primaryKey"),
            key,
            name,
            describeShape(field.get()));
        ok = false;
      } else {
        primaryKey.add(path);
      }
    }

    Optional<CursorModel> cursor = Optional.empty();
    String cursorName = s.string("cursor");
    if (!cursorName.isEmpty()) {
      cursor =
          cursorModel(
              method,
              mirror,
              s.at("cursor"),
              r,
              cursorName,
              name,
              "cursor",
              Message.CURSOR_MISSING_FIELD,
              allFields);
      ok &= cursor.isPresent();
      ok &=
          checkTypedParam(
              method, r, cursor, MethodParameters.CURSOR, Message.CURSOR_PARAMETER_MISMATCH);
    }
    if (cursorName.isEmpty() && ps.contains(Param.CURSOR)) {
      report.error(
          Message.CURSOR_PARAMETER_WITHOUT_CURSOR, method, mirror, null, method.getSimpleName());
      ok = false;
    }

    Optional<CursorModel> page = Optional.empty();
    String pageKey = s.string("pageKey");
    if (!pageKey.isEmpty()) {
      page =
          cursorModel(
              method,
              mirror,
              s.at("pageKey"),
              r,
              pageKey,
              name,
              "pageKey",
              Message.PAGE_KEY_MISSING_FIELD,
              allFields);
      ok &= page.isPresent();
      ok &=
          checkTypedParam(method, r, page, MethodParameters.PAGE, Message.PAGE_PARAMETER_MISMATCH);
      if (page.isPresent() && params.isPresent() && !ps.contains(Param.PAGE)) {
        String boxed = r.field(pageKey).map(f -> boxed(f.type()).simpleName()).orElse("T");
        report.error(
            Message.PAGE_KEY_WITHOUT_PAGE_PARAMETER,
            method,
            mirror,
            s.at("pageKey"),
            name,
            pageKey,
            method.getSimpleName(),
            boxed);
        ok = false;
      }
    }
    if (pageKey.isEmpty() && ps.contains(Param.PAGE)) {
      report.error(
          Message.PAGE_PARAMETER_WITHOUT_PAGE_KEY, method, mirror, null, method.getSimpleName());
      ok = false;
    }

    List<SourceSyncMode> declared =
        s.enumNames("syncModes").stream().map(SourceSyncMode::valueOf).toList();
    List<SourceSyncMode> syncModes = new ArrayList<>();
    if (declared.isEmpty()) {
      syncModes.add(SourceSyncMode.FULL_REFRESH);
      if (!cursorName.isEmpty()) {
        syncModes.add(SourceSyncMode.INCREMENTAL);
      }
    } else {
      // Full refresh first, whatever the declaration order, as the catalog lists it.
      for (SourceSyncMode mode : SourceSyncMode.values()) {
        if (declared.contains(mode)) {
          syncModes.add(mode);
        }
      }
      if (declared.contains(SourceSyncMode.INCREMENTAL) && cursorName.isEmpty()) {
        report.error(Message.INCREMENTAL_WITHOUT_CURSOR, method, mirror, s.at("syncModes"), name);
        ok = false;
      }
    }
    for (String member : List.of("checkpointRecords", "checkpointSeconds")) {
      if (s.integer(member) < 0) {
        report.error(
            Message.NEGATIVE_CHECKPOINT,
            method,
            mirror,
            s.at(member),
            member,
            name,
            s.integer(member));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(
        new StreamModel(
            name,
            s.string("namespace"),
            method.getSimpleName().toString(),
            r,
            primaryKey,
            cursor,
            page,
            syncModes,
            s.bool("ordered"),
            s.integer("checkpointRecords"),
            s.integer("checkpointSeconds"),
            returnKind,
            ps));
  }

  /**
   * A stream of something that is not a record: a class of the author's own can become one, but a
   * library type (a map, a JSON node, a string) has no fixed fields, so the advice differs.
   */
  private void notARecord(ExecutableElement method, AnnotationMirror mirror, TypeMirror produced) {
    Optional<TypeElement> element = TypeSupport.element(produced);
    boolean ownType = element.isPresent() && !isLibraryType(element.get());
    if (ownType) {
      scope.report.error(
          Message.RECORD_TYPE_NOT_RECORD,
          method,
          mirror,
          null,
          method.getSimpleName(),
          TypeSupport.simple(produced),
          element.get().getSimpleName());
    } else {
      scope.report.error(
          Message.STREAM_OF_LIBRARY_TYPE,
          method,
          mirror,
          null,
          method.getSimpleName(),
          TypeSupport.simple(produced));
    }
  }

  private static boolean isLibraryType(TypeElement e) {
    String name = e.getQualifiedName().toString();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("com.fasterxml.")
        || name.startsWith("io.c8kit.");
  }

  private static Optional<TypeModel> resolve(RecordTypeModel record, List<String> path) {
    TypeModel current = record;
    for (String segment : path) {
      if (current instanceof OptionalModel o) {
        current = o.element();
      }
      if (!(current instanceof RecordTypeModel r)) {
        return Optional.empty();
      }
      Optional<FieldModel> f = r.field(segment);
      if (f.isEmpty()) {
        return Optional.empty();
      }
      current = f.get().type();
    }
    return Optional.of(current);
  }

  private static String describeShape(TypeModel type) {
    TypeModel t = type instanceof OptionalModel o ? o.element() : type;
    return switch (t.getClass().getSimpleName()) {
      case "CollectionModel" -> "an array";
      default -> "an object";
    };
  }

  private static ClassName boxed(TypeModel type) {
    if (type instanceof ScalarModel s) {
      return s.scalar().boxed();
    }
    return ClassName.OBJECT;
  }

  private Optional<CursorModel> cursorModel(
      ExecutableElement method,
      AnnotationMirror mirror,
      AnnotationValue value,
      RecordTypeModel r,
      String fieldName,
      String stream,
      String what,
      Message missing,
      String allFields) {
    Optional<FieldModel> field = r.field(fieldName);
    if (field.isEmpty()) {
      scope.report.error(
          missing, method, mirror, value, fieldName, stream, r.type().simpleName(), allFields);
      return Optional.empty();
    }
    TypeModel type = field.get().type();
    Optional<CursorType> cursorType =
        type instanceof ScalarModel s ? CursorType.of(s.scalar()) : Optional.empty();
    if (cursorType.isEmpty()) {
      scope.report.error(
          Message.CURSOR_TYPE, method, mirror, value, what, fieldName, stream, describeType(type));
      return Optional.empty();
    }
    return Optional.of(new CursorModel(fieldName, field.get().accessor(), cursorType.get()));
  }

  private static String describeType(TypeModel type) {
    if (type instanceof ScalarModel s) {
      return s.primitive() && s.scalar().primitive() != null
          ? s.scalar().primitive().toString()
          : s.scalar().boxed().simpleName();
    }
    if (type instanceof OptionalModel o) {
      return "Optional<" + describeType(o.element()) + ">";
    }
    return type.getClass().getSimpleName().replace("Model", "").toLowerCase(Locale.ROOT);
  }

  /** Checks that a {@code Cursor<T>}/{@code Page<T>} parameter's T is the field's boxed type. */
  private boolean checkTypedParam(
      ExecutableElement method,
      RecordTypeModel r,
      Optional<CursorModel> model,
      String paramType,
      Message mismatch) {
    if (model.isEmpty()) {
      return true;
    }
    for (VariableElement p : method.getParameters()) {
      if (!TypeSupport.is(p.asType(), paramType)) {
        continue;
      }
      FieldModel field = r.field(model.get().field()).orElseThrow();
      ClassName expected = boxed(field.type());
      Optional<TypeMirror> arg = TypeSupport.typeArgument(p.asType(), 0);
      TypeName actual = arg.map(TypeName::get).orElse(TypeName.OBJECT);
      if (!actual.equals(expected)) {
        String actualText = arg.map(TypeSupport::simple).orElse("?");
        scope.report.error(
            mismatch,
            p,
            p.getSimpleName(),
            actualText,
            model.get().field(),
            describeType(field.type()),
            expected.simpleName());
        return false;
      }
    }
    return true;
  }
}
