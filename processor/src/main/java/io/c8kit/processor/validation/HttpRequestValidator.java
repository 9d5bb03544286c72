package io.c8kit.processor.validation;

import com.squareup.javapoet.TypeName;
import io.c8kit.processor.model.HttpSourceModel.Header;
import io.c8kit.processor.model.HttpSourceModel.PaginatorModel;
import io.c8kit.processor.model.HttpSourceModel.Parameter;
import io.c8kit.processor.model.HttpSourceModel.Request;
import io.c8kit.processor.model.HttpSourceModel.Text;
import io.c8kit.processor.model.Param;
import io.c8kit.processor.model.ReturnKind;
import io.c8kit.processor.model.StreamModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks one {@code @HttpStream} against its already validated {@code @Stream}: the signature the
 * generated override can implement, path placeholders, the records pointer, query parameters, the
 * cursor and page-key parameters, and whether the paginator's members fit its kind.
 */
final class HttpRequestValidator {
  /** Per paginator kind: the members it needs; every other paginator member must stay empty. */
  private static final Map<String, List<String>> NEEDED =
      Map.of(
          "NONE", List.of(),
          "LINK_HEADER", List.of(),
          "PAGE_NUMBER", List.of("param", "sizeParam", "size"),
          "OFFSET_LIMIT", List.of("param", "sizeParam", "size"),
          "NEXT_TOKEN", List.of("pointer", "param"),
          "NEXT_URL", List.of("pointer"));

  private static final List<String> MEMBERS =
      List.of("param", "sizeParam", "size", "pointer", "totalHeader");
  private static final Map<String, String> EXAMPLES =
      Map.of(
          "param",
          "\"page\"",
          "sizeParam",
          "\"per_page\"",
          "size",
          "\"{page_size}\"",
          "pointer",
          "\"/meta/next_cursor\"");

  private final ConnectorScope scope;
  private final HttpTexts texts;

  HttpRequestValidator(ConnectorScope scope, HttpTexts texts) {
    this.scope = scope;
    this.texts = texts;
  }

  Optional<Request> validate(
      ExecutableElement method,
      AnnotationMirror mirror,
      StreamModel stream,
      boolean sourceUsesConfig) {
    Annotations.Values v = new Annotations.Values(scope.elements, mirror);
    Report report = scope.report;
    String name = method.getSimpleName().toString();
    if (stream.returnKind() != ReturnKind.STREAM
        || !TypeSupport.qualifiedName(method.getReturnType()).equals("java.util.stream.Stream")) {
      report.error(
          Message.HTTP_STREAM_SIGNATURE,
          method,
          mirror,
          null,
          name,
          "returns "
              + TypeSupport.simple(method.getReturnType())
              + (stream.params().contains(Param.EMITTER) ? " and takes an Emitter" : ""),
          name,
          scope.configText());
      return Optional.empty();
    }
    texts.takeUsesConfig();
    boolean ok = true;
    String path = v.string("path");
    HttpTexts.Site pathSite = new HttpTexts.Site(method, mirror, v.at("path"));
    Optional<Text> pathText = texts.text("@HttpStream path", path, pathSite);
    List<Header> pathParams = new ArrayList<>();
    if (pathText.isPresent()) {
      // Each placeholder becomes a URL-encoded path parameter of the toolkit, named as in the path.
      int from = 0;
      for (var part : pathText.get().parts()) {
        if (!part.accessor().isEmpty()) {
          int open = path.indexOf('{', from);
          int close = path.indexOf('}', open);
          pathParams.add(new Header(path.substring(open + 1, close), new Text(List.of(part))));
          from = close + 1;
        }
      }
    }
    ok &= pathText.isPresent();
    String records = v.string("records");
    if (!records.isEmpty() && !records.startsWith("/")) {
      report.error(
          Message.HTTP_JSON_POINTER,
          method,
          mirror,
          v.at("records"),
          "@HttpStream records",
          records);
      ok = false;
    }
    Optional<List<Header>> params =
        HttpSourceValidator.pairs(
            scope,
            texts,
            "@HttpStream param",
            v.strings("params"),
            '=',
            new HttpTexts.Site(method, mirror, v.at("params")),
            "\"name=value\", e.g. \"sort=updated_at\"");
    ok &= params.isPresent();
    ok &=
        position(
            method,
            mirror,
            v,
            stream,
            "since",
            "incremental cursor",
            Param.CURSOR,
            "Cursor<T>",
            "cursor");
    ok &=
        position(
            method, mirror, v, stream, "after", "last page key", Param.PAGE, "Page<T>", "pageKey");
    Optional<PaginatorModel> paginator =
        paginator(
            method,
            HttpSourceValidator.nested(scope, mirror, "paginator"),
            stream.name(),
            params.orElse(List.of()));
    ok &= paginator.isPresent();
    boolean usesConfig = texts.takeUsesConfig() || sourceUsesConfig;
    if (ok && usesConfig && !stream.params().contains(Param.CONFIG)) {
      report.error(
          Message.HTTP_STREAM_SIGNATURE,
          method,
          mirror,
          null,
          name,
          "takes no config, but its requests read config properties",
          name,
          scope.configText());
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      var p = method.getParameters().get(i);
      parameters.add(
          new Parameter(
              TypeName.get(p.asType()), p.getSimpleName().toString(), stream.params().get(i)));
    }
    return Optional.of(
        new Request(
            name,
            HttpSourceValidator.access(method),
            TypeName.get(method.getReturnType()),
            stream.record().type(),
            parameters,
            path,
            pathParams,
            records,
            params.get(),
            v.string("since"),
            v.string("after"),
            paginator.get()));
  }

