package io.c8kit.processor.validation;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.c8kit.processor.model.ConfigModel;
import io.c8kit.processor.model.HttpSourceModel;
import io.c8kit.processor.model.HttpSourceModel.AuthModel;
import io.c8kit.processor.model.HttpSourceModel.Factory;
import io.c8kit.processor.model.HttpSourceModel.Header;
import io.c8kit.processor.model.HttpSourceModel.Parameter;
import io.c8kit.processor.model.HttpSourceModel.Text;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.StreamModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Validates a declarative REST source: {@code @HttpSource} on the class, {@code @HttpStream} on its
 * abstract {@code @Stream} methods (whose keys, cursor and parameters {@link StreamValidator} has
 * already checked) and abstract API factories; builds the {@link HttpSourceModel} the generated
 * {@code <Class>_Http} is written from. Runs after the config model exists, since every placeholder
 * and credential names a config property.
 */
final class HttpSourceValidator {
  static final String HTTP_SOURCE = Annotations.PKG + "http.HttpSource";
  static final String HTTP_STREAM = Annotations.PKG + "http.HttpStream";
  private static final String HTTP_API = "io.c8kit.http.HttpApi";

  private final ConnectorScope scope;
  private final HttpTexts texts;
  private final ClassName implementation;

  private HttpSourceValidator(ConnectorScope scope, ConfigModel config) {
    this.scope = scope;
    this.texts = new HttpTexts(scope, config);
    ClassName annotated = ConnectorModelFactory.annotatedClass(scope.type);
    this.implementation =
        ClassName.get(annotated.packageName(), String.join("_", annotated.simpleNames()) + "_Http");
  }

  /** The model of an {@code @HttpSource} class; empty for other classes and after any error. */
  static Optional<HttpSourceModel> validate(
      ConnectorScope scope, ConfigModel config, List<StreamModel> streams) {
    return new HttpSourceValidator(scope, config).validate(streams);
  }

