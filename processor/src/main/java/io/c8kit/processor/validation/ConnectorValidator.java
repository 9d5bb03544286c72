package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.ConfigObjectModel;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.CursorModel;
import io.c8kit.processor.model.DestinationModel;
import io.c8kit.processor.model.DiscoverModel;
import io.c8kit.processor.model.FieldModel;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.model.OptionalModel;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.RecordTypeModel;
import io.c8kit.processor.model.ReturnKind;
import io.c8kit.processor.model.Scalar;
import io.c8kit.processor.model.ScalarModel;
import io.c8kit.processor.model.StreamModel;
import io.c8kit.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Validates one {@code @Source}/{@code @Destination} class and builds its {@link ConnectorModel}:
 * every rule of the DSL is checked here, every error goes to the {@link Report} on the most precise
 * element, and no model is returned when any error was found.
 */
public final class ConnectorValidator {
  private static final Map<Scalar, String> CURSOR_TYPES = new EnumMap<>(Map.of(
      Scalar.INSTANT, "INSTANT",
      Scalar.OFFSET_DATE_TIME, "OFFSET_DATE_TIME",
      Scalar.LOCAL_DATE_TIME, "LOCAL_DATE_TIME",
      Scalar.LOCAL_DATE, "LOCAL_DATE",
      Scalar.LONG, "LONG",
      Scalar.INT, "INTEGER",
      Scalar.BIG_DECIMAL, "BIG_DECIMAL",
      Scalar.DOUBLE, "DOUBLE",
      Scalar.STRING, "STRING"));

  /** Packages of the toolkit itself: none of their types can be a connector's config. */
  private static final java.util.Set<String> TOOLKIT_PACKAGES = java.util.Set.of("io.c8kit",
      "io.c8kit.annotations", "io.c8kit.source", "io.c8kit.destination", "io.c8kit.runtime",
      "io.c8kit.protocol");

  private static final String CURSOR = "io.c8kit.source.Cursor";
  private static final String PAGE = "io.c8kit.source.Page";
  private static final String STREAM_CONTEXT = "io.c8kit.source.StreamContext";
  private static final String EMITTER = "io.c8kit.source.Emitter";
  private static final String WRITE_CONTEXT = "io.c8kit.destination.WriteContext";

  private final Elements elements;
  private final TypeSupport types;
  private final ProcessorOptions options;

  public ConnectorValidator(ProcessingEnvironment env, ProcessorOptions options) {
    this.elements = env.getElementUtils();
    this.types = new TypeSupport(env.getTypeUtils());
    this.options = options;
  }

  /** Where the config type was first seen, to check that all methods agree. */
  private record ConfigRef(TypeMirror type, ExecutableElement method, VariableElement parameter) {}

  /** Per-class validation state. */
  private final class Run {
    final TypeElement type;
    final Report report;
    final Kind kind;
    ConfigRef config;
    boolean configOk = true;

    Run(TypeElement type, Report report, Kind kind) {
      this.type = type;
      this.report = report;
      this.kind = kind;
    }

    /** Records the config parameter of {@code method}, reporting a disagreement with earlier ones. */
    void noteConfig(ExecutableElement method, VariableElement parameter) {
      if (config == null) {
        config = new ConfigRef(parameter.asType(), method, parameter);
      } else if (!types.types().isSameType(config.type(), parameter.asType())) {
        report.error(Message.CONFIG_TYPE_MISMATCH, parameter, TypeSupport.simple(parameter.asType()),
            method.getSimpleName(), TypeSupport.simple(config.type()), config.method().getSimpleName());
        configOk = false;
      }
    }
  }

