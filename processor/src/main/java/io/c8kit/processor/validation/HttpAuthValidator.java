package io.c8kit.processor.validation;

import io.c8kit.processor.model.HttpSourceModel.AuthModel;
import io.c8kit.processor.model.HttpSourceModel.Credential;
import io.c8kit.processor.model.HttpSourceModel.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * Checks an {@code @HttpAuth}: the members its scheme needs are set, no member of another scheme
 * is, and every credential names an existing {@code String} config property, {@code @Secret} where
 * the value is a secret, so the toolkit's run-time "property is required" errors cannot happen for
 * a typo.
 */
final class HttpAuthValidator {
  /**
   * Per scheme: the credential members it needs, true for secret ones; in the order they are used.
   */
  private static final Map<String, Map<String, Boolean>> CREDENTIALS =
      Map.of(
          "NONE", Map.of(),
          "BEARER", ordered("token", true),
          "API_KEY", ordered("token", true),
          "BASIC", ordered("user", false, "password", true),
          "OAUTH2_CLIENT_CREDENTIALS", ordered("clientId", false, "clientSecret", true),
          "OAUTH2_REFRESH_TOKEN",
              ordered("clientId", false, "clientSecret", true, "refreshToken", true));

  private static final List<String> MEMBERS =
      List.of(
          "token",
          "header",
          "query",
          "user",
          "password",
          "tokenUrl",
          "clientId",
          "clientSecret",
          "refreshToken",
          "scope");

  private final ConnectorScope scope;
  private final HttpTexts texts;

  HttpAuthValidator(ConnectorScope scope, HttpTexts texts) {
    this.scope = scope;
    this.texts = texts;
  }

  private static Map<String, Boolean> ordered(Object... pairs) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Boolean) pairs[i + 1]);
    }
    return out;
  }

  Optional<AuthModel> validate(AnnotationMirror mirror) {
    Annotations.Values v = new Annotations.Values(scope.elements, mirror);
    String scheme = HttpSourceValidator.enumName(scope, mirror, "scheme");
    boolean oauth = scheme.startsWith("OAUTH2");
    List<String> used = new ArrayList<>(CREDENTIALS.get(scheme).keySet());
    if (scheme.equals("API_KEY")) {
      used.addAll(List.of("header", "query"));
    }
    if (oauth) {
      used.addAll(List.of("tokenUrl", "scope"));
    }
    boolean ok = true;
    for (String member : MEMBERS) {
      if (!v.string(member).isEmpty() && !used.contains(member)) {
        error(
            mirror,
            v,
            member,
            "sets " + member + ", which it does not use",
            "remove it, or choose the scheme that uses it");
        ok = false;
      }
    }
    List<Credential> credentials = new ArrayList<>();
    for (Map.Entry<String, Boolean> c : CREDENTIALS.get(scheme).entrySet()) {
      String member = c.getKey();
      if (v.string(member).isEmpty()) {
        error(mirror, v, null, "needs " + member, "set " + member + " = \"<config property>\"");
        ok = false;
        continue;
      }
      Optional<Credential> credential =
          texts.credential(
              member,
              v.string(member),
              c.getValue(),
              new HttpTexts.Site(scope.type, mirror, v.at(member)));
      credential.ifPresent(credentials::add);
      ok &= credential.isPresent();
    }
    if (scheme.equals("API_KEY") && v.string("header").isEmpty() == v.string("query").isEmpty()) {
      error(
          mirror,
          v,
          v.string("header").isEmpty() ? null : "query",
          "needs exactly one of header and query",
          "set header = \"X-Api-Key\" or query = \"api_key\"");
      ok = false;
    }
    Optional<Text> tokenUrl = Optional.empty();
    if (oauth) {
      if (v.string("tokenUrl").isEmpty()) {
        error(mirror, v, null, "needs tokenUrl", "set tokenUrl = \"{base_url}/oauth/token\"");
        ok = false;
      } else {
        tokenUrl =
            texts.text(
                "@HttpAuth tokenUrl",
                v.string("tokenUrl"),
                new HttpTexts.Site(scope.type, mirror, v.at("tokenUrl")));
        ok &= tokenUrl.isPresent();
      }
    }
    return ok
        ? Optional.of(
            new AuthModel(
                scheme,
                credentials,
                v.string("header"),
                v.string("query"),
                tokenUrl,
                v.string("scope")))
        : Optional.empty();
  }

  private void error(
      AnnotationMirror mirror, Annotations.Values v, String member, String problem, String fix) {
    scope.report.error(
        Message.HTTP_AUTH_INCONSISTENT,
        scope.type,
        mirror,
        member == null ? null : v.at(member),
        HttpSourceValidator.enumName(scope, mirror, "scheme"),
        problem,
        fix);
  }
}