  /** {@code since}/{@code after} need the parameter whose value they send. */
  private boolean position(
      ExecutableElement method,
      AnnotationMirror mirror,
      Annotations.Values v,
      StreamModel stream,
      String member,
      String what,
      Param role,
      String type,
      String streamMember) {
    String value = v.string(member);
    if (value.isEmpty() || stream.params().contains(role)) {
      return true;
    }
    scope.report.error(
        Message.HTTP_POSITION_WITHOUT_PARAMETER,
        method,
        mirror,
        v.at(member),
        member,
        value,
        stream.name(),
        what,
        method.getSimpleName(),
        type,
        streamMember,
        member);
    return false;
  }

  private Optional<PaginatorModel> paginator(
      ExecutableElement method, AnnotationMirror mirror, String stream, List<Header> params) {
    Annotations.Values v = new Annotations.Values(scope.elements, mirror);
    String kind = HttpSourceValidator.enumName(scope, mirror, "kind");
    List<String> needed = NEEDED.get(kind);
    boolean ok = true;
    for (String member : MEMBERS) {
      boolean set = !v.string(member).isEmpty();
      boolean counting = kind.equals("PAGE_NUMBER") || kind.equals("OFFSET_LIMIT");
      if (set && !needed.contains(member) && !(member.equals("totalHeader") && counting)) {
        error(
            method,
            mirror,
            v,
            member,
            kind,
            stream,
            "sets " + member + ", which it does not use",
            "remove it, or choose the kind that uses it");
        ok = false;
      } else if (!set && needed.contains(member)) {
        error(
            method,
            mirror,
            v,
            null,
            kind,
            stream,
            "needs " + member,
            "set " + member + " = " + EXAMPLES.get(member));
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    for (String member : List.of("param", "sizeParam")) {
      String param = v.string(member);
      if (!param.isEmpty() && params.stream().anyMatch(h -> h.name().equals(param))) {
        error(
            method,
            mirror,
            v,
            member,
            kind,
            stream,
            "sends query parameter " + param + ", which @HttpStream(params) sets too",
            "remove it from params: the paginator sends it");
        ok = false;
      }
    }
    String pointer = v.string("pointer");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      scope.report.error(
          Message.HTTP_JSON_POINTER, method, mirror, v.at("pointer"), "@Paginate pointer", pointer);
      ok = false;
    }
    Optional<Text> size = Optional.empty();
    if (!v.string("size").isEmpty()) {
      size =
          texts.integer(
              "@Paginate size", v.string("size"), new HttpTexts.Site(method, mirror, v.at("size")));
      ok &= size.isPresent();
    }
    return ok
        ? Optional.of(
            new PaginatorModel(
                kind,
                v.string("param"),
                v.string("sizeParam"),
                size,
                pointer,
                v.string("totalHeader")))
        : Optional.empty();
  }

  private void error(
      ExecutableElement method,
      AnnotationMirror mirror,
      Annotations.Values v,
      String member,
      String kind,
      String stream,
      String problem,
      String fix) {
    scope.report.error(
        Message.HTTP_PAGINATOR_INCONSISTENT,
        method,
        mirror,
        member == null ? null : v.at(member),
        kind,
        stream,
        problem,
        fix);
  }
}