  /** Validates {@code type}; returns its model only when no error was reported. */
  public Optional<ConnectorModel> validate(TypeElement type, Report report) {
    Optional<AnnotationMirror> source = Annotations.find(type, Annotations.SOURCE);
    Optional<AnnotationMirror> destination = Annotations.find(type, Annotations.DESTINATION);
    if (source.isPresent() && destination.isPresent()) {
      report.error(Message.SOURCE_AND_DESTINATION, type, destination.get(), null, type.getSimpleName());
      return Optional.empty();
    }
    Kind kind = source.isPresent() ? Kind.SOURCE : Kind.DESTINATION;
    AnnotationMirror mirror = source.orElseGet(destination::orElseThrow);
    String annotation = kind == Kind.SOURCE ? "Source" : "Destination";
    if (!checkClass(type, annotation, mirror, report)) {
      return Optional.empty();
    }
    Annotations.Values v = new Annotations.Values(elements, mirror);
    Run run = new Run(type, report, kind);

    String name = v.string("name");
    if (!Names.KEBAB.matcher(name).matches()) {
      report.error(Message.INVALID_NAME, type, mirror, v.at("name"), name);
    }
    String version = v.string("version");
    if (!Names.SEMVER.matcher(version).matches()) {
      report.error(Message.INVALID_VERSION, type, mirror, v.at("version"), version);
    }
    String documentationUrl = v.string("documentationUrl");
    if (!documentationUrl.isEmpty() && !Names.isHttpUrl(documentationUrl)) {
      report.error(Message.INVALID_DOCUMENTATION_URL, type, mirror, v.at("documentationUrl"),
          documentationUrl);
    }
    String logo = v.string("logo");
    if (!logo.isEmpty() && !logo.startsWith("data:") && !Names.RESOURCE_PATH.matcher(logo).matches()) {
      report.error(Message.INVALID_LOGO, type, mirror, v.at("logo"), logo);
    }
    String dockerImage = v.string("dockerImage");
    if (dockerImage.isEmpty()) {
      String prefix = options.dockerRepository().isEmpty()
          ? ProcessorOptions.DEFAULT_REPOSITORY : options.dockerRepository();
      dockerImage = prefix + "/" + kind.word() + "-" + name;
    } else if (!Names.DOCKER_REPOSITORY.matcher(dockerImage).matches()) {
      report.error(Message.INVALID_DOCKER_IMAGE, type, mirror, v.at("dockerImage"), dockerImage);
    }
    String baseImage = v.string("baseImage");
    if (!baseImage.isEmpty() && (baseImage.isBlank() || baseImage.chars().anyMatch(Character::isWhitespace))) {
      report.error(Message.INVALID_BASE_IMAGE, type, mirror, v.at("baseImage"), baseImage);
    }
    if (!options.baseImage().isEmpty()) {
      baseImage = options.baseImage();
    } else if (baseImage.isEmpty()) {
      baseImage = ProcessorOptions.DEFAULT_BASE_IMAGE;
    }
    String title = v.string("title").isEmpty() ? Names.title(name) : v.string("title");
    List<ClassName> configErrors = v.types("configErrors").stream()
        .map(t -> ClassName.get((TypeElement) t.asElement())).collect(Collectors.toList());
    List<ClassName> transientErrors = v.types("transientErrors").stream()
        .map(t -> ClassName.get((TypeElement) t.asElement())).collect(Collectors.toList());

    ClassName annotated = ClassName.get(type);
    RecordTypeValidator records = new RecordTypeValidator(elements, types, report, annotated);
    Optional<String> check = Optional.empty();
    ExecutableElement firstCheck = null;
    List<StreamModel> streams = new ArrayList<>();
    Map<String, ExecutableElement> streamNames = new HashMap<>();
    boolean declaresStreams = false;
    ExecutableElement discover = null;
    ExecutableElement read = null;
    Optional<DiscoverModel> readModel = Optional.empty();
    ExecutableElement writer = null;
    List<Param> writerParams = List.of();

    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> checkMirror = Annotations.find(method, Annotations.CHECK);
      if (checkMirror.isPresent()) {
        if (firstCheck != null) {
          report.error(Message.DUPLICATE_CHECK, method, checkMirror.get(), null, method.getSimpleName(),
              type.getSimpleName(), firstCheck.getSimpleName());
        } else {
          firstCheck = method;
          if (checkCheck(run, method, checkMirror.get())) {
            check = Optional.of(method.getSimpleName().toString());
          }
        }
      }
      Optional<AnnotationMirror> streamMirror = Annotations.find(method, Annotations.STREAM);
      if (streamMirror.isPresent()) {
        declaresStreams = true;
        if (kind == Kind.DESTINATION) {
          report.error(Message.SOURCE_METHOD_ON_DESTINATION, method, streamMirror.get(), null, "Stream",
              method.getSimpleName(), type.getSimpleName());
        } else {
          stream(run, records, method, streamMirror.get(), streamNames).ifPresent(streams::add);
        }
      }
      Optional<AnnotationMirror> discoverMirror = Annotations.find(method, Annotations.DISCOVER);
      if (discoverMirror.isPresent()) {
        declaresStreams = true;
        if (kind == Kind.DESTINATION) {
          report.error(Message.SOURCE_METHOD_ON_DESTINATION, method, discoverMirror.get(), null,
              "Discover", method.getSimpleName(), type.getSimpleName());
        } else if (discover != null) {
          report.error(Message.DUPLICATE_METHOD, method, discoverMirror.get(), null, "Discover",
              method.getSimpleName(), type.getSimpleName(), discover.getSimpleName());
        } else {
          discover = method;
          checkDiscover(run, method, discoverMirror.get());
        }
      }
      Optional<AnnotationMirror> readMirror = Annotations.find(method, Annotations.READ);
      if (readMirror.isPresent()) {
        declaresStreams = true;
        if (kind == Kind.DESTINATION) {
          report.error(Message.SOURCE_METHOD_ON_DESTINATION, method, readMirror.get(), null, "Read",
              method.getSimpleName(), type.getSimpleName());
        } else if (read != null) {
          report.error(Message.DUPLICATE_METHOD, method, readMirror.get(), null, "Read",
              method.getSimpleName(), type.getSimpleName(), read.getSimpleName());
        } else {
          read = method;
          readModel = checkRead(run, method, readMirror.get());
        }
      }
      Optional<AnnotationMirror> writerMirror = Annotations.find(method, Annotations.WRITER);
      if (writerMirror.isPresent()) {
        if (kind == Kind.SOURCE) {
          report.error(Message.WRITER_ON_SOURCE, method, writerMirror.get(), null, method.getSimpleName(),
              type.getSimpleName());
        } else if (writer != null) {
          report.error(Message.DUPLICATE_METHOD, method, writerMirror.get(), null, "Writer",
              method.getSimpleName(), type.getSimpleName(), writer.getSimpleName());
        } else {
          writer = method;
          writerParams = checkWriter(run, method, writerMirror.get());
        }
      }
    }

