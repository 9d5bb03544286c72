package io.c8kit.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * URL building and parsing shared by requests and paginators (encoding, query maps, resolution).
 */
final class Urls {
  private Urls() {}

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  /** {@code base} with {@code params} appended to any query it already has (in map order). */
  static URI withQuery(URI base, Map<String, String> params) {
    if (params.isEmpty()) {
      return base;
    }
    StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
    params.forEach(
        (name, value) -> {
          if (query.length() > 0) {
            query.append('&');
          }
          query.append(encode(name)).append('=').append(encode(value));
        });
    String text = base.toString();
    int cut = indexOfQueryOrFragment(text);
    return URI.create((cut < 0 ? text : text.substring(0, cut)) + "?" + query);
  }

  private static int indexOfQueryOrFragment(String text) {
    int q = text.indexOf('?');
    int f = text.indexOf('#');
    return q >= 0 ? q : f;
  }

  /**
   * The decoded query parameters of {@code uri}, in order (the last value of a repeated name wins).
   */
  static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return params;
  }

  /** {@code uri} without its query. */
  static URI withoutQuery(URI uri) {
    String text = uri.toString();
    int cut = indexOfQueryOrFragment(text);
    return cut < 0 ? uri : URI.create(text.substring(0, cut));
  }
}
