package io.c8kit.processor.validation;

import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.DiscoverModel;
import io.c8kit.processor.model.HttpSourceModel;
import io.c8kit.processor.model.Kind;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.StreamModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @Source}/{@code @Destination} class: checks the class and its annotation,
 * hands each annotated method to the validator of its kind, checks that the parts form a connector,
 * and lets {@link ConnectorModelFactory} assemble the model. Every error goes to the {@link Report}
 * on the most precise element; no model is returned when any error was found.
 */
public final class ConnectorValidator {
  private final Elements elements;
  private final Types javaTypes;
  private final TypeSupport types;
  private final ProcessorOptions options;

  public ConnectorValidator(ProcessingEnvironment env, ProcessorOptions options) {
    this.elements = env.getElementUtils();
    this.javaTypes = env.getTypeUtils();
    this.types = new TypeSupport(javaTypes);
    this.options = options;
  }

  /** The annotated methods of one class, as their validators left them. */
  static final class Methods {
    Optional<String> check = Optional.empty();
    final List<StreamModel> streams = new ArrayList<>();
    boolean declaresStreams;
    ExecutableElement discover;
    ExecutableElement read;
    Optional<DiscoverModel> readModel = Optional.empty();
    ExecutableElement writer;
    Optional<List<Param>> writerParams = Optional.empty();
  }

  /**
   * True when {@code type} reaches types the compilation does not know yet; in the last round
   * ({@code report} set) they are reported, before that the caller retries in the next round.
   */
  public boolean unresolved(TypeElement type, Optional<Report> report) {
    List<UnresolvedTypes.Unresolved> unresolved = UnresolvedTypes.find(type);
    report.ifPresent(
        r ->
            unresolved.forEach(
                u ->
                    r.error(
                        Message.UNRESOLVED_TYPE,
                        u.site(),
                        u.mirror(),
                        u.value(),
                        u.type(),
                        describe(u.site()))));
    return !unresolved.isEmpty();
  }

  private static String describe(Element site) {
    return switch (site.getKind()) {
      case METHOD -> "method " + site.getSimpleName() + "()";
      case PARAMETER ->
          "parameter "
              + site.getSimpleName()
              + " of "
              + site.getEnclosingElement().getSimpleName()
              + "()";
      case FIELD ->
          "component " + site.getEnclosingElement().getSimpleName() + "." + site.getSimpleName();
      default -> site.getSimpleName().toString();
    };
  }

  /** Validates {@code type} with the default generated names; see {@link ConnectorNames}. */
  public Optional<ConnectorModel> validate(TypeElement type, Report report) {
    return validate(type, report, ConnectorNames.defaultBaseName(type.getSimpleName().toString()));
  }

  /** Validates {@code type}; returns its model only when no error was reported. */
  public Optional<ConnectorModel> validate(TypeElement type, Report report, String baseName) {
    Optional<AnnotationMirror> source = Annotations.find(type, Annotations.SOURCE);
    Optional<AnnotationMirror> destination = Annotations.find(type, Annotations.DESTINATION);
    if (source.isPresent() && destination.isPresent()) {
      report.error(
          Message.SOURCE_AND_DESTINATION, type, destination.get(), null, type.getSimpleName());
      return Optional.empty();
    }
    Kind kind = source.isPresent() ? Kind.SOURCE : Kind.DESTINATION;
    AnnotationMirror mirror = source.orElseGet(destination::orElseThrow);
    String annotation = kind == Kind.SOURCE ? "Source" : "Destination";
    if (!ClassValidator.check(elements, javaTypes, type, annotation, mirror, report)) {
      return Optional.empty();
    }
    ConnectorScope scope = new ConnectorScope(elements, types, type, kind, report);
    Annotations.Values v = new Annotations.Values(elements, mirror);
    HeaderValidator.Header header = HeaderValidator.validate(scope, mirror, v, options);
    EnumModels enums = new EnumModels(scope);
    Methods methods =
        methods(
            scope,
            new StreamValidator(
                scope,
                new RecordTypeValidator(scope, enums, ConnectorModelFactory.annotatedClass(type))));
    checkComplete(scope, mirror, v, methods);
    Optional<ConfigModel> config = config(scope, enums);
    Optional<HttpSourceModel> http =
        config.flatMap(c -> HttpSourceValidator.validate(scope, c, methods.streams));
    if (report.hasErrors() || config.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        ConnectorModelFactory.create(scope, v, header, methods, config.get(), baseName)
            .withHttp(http));
  }