    Optional<DiscoverModel> discoverModel = Optional.empty();
    Optional<DestinationModel> destinationModel = Optional.empty();
    if (kind == Kind.SOURCE) {
      if (discover != null && read == null) {
        report.error(Message.DISCOVER_WITHOUT_READ, discover,
            Annotations.find(discover, Annotations.DISCOVER).orElseThrow(), null, discover.getSimpleName());
      }
      if (read != null && discover == null) {
        report.error(Message.READ_WITHOUT_DISCOVER, read,
            Annotations.find(read, Annotations.READ).orElseThrow(), null, read.getSimpleName());
      }
      if (!declaresStreams) {
        report.error(Message.NO_STREAMS, type, mirror, null, type.getSimpleName());
      }
      if (discover != null && readModel.isPresent()) {
        DiscoverModel r = readModel.get();
        discoverModel = Optional.of(new DiscoverModel(discover.getSimpleName().toString(), r.readMethod(),
            r.readReturn(), r.readParams(), r.emitterAdapts()));
      }
    } else {
      if (writer == null) {
        report.error(Message.NO_WRITER, type, mirror, null, type.getSimpleName());
      }
      List<String> syncModes = v.enumNames("syncModes");
      if (syncModes.isEmpty()) {
        report.error(Message.NO_DESTINATION_SYNC_MODES, type, mirror, v.at("syncModes"),
            type.getSimpleName());
      }
      if (writer != null) {
        destinationModel = Optional.of(new DestinationModel(writer.getSimpleName().toString(),
            writerParams, syncModes.stream().distinct().toList(), v.strings("reservedKeys")));
      }
    }

    ClassName binder = ClassName.get(annotated.packageName(),
        String.join("_", annotated.simpleNames()) + "_ConfigBinder");
    Optional<ConfigModel> config = Optional.empty();
    if (run.config == null) {
      ClassName voidType = ClassName.get(Void.class);
      config = Optional.of(new ConfigModel(voidType, new ConfigObjectModel(voidType, List.of()),
          List.of(), binder));
    } else if (run.configOk) {
      TypeElement configType = TypeSupport.element(run.config.type()).orElseThrow();
      if (configType.getKind() != ElementKind.RECORD) {
        report.error(Message.CONFIG_NOT_RECORD, run.config.parameter(),
            TypeSupport.simple(run.config.type()), configType.getSimpleName());
      } else {
        config = new ConfigTypeValidator(elements, report).config(configType, binder);
      }
    }

