package io.c8kit.processor.writing;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.c8kit.processor.model.ConnectorModel;
import io.c8kit.processor.model.HttpSourceModel;
import io.c8kit.processor.model.HttpSourceModel.AuthModel;
import io.c8kit.processor.model.HttpSourceModel.Credential;
import io.c8kit.processor.model.HttpSourceModel.Factory;
import io.c8kit.processor.model.HttpSourceModel.Header;
import io.c8kit.processor.model.HttpSourceModel.PaginatorModel;
import io.c8kit.processor.model.HttpSourceModel.Parameter;
import io.c8kit.processor.model.HttpSourceModel.Part;
import io.c8kit.processor.model.HttpSourceModel.Request;
import io.c8kit.processor.model.HttpSourceModel.Text;
import io.c8kit.processor.model.Param;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Class>_Http} for a declarative REST source: a subclass implementing each abstract
 * {@code @HttpStream} method and API factory with plain calls into c8kit-http (no reflection), so a
 * declared stream behaves exactly like the hand-written one of docs/HTTP.md.
 */
final class HttpSourceGenerator extends JavaSourceGenerator {
  private static final String HTTP = "io.c8kit.http";
  private static final ClassName HTTP_API = ClassName.get(HTTP, "HttpApi");
  private static final ClassName BUILDER = HTTP_API.nestedClass("Builder");
  private static final ClassName AUTH = ClassName.get(HTTP, "Auth");
  private static final ClassName OAUTH2 = ClassName.get(HTTP, "OAuth2");
  private static final ClassName PAGINATOR = ClassName.get(HTTP, "Paginator");
  private static final ClassName RATE_LIMIT = ClassName.get(HTTP, "RateLimit");
  private static final ClassName DURATION = ClassName.get("java.time", "Duration");

  /** The builder method; its name is unlikely to hide one of the author's. */
  private static final String BUILD = "c8kitHttpApi";

  @Override
  List<TypeSpec.Builder> types(ConnectorModel model) {
    if (model.http().isEmpty()) {
      return List.of();
    }
    HttpSourceModel http = model.http().get();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(http.implementation())
            .addJavadoc(
                "The declared REST streams of {@link $T}, implemented on c8kit-http.\n",
                model.annotatedClass())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(model.annotatedClass())
            .addMethod(
                MethodSpec.methodBuilder(BUILD)
                    .addJavadoc("The API as {@code @HttpSource} declares it, for one config.\n")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(BUILDER)
                    .addParameter(model.config().type(), "config")
                    .addCode(api(http))
                    .build());
    for (Factory f : http.factories()) {
      type.addMethod(
          override(f.method(), f.modifiers(), f.builder() ? BUILDER : HTTP_API, List.of(f.config()))
              .addStatement(
                  "return $N($N)$L", BUILD, f.config().name(), f.builder() ? "" : ".build()")
              .build());
    }
    for (Request r : http.requests()) {
      type.addMethod(request(r));
    }
    return List.of(type);
  }

