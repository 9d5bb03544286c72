package io.c8kit.http;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/** A credential that never changes during a run: fixed headers and query parameters. */
record FixedAuth(List<String> headers, List<String> query, String property, List<String> secrets)
    implements Auth {
  FixedAuth {
    Objects.requireNonNull(property, "property");
  }

  @Override
  public void apply(BiConsumer<String, String> header, BiConsumer<String, String> queryParam) {
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      header.accept(headers.get(i), headers.get(i + 1));
    }
    for (int i = 0; i + 1 < query.size(); i += 2) {
      queryParam.accept(query.get(i), query.get(i + 1));
    }
  }

  @Override
  public String toString() {
    return "Auth[" + (property.isEmpty() ? "none" : property) + "]";
  }
}