    if (report.hasErrors() || config.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConnectorModel(type, kind, annotated, name, version, title,
        v.string("description"), documentationUrl, logo, dockerImage, baseImage, configErrors,
        transientErrors, config.get(), check, streams, discoverModel, destinationModel));
  }

  /** Checks the connector class itself; false when nothing else can be checked sensibly. */
  private boolean checkClass(TypeElement type, String annotation, AnnotationMirror mirror, Report report) {
    if (type.getKind() != ElementKind.CLASS) {
      String what = switch (type.getKind()) {
        case INTERFACE -> "an interface";
        case ENUM -> "an enum";
        case RECORD -> "a record";
        case ANNOTATION_TYPE -> "an annotation type";
        default -> "a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
      };
      report.error(Message.CONNECTOR_NOT_CLASS, type, mirror, null, annotation, type.getSimpleName(), what);
      return false;
    }
    boolean ok = true;
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.error(Message.CONNECTOR_ABSTRACT, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    boolean isPublic = true;
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      isPublic &= t.getModifiers().contains(Modifier.PUBLIC);
    }
    if (!isPublic) {
      report.error(Message.CONNECTOR_NOT_PUBLIC, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.CONNECTOR_INNER, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      report.error(Message.CONNECTOR_INNER, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(Message.CONNECTOR_GENERIC, type, mirror, null, annotation, type.getSimpleName());
      ok = false;
    }
    boolean noArg = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!noArg) {
      report.error(Message.CONNECTOR_NO_CONSTRUCTOR, type, mirror, null, annotation, type.getSimpleName(),
          type.getSimpleName());
      ok = false;
    }
    return ok;
  }

  private boolean checkModifiers(Run run, ExecutableElement method, AnnotationMirror mirror, String annotation) {
    for (Modifier m : List.of(Modifier.STATIC, Modifier.PRIVATE)) {
      if (method.getModifiers().contains(m)) {
        run.report.error(Message.METHOD_MODIFIERS, method, mirror, null, annotation, method.getSimpleName(),
            m.toString());
        return false;
      }
    }
    return true;
  }

  /** A declared record or class outside the JDK and the toolkit: the only thing a config can be. */
  private static boolean isConfigCandidate(TypeMirror type) {
    Optional<TypeElement> e = TypeSupport.element(type);
    if (e.isEmpty() || (e.get().getKind() != ElementKind.RECORD && e.get().getKind() != ElementKind.CLASS)) {
      return false;
    }
    String name = e.get().getQualifiedName().toString();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("com.fasterxml.")) {
      return false;
    }
    Element pkg = e.get();
    while (pkg.getKind() != ElementKind.PACKAGE) {
      pkg = pkg.getEnclosingElement();
    }
    return !TOOLKIT_PACKAGES.contains(((javax.lang.model.element.PackageElement) pkg).getQualifiedName().toString());
  }

  private static Optional<Param> special(TypeMirror type) {
    return switch (TypeSupport.qualifiedName(type)) {
      case CURSOR -> Optional.of(Param.CURSOR);
      case PAGE -> Optional.of(Param.PAGE);
      case STREAM_CONTEXT -> Optional.of(Param.CONTEXT);
      case EMITTER -> Optional.of(Param.EMITTER);
      case WRITE_CONTEXT -> Optional.of(Param.WRITE_CONTEXT);
      default -> Optional.empty();
    };
  }

  private boolean checkCheck(Run run, ExecutableElement method, AnnotationMirror mirror) {
    boolean ok = checkModifiers(run, method, mirror, "Check");
    String config = run.config != null ? TypeSupport.simple(run.config.type()) : "Config";
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      run.report.error(Message.CHECK_SIGNATURE, method, mirror, null, method.getSimpleName(),
          "returns " + TypeSupport.simple(method.getReturnType()), method.getSimpleName(), config);
      ok = false;
    }
    if (method.getParameters().size() != 1) {
      run.report.error(Message.CHECK_SIGNATURE, method, mirror, null, method.getSimpleName(),
          "takes " + method.getParameters().size() + " parameters", method.getSimpleName(), config);
      return false;
    }
    VariableElement p = method.getParameters().get(0);
    if (!isConfigCandidate(p.asType())) {
      run.report.error(Message.CHECK_SIGNATURE, p, mirror, null, method.getSimpleName(),
          "takes a " + TypeSupport.simple(p.asType()) + " instead of the config record",
          method.getSimpleName(), config);
      return false;
    }
    run.noteConfig(method, p);
    return ok;
  }

  private void checkDiscover(Run run, ExecutableElement method, AnnotationMirror mirror) {
    checkModifiers(run, method, mirror, "Discover");
    TypeMirror ret = method.getReturnType();
    boolean listOfStreams = TypeSupport.is(ret, "java.util.List")
        && TypeSupport.typeArgument(ret, 0).map(a -> TypeSupport.is(a, "io.c8kit.source.DiscoveredStream"))
            .orElse(false);
    if (!listOfStreams) {
      run.report.error(Message.DISCOVER_SIGNATURE, method, mirror, null, method.getSimpleName(),
          "returns " + TypeSupport.simple(ret), method.getSimpleName());
    }
    if (method.getParameters().size() != 1 || !isConfigCandidate(method.getParameters().get(0).asType())) {
      run.report.error(Message.DISCOVER_SIGNATURE, method, mirror, null, method.getSimpleName(),
          "must take exactly the config record", method.getSimpleName());
      return;
    }
    run.noteConfig(method, method.getParameters().get(0));
  }

  /** Classifies parameters against the allowed set; returns empty after reporting a problem. */
  private Optional<List<Param>> params(
      Run run, ExecutableElement method, AnnotationMirror mirror, String annotation, List<Param> allowed,
      String allowedText) {
    List<Param> params = new ArrayList<>();
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      Optional<Param> special = special(p.asType());
      Param param;
      if (special.isPresent() && allowed.contains(special.get())) {
        param = special.get();
      } else if (special.isEmpty() && allowed.contains(Param.CONFIG) && isConfigCandidate(p.asType())) {
        param = Param.CONFIG;
      } else {
        run.report.error(Message.PARAMETER_TYPE, p, p.getSimpleName(), annotation, method.getSimpleName(),
            TypeSupport.simple(p.asType()), allowedText);
        ok = false;
        continue;
      }
      if (params.contains(param)) {
        run.report.error(Message.DUPLICATE_PARAMETER, p, annotation, method.getSimpleName(),
            describe(param, p.asType()), p.getSimpleName());
        ok = false;
        continue;
      }
      if (param == Param.CONFIG) {
        run.noteConfig(method, p);
      }
      params.add(param);
    }
    return ok ? Optional.of(params) : Optional.empty();
  }

  private static String describe(Param param, TypeMirror type) {
    return switch (param) {
      case CONFIG -> "config (" + TypeSupport.simple(type) + ")";
      case CURSOR -> "Cursor";
      case PAGE -> "Page";
      case CONTEXT -> "StreamContext";
      case EMITTER -> "Emitter";
      case WRITE_CONTEXT -> "WriteContext";
    };
  }

  /** The record type argument of a Stream/Iterator/Iterable return type. */
  private Optional<Map.Entry<ReturnKind, TypeMirror>> returned(TypeMirror ret) {
    if (ret.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    Map<String, ReturnKind> kinds = Map.of("java.util.stream.Stream", ReturnKind.STREAM,
        "java.util.Iterator", ReturnKind.ITERATOR, "java.lang.Iterable", ReturnKind.ITERABLE);
    for (String name : List.of("java.util.stream.Stream", "java.util.Iterator", "java.lang.Iterable")) {
      Optional<DeclaredType> s = types.supertype(ret, name);
      if (s.isPresent()) {
        Optional<TypeMirror> arg = TypeSupport.typeArgument(s.get(), 0);
        return arg.map(a -> Map.entry(kinds.get(name), a));
      }
    }
    return Optional.empty();
  }

  private Optional<StreamModel> stream(
      Run run, RecordTypeValidator records, ExecutableElement method, AnnotationMirror mirror,
      Map<String, ExecutableElement> streamNames) {
    Report report = run.report;
    Annotations.Values s = new Annotations.Values(elements, mirror);
    boolean ok = checkModifiers(run, method, mirror, "Stream");
    Optional<List<Param>> params = params(run, method, mirror, "Stream",
        List.of(Param.CONFIG, Param.CURSOR, Param.PAGE, Param.CONTEXT, Param.EMITTER),
        "the config record, Cursor<T>, Page<T>, StreamContext and Emitter<R>, each at most once");
    ok &= params.isPresent();
    List<Param> ps = params.orElse(List.of());

    String name = s.string("name").isEmpty() ? Names.snake(method.getSimpleName().toString()) : s.string("name");
    if (!Names.STREAM_NAME.matcher(name).matches()) {
      report.error(Message.INVALID_STREAM_NAME, method, mirror, s.at("name"), name,
          name.replaceAll("[^A-Za-z0-9_]+", "_"));
      ok = false;
    } else {
      ExecutableElement previous = streamNames.putIfAbsent(name, method);
      if (previous != null) {
        report.error(Message.DUPLICATE_STREAM_NAME, method, mirror, s.at("name"), name,
            previous.getSimpleName());
        ok = false;
      }
    }

    // The record type comes from the return type or, for void methods, from the emitter.
    TypeMirror ret = method.getReturnType();
    ReturnKind returnKind;
    Optional<TypeMirror> recordType;
    VariableElement emitter = method.getParameters().stream()
        .filter(p -> TypeSupport.is(p.asType(), EMITTER)).findFirst().orElse(null);
    if (ret.getKind() == TypeKind.VOID) {
      returnKind = ReturnKind.VOID;
      recordType = emitter == null ? Optional.empty() : TypeSupport.typeArgument(emitter.asType(), 0);
    } else {
      Optional<Map.Entry<ReturnKind, TypeMirror>> r = returned(ret);
      returnKind = r.map(Map.Entry::getKey).orElse(null);
      recordType = r.map(Map.Entry::getValue);
      if (emitter != null) {
        recordType = Optional.empty();
      }
    }
    if (recordType.isEmpty()) {
      report.error(Message.STREAM_RETURN_TYPE, method, mirror, null, "Stream", method.getSimpleName(),
          TypeSupport.simple(ret) + (emitter == null ? "" : " and takes an Emitter"));
      return Optional.empty();
    }
    Optional<TypeElement> recordElement = TypeSupport.element(recordType.get())
        .filter(e -> e.getKind() == ElementKind.RECORD);
    if (recordElement.isEmpty()) {
      String simple = TypeSupport.element(recordType.get()).map(e -> e.getSimpleName().toString()).orElse("R");
      report.error(Message.RECORD_TYPE_NOT_RECORD, method, mirror, null, method.getSimpleName(),
          TypeSupport.simple(recordType.get()), simple);
      return Optional.empty();
    }
    Optional<RecordTypeModel> record = records.record(recordElement.get());
    if (record.isEmpty()) {
      return Optional.empty();
    }
    RecordTypeModel r = record.get();
    String allFields = r.fields().stream().map(FieldModel::jsonName).collect(Collectors.joining(", ", "[", "]"));

    List<List<String>> primaryKey = new ArrayList<>();
    for (String key : s.strings("primaryKey")) {
      List<String> path = List.of(key.split("\\.", -1));
      Optional<TypeModel> field = resolve(r, path);
      if (field.isEmpty()) {
        report.error(Message.PRIMARY_KEY_MISSING_FIELD, method, mirror, s.at("primaryKey"), key, name,
            r.type().simpleName(), allFields);
        ok = false;
      } else if (field.get().isComposite()) {
        report.error(Message.PRIMARY_KEY_NOT_SCALAR, method, mirror, s.at("primaryKey"), key, name,
            describeShape(field.get()));
        ok = false;
      } else {
        primaryKey.add(path);
      }
    }

    Optional<CursorModel> cursor = Optional.empty();
    String cursorName = s.string("cursor");
    if (!cursorName.isEmpty()) {
      cursor = cursorModel(report, method, mirror, s.at("cursor"), r, cursorName, name, "cursor",
          Message.CURSOR_MISSING_FIELD, allFields);
      ok &= cursor.isPresent();
      ok &= checkTypedParam(report, method, r, cursor, CURSOR, Message.CURSOR_PARAMETER_MISMATCH);
    }
    if (cursorName.isEmpty() && ps.contains(Param.CURSOR)) {
      report.error(Message.CURSOR_PARAMETER_WITHOUT_CURSOR, method, mirror, null, method.getSimpleName());
      ok = false;
    }

    Optional<CursorModel> page = Optional.empty();
    String pageKey = s.string("pageKey");
    if (!pageKey.isEmpty()) {
      page = cursorModel(report, method, mirror, s.at("pageKey"), r, pageKey, name, "pageKey",
          Message.PAGE_KEY_MISSING_FIELD, allFields);
      ok &= page.isPresent();
      ok &= checkTypedParam(report, method, r, page, PAGE, Message.PAGE_PARAMETER_MISMATCH);
      if (page.isPresent() && params.isPresent() && !ps.contains(Param.PAGE)) {
        String boxed = r.field(pageKey).map(f -> boxed(f.type()).simpleName()).orElse("T");
        report.error(Message.PAGE_KEY_WITHOUT_PAGE_PARAMETER, method, mirror, s.at("pageKey"), name,
            pageKey, method.getSimpleName(), boxed);
        ok = false;
      }
    }
    if (pageKey.isEmpty() && ps.contains(Param.PAGE)) {
      report.error(Message.PAGE_PARAMETER_WITHOUT_PAGE_KEY, method, mirror, null, method.getSimpleName());
      ok = false;
    }

    List<String> declared = s.enumNames("syncModes");
    List<String> syncModes = new ArrayList<>();
    if (declared.isEmpty()) {
      syncModes.add("FULL_REFRESH");
      if (!cursorName.isEmpty()) {
        syncModes.add("INCREMENTAL");
      }
    } else {
      // Full refresh first, whatever the declaration order, as the catalog lists it.
      for (String mode : List.of("FULL_REFRESH", "INCREMENTAL")) {
        if (declared.contains(mode)) {
          syncModes.add(mode);
        }
      }
      if (declared.contains("INCREMENTAL") && cursorName.isEmpty()) {
        report.error(Message.INCREMENTAL_WITHOUT_CURSOR, method, mirror, s.at("syncModes"), name);
        ok = false;
      }
    }
    for (String member : List.of("checkpointRecords", "checkpointSeconds")) {
      if (s.integer(member) < 0) {
        report.error(Message.NEGATIVE_CHECKPOINT, method, mirror, s.at(member), member, name,
            s.integer(member));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new StreamModel(name, s.string("namespace"), method.getSimpleName().toString(), r,
        primaryKey, cursor, page, syncModes, s.bool("ordered"), s.integer("checkpointRecords"),
        s.integer("checkpointSeconds"), returnKind, ps));
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
      Report report, ExecutableElement method, AnnotationMirror mirror,
      javax.lang.model.element.AnnotationValue value, RecordTypeModel r, String fieldName, String stream,
      String what, Message missing, String allFields) {
    Optional<FieldModel> field = r.field(fieldName);
    if (field.isEmpty()) {
      report.error(missing, method, mirror, value, fieldName, stream, r.type().simpleName(), allFields);
      return Optional.empty();
    }
    TypeModel type = field.get().type();
    String constant = type instanceof ScalarModel s ? CURSOR_TYPES.get(s.scalar()) : null;
    if (constant == null) {
      report.error(Message.CURSOR_TYPE, method, mirror, value, what, fieldName, stream, describeType(type));
      return Optional.empty();
    }
    return Optional.of(new CursorModel(fieldName, field.get().accessor(), constant));
  }

  private static String describeType(TypeModel type) {
    if (type instanceof ScalarModel s) {
      return s.primitive() && s.scalar().primitive() != null ? s.scalar().primitive().toString()
          : s.scalar().boxed().simpleName();
    }
    if (type instanceof OptionalModel o) {
      return "Optional<" + describeType(o.element()) + ">";
    }
    return type.getClass().getSimpleName().replace("Model", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Checks that a {@code Cursor<T>}/{@code Page<T>} parameter's T is the field's boxed type. */
  private boolean checkTypedParam(
      Report report, ExecutableElement method, RecordTypeModel r, Optional<CursorModel> model,
      String paramType, Message mismatch) {
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
        report.error(mismatch, p, p.getSimpleName(), actualText, model.get().field(),
            describeType(field.type()), expected.simpleName());
        return false;
      }
    }
    return true;
  }

  private Optional<DiscoverModel> checkRead(Run run, ExecutableElement method, AnnotationMirror mirror) {
    boolean ok = checkModifiers(run, method, mirror, "Read");
    Optional<List<Param>> params = params(run, method, mirror, "Read",
        List.of(Param.CONFIG, Param.CONTEXT, Param.EMITTER),
        "the config record, StreamContext and Emitter<ObjectNode>, each at most once");
    ok &= params.isPresent();
    TypeMirror ret = method.getReturnType();
    VariableElement emitter = method.getParameters().stream()
        .filter(p -> TypeSupport.is(p.asType(), EMITTER)).findFirst().orElse(null);
    ReturnKind returnKind;
    Optional<TypeMirror> recordType;
    if (ret.getKind() == TypeKind.VOID && emitter != null) {
      returnKind = ReturnKind.VOID;
      recordType = TypeSupport.typeArgument(emitter.asType(), 0);
    } else if (ret.getKind() != TypeKind.VOID && emitter == null) {
      Optional<Map.Entry<ReturnKind, TypeMirror>> r = returned(ret);
      returnKind = r.map(Map.Entry::getKey).orElse(null);
      recordType = r.map(Map.Entry::getValue);
    } else {
      returnKind = null;
      recordType = Optional.empty();
    }
    if (recordType.isEmpty()) {
      run.report.error(Message.STREAM_RETURN_TYPE, method, mirror, null, "Read", method.getSimpleName(),
          TypeSupport.simple(ret) + (emitter == null ? "" : " and takes an Emitter"));
      return Optional.empty();
    }
    String name = TypeSupport.qualifiedName(recordType.get());
    boolean dynamicRecord = name.equals("com.fasterxml.jackson.databind.node.ObjectNode")
        || name.equals("com.fasterxml.jackson.databind.JsonNode")
        || (name.equals("java.util.Map") && TypeSupport.typeArgument(recordType.get(), 0)
            .map(k -> TypeSupport.is(k, "java.lang.String")).orElse(false))
        || (returnKind == ReturnKind.VOID && name.equals("java.lang.Object"));
    if (!dynamicRecord) {
      run.report.error(Message.READ_RECORD_TYPE, method, mirror, null, method.getSimpleName(),
          TypeSupport.simple(recordType.get()));
      return Optional.empty();
    }
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new DiscoverModel("", method.getSimpleName().toString(), returnKind, params.get(),
        returnKind == ReturnKind.VOID && !name.equals("java.lang.Object")));
  }

  private List<Param> checkWriter(Run run, ExecutableElement method, AnnotationMirror mirror) {
    checkModifiers(run, method, mirror, "Writer");
    Optional<List<Param>> params = params(run, method, mirror, "Writer",
        List.of(Param.CONFIG, Param.WRITE_CONTEXT), "the config record and WriteContext, each at most once");
    TypeMirror ret = method.getReturnType();
    if (types.supertype(ret, "io.c8kit.destination.SyncWriter").isEmpty()) {
      run.report.error(Message.WRITER_SIGNATURE, method, mirror, null, method.getSimpleName(),
          "returns " + TypeSupport.simple(ret), method.getSimpleName());
    }
    return params.orElse(List.of());
  }

  /**
   * Reports a method-level annotation used outside a connector class (nothing would ever call it).
   */
  public void checkPlacement(Element method, String annotationSimpleName, Report report) {
    Element enclosing = method.getEnclosingElement();
    if (Annotations.has(enclosing, Annotations.SOURCE) || Annotations.has(enclosing, Annotations.DESTINATION)) {
      return;
    }
    AnnotationMirror mirror = Annotations.find(method, Annotations.PKG + annotationSimpleName).orElse(null);
    report.error(Message.ORPHAN_METHOD, method, mirror, null, annotationSimpleName, method.getSimpleName(),
        enclosing.getSimpleName());
  }
}