  private Methods methods(ConnectorScope scope, StreamValidator streams) {
    Methods found = new Methods();
    ExecutableElement firstCheck = null;
    for (ExecutableElement method : ElementFilter.methodsIn(scope.type.getEnclosedElements())) {
      Optional<AnnotationMirror> check = Annotations.find(method, Annotations.CHECK);
      if (check.isPresent()) {
        if (firstCheck != null) {
          scope.report.error(
              Message.DUPLICATE_CHECK,
              method,
              check.get(),
              null,
              method.getSimpleName(),
              scope.type.getSimpleName(),
              firstCheck.getSimpleName());
        } else {
          firstCheck = method;
          if (CheckValidator.validate(scope, method, check.get())) {
            found.check = Optional.of(method.getSimpleName().toString());
          }
        }
      }
      Optional<AnnotationMirror> stream = Annotations.find(method, Annotations.STREAM);
      if (stream.isPresent()) {
        found.declaresStreams = true;
        if (sourceOnly(scope, method, stream.get(), "Stream")) {
          streams.validate(method, stream.get()).ifPresent(found.streams::add);
        }
      }
      Optional<AnnotationMirror> discover = Annotations.find(method, Annotations.DISCOVER);
      if (discover.isPresent()) {
        found.declaresStreams = true;
        if (sourceOnly(scope, method, discover.get(), "Discover")
            && single(scope, method, discover.get(), "Discover", found.discover)) {
          found.discover = method;
          DiscoverValidator.validate(scope, method, discover.get());
        }
      }
      Optional<AnnotationMirror> read = Annotations.find(method, Annotations.READ);
      if (read.isPresent()) {
        found.declaresStreams = true;
        if (sourceOnly(scope, method, read.get(), "Read")
            && single(scope, method, read.get(), "Read", found.read)) {
          found.read = method;
          found.readModel = ReadValidator.validate(scope, method, read.get());
        }
      }
      Optional<AnnotationMirror> writer = Annotations.find(method, Annotations.WRITER);
      if (writer.isPresent()) {
        if (scope.kind == Kind.SOURCE) {
          scope.report.error(
              Message.WRITER_ON_SOURCE,
              method,
              writer.get(),
              null,
              method.getSimpleName(),
              scope.type.getSimpleName());
        } else if (single(scope, method, writer.get(), "Writer", found.writer)) {
          found.writer = method;
          found.writerParams = WriterValidator.validate(scope, method, writer.get());
        }
      }
    }
    return found;
  }

  /** Reports a source method in a destination; true when the method is in a source. */
  private static boolean sourceOnly(
      ConnectorScope scope, ExecutableElement method, AnnotationMirror mirror, String annotation) {
    if (scope.kind == Kind.DESTINATION) {
      scope.report.error(
          Message.SOURCE_METHOD_ON_DESTINATION,
          method,
          mirror,
          null,
          annotation,
          method.getSimpleName(),
          scope.type.getSimpleName());
      return false;
    }
    return true;
  }

  /** Reports a second method of a kind that allows one; true for the first. */
  private static boolean single(
      ConnectorScope scope,
      ExecutableElement method,
      AnnotationMirror mirror,
      String annotation,
      ExecutableElement first) {
    if (first != null) {
      scope.report.error(
          Message.DUPLICATE_METHOD,
          method,
          mirror,
          null,
          annotation,
          method.getSimpleName(),
          scope.type.getSimpleName(),
          first.getSimpleName());
      return false;
    }
    return true;
  }

  /** The parts a connector of its kind cannot do without. */
  private static void checkComplete(
      ConnectorScope scope, AnnotationMirror mirror, Annotations.Values v, Methods m) {
    Report report = scope.report;
    if (scope.kind == Kind.SOURCE) {
      if (m.discover != null && m.read == null) {
        report.error(
            Message.DISCOVER_WITHOUT_READ,
            m.discover,
            Annotations.find(m.discover, Annotations.DISCOVER).orElseThrow(),
            null,
            m.discover.getSimpleName());
      }
      if (m.read != null && m.discover == null) {
        report.error(
            Message.READ_WITHOUT_DISCOVER,
            m.read,
            Annotations.find(m.read, Annotations.READ).orElseThrow(),
            null,
            m.read.getSimpleName());
      }
      if (!m.declaresStreams) {
        report.error(Message.NO_STREAMS, scope.type, mirror, null, scope.type.getSimpleName());
      }
    } else {
      if (m.writer == null) {
        report.error(Message.NO_WRITER, scope.type, mirror, null, scope.type.getSimpleName());
      }
      if (v.enumNames("syncModes").isEmpty()) {
        report.error(
            Message.NO_DESTINATION_SYNC_MODES,
            scope.type,
            mirror,
            v.at("syncModes"),
            scope.type.getSimpleName());
      }
    }
  }

  /** The config model: {@code Void} when no method takes a config, else the validated record. */
  private static Optional<ConfigModel> config(ConnectorScope scope, EnumModels enums) {
    if (scope.config().isEmpty()) {
      return Optional.of(ConnectorModelFactory.voidConfig(scope.type));
    }
    if (!scope.configConsistent()) {
      return Optional.empty();
    }
    ConnectorScope.ConfigRef ref = scope.config().get();
    TypeElement configType = TypeSupport.element(ref.type()).orElseThrow();
    if (configType.getKind() != javax.lang.model.element.ElementKind.RECORD) {
      scope.report.error(
          Message.CONFIG_NOT_RECORD,
          ref.parameter(),
          TypeSupport.simple(ref.type()),
          configType.getSimpleName());
      return Optional.empty();
    }
    if (!Accessibility.check(scope, configType, "config record", ref.parameter(), null, null)) {
      return Optional.empty();
    }
    return new ConfigTypeValidator(scope, enums)
        .config(configType, ConnectorModelFactory.binder(scope.type));
  }

  /**
   * Reports a method-level annotation used outside a connector class (nothing would ever call it).
   */
  public void checkPlacement(Element method, String annotationSimpleName, Report report) {
    Element enclosing = method.getEnclosingElement();
    if (Annotations.has(enclosing, Annotations.SOURCE)
        || Annotations.has(enclosing, Annotations.DESTINATION)) {
      return;
    }
    AnnotationMirror mirror =
        Annotations.find(method, Annotations.PKG + annotationSimpleName).orElse(null);
    report.error(
        Message.ORPHAN_METHOD,
        method,
        mirror,
        null,
        annotationSimpleName,
        method.getSimpleName(),
        enclosing.getSimpleName());
  }
}