  private Optional<HttpSourceModel> validate(List<StreamModel> streams) {
    Optional<AnnotationMirror> source = Annotations.find(scope.type, HTTP_SOURCE);
    Report report = scope.report;
    boolean ok = true;
    if (source.isPresent() && scope.elements.getTypeElement(HTTP_API) == null) {
      report.error(
          Message.HTTP_TOOLKIT_MISSING, scope.type, source.get(), null, scope.type.getSimpleName());
      return Optional.empty();
    }
    // The source-level texts first: whether they read the config decides which methods need it.
    Optional<SourceParts> parts = source.flatMap(this::sourceParts);
    ok &= source.isEmpty() || parts.isPresent();
    boolean sourceUsesConfig = texts.takeUsesConfig();
    List<HttpSourceModel.Request> requests = new ArrayList<>();
    List<Factory> factories = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(scope.type.getEnclosedElements())) {
      Optional<AnnotationMirror> http = Annotations.find(method, HTTP_STREAM);
      boolean isAbstract = method.getModifiers().contains(Modifier.ABSTRACT);
      if (http.isPresent()) {
        if (source.isEmpty()) {
          report.error(
              Message.HTTP_STREAM_WITHOUT_HTTP_SOURCE,
              method,
              http.get(),
              null,
              method.getSimpleName(),
              scope.type.getSimpleName());
          ok = false;
        } else if (!isAbstract) {
          report.error(
              Message.HTTP_STREAM_HAS_BODY,
              method,
              http.get(),
              null,
              method.getSimpleName(),
              implementation.simpleName());
          ok = false;
        } else if (!Annotations.has(method, Annotations.STREAM)) {
          report.error(
              Message.HTTP_STREAM_WITHOUT_STREAM, method, http.get(), null, method.getSimpleName());
          ok = false;
        } else {
          // A stream StreamValidator rejected has been reported already.
          Optional<StreamModel> stream =
              streams.stream()
                  .filter(s -> s.method().contentEquals(method.getSimpleName()))
                  .findFirst();
          Optional<HttpSourceModel.Request> request =
              stream.flatMap(
                  s ->
                      new HttpRequestValidator(scope, texts)
                          .validate(method, http.get(), s, sourceUsesConfig));
          request.ifPresent(requests::add);
          ok &= request.isPresent();
        }
      } else if (isAbstract && source.isPresent()) {
        Optional<Factory> factory = factory(method);
        if (factory.isEmpty()) {
          report.error(
              Message.ABSTRACT_METHOD_NOT_HTTP,
              method,
              method.getSimpleName(),
              scope.type.getSimpleName(),
              method.getSimpleName(),
              scope.configText());
          ok = false;
        }
        factory.ifPresent(factories::add);
      }
    }
    if (!ok || source.isEmpty()) {
      return Optional.empty();
    }
    SourceParts p = parts.get();
    return Optional.of(
        new HttpSourceModel(
            implementation,
            p.baseUrl,
            p.headers,
            p.auth,
            p.requests,
            p.seconds,
            p.concurrent,
            factories,
            requests));
  }

  /** What {@code @HttpSource} itself declares. */
  private record SourceParts(
      Text baseUrl,
      List<Header> headers,
      AuthModel auth,
      Optional<Text> requests,
      int seconds,
      int concurrent) {}

  private Optional<SourceParts> sourceParts(AnnotationMirror mirror) {
    Annotations.Values v = new Annotations.Values(scope.elements, mirror);
    HttpTexts.Site site = new HttpTexts.Site(scope.type, mirror, v.at("baseUrl"));
    String base = v.string("baseUrl");
    Optional<Text> baseUrl = texts.text("@HttpSource baseUrl", base, site);
    boolean ok = baseUrl.isPresent();
    if (ok
        && !base.startsWith("{")
        && !base.startsWith("http://")
        && !base.startsWith("https://")) {
      scope.report.error(
          Message.HTTP_VALUE_MALFORMED,
          scope.type,
          mirror,
          v.at("baseUrl"),
          "@HttpSource baseUrl",
          base,
          "is not an http(s) URL",
          "\"https://api.example.com/v1\" or a property, e.g. \"{base_url}\"");
      ok = false;
    }
    Optional<List<Header>> headers =
        pairs(
            "@HttpSource header",
            v.strings("headers"),
            ':',
            new HttpTexts.Site(scope.type, mirror, v.at("headers")),
            "\"Name: value\", e.g. \"X-Api-Version: 2\"");
    ok &= headers.isPresent();
    Optional<AuthModel> auth = new HttpAuthValidator(scope, texts).validate(nested(mirror, "auth"));
    ok &= auth.isPresent();
    AnnotationMirror rate = nested(mirror, "rateLimit");
    Annotations.Values r = new Annotations.Values(scope.elements, rate);
    Optional<Text> requests = Optional.empty();
    if (!r.string("requests").isEmpty()) {
      requests =
          texts.integer(
              "@HttpRateLimit requests",
              r.string("requests"),
              new HttpTexts.Site(scope.type, rate, r.at("requests")));
      ok &= requests.isPresent();
    }
    for (String member : List.of("perSeconds", "concurrent")) {
      int min = member.equals("perSeconds") ? 1 : 0;
      if (r.integer(member) < min) {
        scope.report.error(
            Message.HTTP_VALUE_MALFORMED,
            scope.type,
            rate,
            r.at(member),
            "@HttpRateLimit " + member,
            String.valueOf(r.integer(member)),
            "is below " + min,
            "a number of at least " + min);
        ok = false;
      }
    }
    return ok
        ? Optional.of(
            new SourceParts(
                baseUrl.get(),
                headers.get(),
                auth.get(),
                requests,
                r.integer("perSeconds"),
                r.integer("concurrent")))
        : Optional.empty();
  }

  /**
   * {@code name<separator>value} entries (headers, query parameters) with placeholders in the
   * value.
   */
  Optional<List<Header>> pairs(
      String what, List<String> entries, char separator, HttpTexts.Site site, String shape) {
    return pairs(scope, texts, what, entries, separator, site, shape);
  }

  static Optional<List<Header>> pairs(
      ConnectorScope scope,
      HttpTexts texts,
      String what,
      List<String> entries,
      char separator,
      HttpTexts.Site site,
      String shape) {
    List<Header> out = new ArrayList<>();
    boolean ok = true;
    for (String entry : entries) {
      int at = entry.indexOf(separator);
      String name = at < 0 ? "" : entry.substring(0, at).strip();
      if (name.isEmpty() || name.contains(" ")) {
        scope.report.error(
            Message.HTTP_VALUE_MALFORMED,
            site.element(),
            site.mirror(),
            site.value(),
            what,
            entry,
            "has no name before '" + separator + "'",
            shape);
        ok = false;
        continue;
      }
      Optional<Text> value = texts.text(what + " " + name, entry.substring(at + 1).strip(), site);
      value.ifPresent(t -> out.add(new Header(name, t)));
      ok &= value.isPresent();
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /** {@code HttpApi api(Config config)} or {@code HttpApi.Builder api(Config config)}. */
  private Optional<Factory> factory(ExecutableElement method) {
    String returned = TypeSupport.qualifiedName(method.getReturnType());
    boolean builder = returned.equals(HTTP_API + ".Builder");
    if (!builder && !returned.equals(HTTP_API)
        || method.getParameters().size() != 1
        || scope.config().isEmpty()) {
      return Optional.empty();
    }
    VariableElement p = method.getParameters().get(0);
    if (!scope.types.types().isSameType(p.asType(), scope.config().get().type())) {
      return Optional.empty();
    }
    return Optional.of(
        new Factory(
            method.getSimpleName().toString(),
            access(method),
            new Parameter(TypeName.get(p.asType()), p.getSimpleName().toString(), Param.CONFIG),
            builder));
  }

  /** The access modifier an implementation keeps: {@code public}, {@code protected} or none. */
  static String access(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        ? "public"
        : method.getModifiers().contains(Modifier.PROTECTED) ? "protected" : "";
  }

  /** A member of annotation type (e.g. {@code auth = @HttpAuth(...)}), explicit or default. */
  AnnotationMirror nested(AnnotationMirror mirror, String member) {
    return nested(scope, mirror, member);
  }

  static AnnotationMirror nested(ConnectorScope scope, AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        scope.elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return (AnnotationMirror) e.getValue().getValue();
      }
    }
    throw new IllegalArgumentException("no member " + member);
  }

  /** An enum member's constant name. */
  static String enumName(ConnectorScope scope, AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        scope.elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return ((VariableElement) e.getValue().getValue()).getSimpleName().toString();
      }
    }
    throw new IllegalArgumentException("no member " + member);
  }
}