  private static MethodSpec.Builder override(
      String name, String access, TypeName returns, List<Parameter> params) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).returns(returns);
    if (!access.isEmpty()) {
      m.addModifiers(Modifier.valueOf(access.toUpperCase(java.util.Locale.ROOT)));
    }
    params.forEach(p -> m.addParameter(p.type(), p.name()));
    return m;
  }

  private static CodeBlock api(HttpSourceModel http) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .addStatement(
                "$T api = $T.builder($L)", BUILDER, HTTP_API, text(http.baseUrl(), "config"));
    for (Header h : http.headers()) {
      b.addStatement("api.header($S, $L)", h.name(), text(h.value(), "config"));
    }
    if (http.rateLimitRequests().isPresent()) {
      b.addStatement(
          "api.rateLimit($T.perInterval($L, $T.ofSeconds($L))$L)",
          RATE_LIMIT,
          number(http.rateLimitRequests().get(), "config"),
          DURATION,
          http.rateLimitSeconds(),
          concurrent(http.rateLimitConcurrent()));
    } else if (http.rateLimitConcurrent() > 0) {
      b.addStatement(
          "api.rateLimit($T.none()$L)", RATE_LIMIT, concurrent(http.rateLimitConcurrent()));
    }
    AuthModel auth = http.auth();
    if (!auth.scheme().equals("NONE")) {
      // Optional credentials: authenticate only when every one of them is set.
      List<CodeBlock> set =
          auth.credentials().stream()
              .filter(Credential::optional)
              .map(c -> CodeBlock.of("config.$N().isPresent()", c.accessor()))
              .toList();
      if (!set.isEmpty()) {
        b.beginControlFlow("if ($L)", CodeBlock.join(set, " && "));
      }
      b.addStatement("api.auth($L)", auth(auth));
      if (!set.isEmpty()) {
        b.endControlFlow();
      }
    }
    return b.addStatement("return api").build();
  }

  private static CodeBlock concurrent(int concurrent) {
    return concurrent > 0 ? CodeBlock.of(".concurrent($L)", concurrent) : CodeBlock.of("");
  }

  private static CodeBlock auth(AuthModel auth) {
    return switch (auth.scheme()) {
      case "BEARER" ->
          CodeBlock.of(
              "$T.bearer($L, $S)", AUTH, credential(auth, "token"), property(auth, "token"));
      case "API_KEY" ->
          auth.header().isEmpty()
              ? CodeBlock.of(
                  "$T.apiKeyQuery($S, $L, $S)",
                  AUTH,
                  auth.query(),
                  credential(auth, "token"),
                  property(auth, "token"))
              : CodeBlock.of(
                  "$T.apiKeyHeader($S, $L, $S)",
                  AUTH,
                  auth.header(),
                  credential(auth, "token"),
                  property(auth, "token"));
      case "BASIC" ->
          CodeBlock.of(
              "$T.basic($L, $L, $S)",
              AUTH,
              credential(auth, "user"),
              credential(auth, "password"),
              property(auth, "password"));
      case "OAUTH2_CLIENT_CREDENTIALS" ->
          CodeBlock.of(
              "$T.clientCredentials($L, $L, $L).property($S)$L",
              OAUTH2,
              text(auth.tokenUrl().orElseThrow(), "config"),
              credential(auth, "clientId"),
              credential(auth, "clientSecret"),
              property(auth, "clientSecret"),
              scope(auth));
      case "OAUTH2_REFRESH_TOKEN" ->
          CodeBlock.of(
              "$T.refreshToken($L, $L, $L, $L).property($S).refreshTokenProperty($S)$L",
              OAUTH2,
              text(auth.tokenUrl().orElseThrow(), "config"),
              credential(auth, "clientId"),
              credential(auth, "clientSecret"),
              credential(auth, "refreshToken"),
              property(auth, "refreshToken"),
              property(auth, "refreshToken"),
              scope(auth));
      default -> throw new IllegalArgumentException("auth scheme " + auth.scheme());
    };
  }

  private static CodeBlock scope(AuthModel auth) {
    return auth.scope().isEmpty() ? CodeBlock.of("") : CodeBlock.of(".scope($S)", auth.scope());
  }

  private static CodeBlock credential(AuthModel auth, String member) {
    Credential c = auth.credential(member).orElseThrow();
    return CodeBlock.of("config.$N()$L", c.accessor(), c.optional() ? ".get()" : "");
  }

  private static String property(AuthModel auth, String member) {
    return auth.credential(member).orElseThrow().property();
  }

  private static MethodSpec request(Request r) {
    String config = r.parameter(Param.CONFIG).map(Parameter::name).orElse(null);
    String api = r.parameters().stream().anyMatch(p -> p.name().equals("api")) ? "api_" : "api";
    CodeBlock.Builder b =
        CodeBlock.builder()
            .addStatement(
                "$T $N = $N($L).build()", HTTP_API, api, BUILD, config == null ? "null" : config)
            .add("return $N.get($S)$>", api, r.path());
    for (Header p : r.pathParams()) {
      b.add("\n.pathParam($S, $L)", p.name(), value(p.value(), config));
    }
    for (Header p : r.params()) {
      b.add("\n.param($S, $L)", p.name(), value(p.value(), config));
    }
    if (!r.since().isEmpty()) {
      b.add("\n.since($S, $N)", r.since(), r.parameter(Param.CURSOR).orElseThrow().name());
    }
    if (!r.after().isEmpty()) {
      b.add("\n.after($S, $N)", r.after(), r.parameter(Param.PAGE).orElseThrow().name());
    }
    paginator(r.paginator(), config).ifPresent(p -> b.add("\n.paginate($L)", p));
    r.parameter(Param.CONTEXT).ifPresent(ctx -> b.add("\n.context($N)", ctx.name()));
    b.add("\n.records($S, $T.class)", r.recordsPointer(), r.record());
    b.add("\n.onClose($N::close);\n$<", api);
    return override(r.method(), r.modifiers(), r.returns(), r.parameters())
        .addCode(b.build())
        .build();
  }

  private static java.util.Optional<CodeBlock> paginator(PaginatorModel p, String config) {
    CodeBlock total =
        p.totalHeader().isEmpty()
            ? CodeBlock.of("")
            : CodeBlock.of(".totalFromHeader($S)", p.totalHeader());
    return java.util.Optional.ofNullable(
        switch (p.kind()) {
          case "LINK_HEADER" -> CodeBlock.of("$T.linkHeader()", PAGINATOR);
          case "PAGE_NUMBER" ->
              CodeBlock.of(
                  "$T.pageNumber($S, $S, $L)$L",
                  PAGINATOR,
                  p.param(),
                  p.sizeParam(),
                  number(p.size().orElseThrow(), config),
                  total);
          case "OFFSET_LIMIT" ->
              CodeBlock.of(
                  "$T.offset($S, $S, $L)$L",
                  PAGINATOR,
                  p.param(),
                  p.sizeParam(),
                  number(p.size().orElseThrow(), config),
                  total);
          case "NEXT_TOKEN" -> CodeBlock.of("$T.cursor($S, $S)", PAGINATOR, p.pointer(), p.param());
          case "NEXT_URL" -> CodeBlock.of("$T.nextUrl($S)", PAGINATOR, p.pointer());
          default -> null;
        });
  }

  /** A text as a String expression: literals and {@code config.x()} calls, concatenated. */
  private static CodeBlock text(Text text, String config) {
    List<CodeBlock> parts = new ArrayList<>();
    for (Part part : text.parts()) {
      parts.add(
          part.accessor().isEmpty()
              ? CodeBlock.of("$S", part.literal())
              : CodeBlock.of("$N.$N()", config, part.accessor()));
    }
    if (parts.isEmpty()) {
      return CodeBlock.of("$S", "");
    }
    if (!text.parts().get(0).accessor().isEmpty()) {
      // String.valueOf first: two numeric properties in a row would otherwise be added.
      parts.set(0, CodeBlock.of("$T.valueOf($L)", String.class, parts.get(0)));
    }
    return CodeBlock.join(parts, " + ");
  }

  /** A query or path parameter value: a lone placeholder passes the property's value as is. */
  private static CodeBlock value(Text text, String config) {
    return text.single()
        ? CodeBlock.of("$N.$N()", config, text.parts().get(0).accessor())
        : text(text, config);
  }

  /** A number: the literal, or the {@code int} property. */
  private static CodeBlock number(Text text, String config) {
    Part part = text.parts().get(0);
    return part.accessor().isEmpty()
        ? CodeBlock.of("$L", part.literal())
        : CodeBlock.of("$N.$N()", config, part.accessor());
  }
}
