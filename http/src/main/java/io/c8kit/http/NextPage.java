package io.c8kit.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Where the next page is: the same request with some query parameters changed, or another URL. */
public final class NextPage {
  private final Map<String, String> params;
  private final String url;

  private NextPage(Map<String, String> params, String url) {
    this.params = params;
    this.url = url;
  }

  /** The same request with these query parameters set (others kept), in the map's order. */
  public static NextPage params(Map<String, String> params) {
    return new NextPage(Collections.unmodifiableMap(new LinkedHashMap<>(params)), null);
  }

  /**
   * This URL, as is (absolute, or relative to the page's URL); the request's parameters are
   * dropped.
   */
  public static NextPage url(String url) {
    return new NextPage(null, Objects.requireNonNull(url, "url"));
  }

  /** The parameters to set, or null for a URL. */
  Map<String, String> params() {
    return params;
  }

  /** The URL, or null for parameters. */
  String url() {
    return url;
  }

  @Override
  public String toString() {
    return url != null ? url : params.toString();
  }
}
