package io.c8kit.processor;

import static io.c8kit.processor.DiagnosticsTest.c;

import io.c8kit.processor.DiagnosticsTest.Case;
import io.c8kit.processor.validation.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link DiagnosticsTest} cases of declarative REST sources ({@code @HttpSource},
 * {@code @HttpStream}).
 */
final class HttpDiagnosticCases {
  private HttpDiagnosticCases() {}

  private static final String S = DiagnosticsTest.S;
  private static final String HS = "@HttpSource(baseUrl = \"{base_url}\")";
  private static final String A = "public abstract class T {";
  private static final String CFG =
      "public record Config(String baseUrl, @DefaultValue(\"10\") int pageSize, "
          + "@Secret String token, String bearer, Optional<String> label) {}";
  private static final String R = DiagnosticsTest.R;
  private static final String OK =
      "@Stream @HttpStream(path = \"/rows\") abstract java.util.stream.Stream<R> "
          + "rows(Config c);";

  private static Case http(Message m, String fragment, String onLine, String... members) {
    List<String> body = new ArrayList<>(List.of(S));
    body.addAll(List.of(members));
    return c(m, fragment, onLine, 1, body.toArray(String[]::new));
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        http(
            Message.HTTP_STREAM_HAS_BODY,
            "rows() has a body, but the generated T_Http implements it",
            "@HttpStream",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\") java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        http(
            Message.HTTP_STREAM_WITHOUT_STREAM,
            "others() has no @Stream",
            "@HttpStream(path = \"/o\")",
            HS,
            A,
            CFG,
            R,
            OK,
            "@HttpStream(path = \"/o\") abstract java.util.stream.Stream<R> others(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_STREAM_WITHOUT_HTTP_SOURCE,
            "rows() is in T, which has no @HttpSource",
            "@HttpStream",
            "public class T {",
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\") java.util.stream.Stream<R> rows(Config c) { return null; }",
            "}"));
    cases.add(
        http(
            Message.ABSTRACT_METHOD_NOT_HTTP,
            "abstract method label() of @HttpSource class T",
            "abstract String label",
            HS,
            A,
            CFG,
            R,
            OK,
            "abstract String label(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PROPERTY_UNKNOWN,
            "@HttpSource baseUrl names config property \"base_uri\"",
            "base_uri",
            "@HttpSource(baseUrl = \"{base_uri}\")",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_PROPERTY_UNKNOWN,
            "@HttpStream path names config property \"org\"",
            "{org}",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/orgs/{org}/rows\")",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PROPERTY_TYPE,
            "names config property \"label\" of type Optional<String>, but needs " + "a scalar",
            "{label}",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", params = \"tag={label}\")",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PROPERTY_TYPE,
            "@HttpRateLimit requests names config property \"base_url\" of type "
                + "String, but needs int or Integer",
            "rateLimit",
            "@HttpSource(baseUrl = \"{base_url}\", rateLimit = @HttpRateLimit(requests = \"{base_url}\"))",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_VALUE_MALFORMED,
            "@HttpStream param \"sort\" has no name before '='",
            "\"sort\"",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", params = \"sort\")",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_VALUE_MALFORMED,
            "@HttpSource baseUrl \"api.example.com\" is not an http(s) URL",
            "api.example.com",
            "@HttpSource(baseUrl = \"api.example.com\")",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_JSON_POINTER,
            "@HttpStream records \"data\" is not a JSON pointer",
            "\"data\"",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", records = \"data\")",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PAGINATOR_INCONSISTENT,
            "@Paginate(kind = NEXT_TOKEN) of stream rows needs pointer",
            "NEXT_TOKEN",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", paginator = @Paginate(kind = Paginate.Kind.NEXT_TOKEN, param = \"c\"))",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PAGINATOR_INCONSISTENT,
            "LINK_HEADER) of stream rows sets size, which it does not " + "use",
            "size = \"10\"",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", paginator = @Paginate(kind = Paginate.Kind.LINK_HEADER, size = \"10\"))",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_PAGINATOR_INCONSISTENT,
            "sends query parameter page, which @HttpStream(params) sets " + "too",
            "param = \"page\"",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\", params = \"page=1\",",
            "    paginator = @Paginate(kind = Paginate.Kind.PAGE_NUMBER, param = \"page\", sizeParam = \"n\", size = \"5\"))",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_POSITION_WITHOUT_PARAMETER,
            "since = \"updated_since\" of stream rows sends the "
                + "incremental cursor, but rows() takes no Cursor<T> parameter",
            "updated_since",
            HS,
            A,
            CFG,
            R,
            "@Stream(cursor = \"updated_at\") @HttpStream(path = \"/rows\", since = \"updated_since\")",
            "abstract java.util.stream.Stream<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_AUTH_INCONSISTENT,
            "@HttpAuth(scheme = BEARER) needs token",
            "BEARER",
            "@HttpSource(baseUrl = \"{base_url}\", auth = @HttpAuth(scheme = HttpAuth.Scheme.BEARER))",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_AUTH_INCONSISTENT,
            "(scheme = API_KEY) needs exactly one of header and query",
            "query = \"k\"",
            "@HttpSource(baseUrl = \"{base_url}\",",
            "    auth = @HttpAuth(scheme = HttpAuth.Scheme.API_KEY, "
                + "token = \"token\", header = \"X-Key\", query = \"k\"))",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_AUTH_NOT_SECRET,
            "@HttpAuth token names config property \"bearer\", which is not " + "@Secret",
            "\"bearer\"",
            "@HttpSource(baseUrl = \"{base_url}\",",
            "    auth = @HttpAuth(scheme = HttpAuth.Scheme.BEARER, token = \"bearer\"))",
            A,
            CFG,
            R,
            OK,
            "}"));
    cases.add(
        http(
            Message.HTTP_STREAM_SIGNATURE,
            "@HttpStream method rows() returns List<T.R>",
            "@HttpStream",
            HS,
            A,
            CFG,
            R,
            "@Stream @HttpStream(path = \"/rows\") abstract List<R> rows(Config c);",
            "}"));
    cases.add(
        http(
            Message.HTTP_STREAM_SIGNATURE,
            "others() takes no config, but its requests read config " + "properties",
            "@HttpStream(path = \"/o\")",
            HS,
            A,
            CFG,
            R,
            OK,
            "@Stream @HttpStream(path = \"/o\") abstract java.util.stream.Stream<R> others();",
            "}"));
    return cases;
  }
}
