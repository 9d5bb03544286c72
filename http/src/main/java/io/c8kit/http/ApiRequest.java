package io.c8kit.http;

import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import io.c8kit.source.StreamContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * One request to an {@link HttpApi}, built fluently: path parameters, query parameters (also from
 * the stream's cursor or page), headers, a paginator; then {@link #send()} for one response or
 * {@link #records} for every record of every page, fetched lazily. Not thread-safe; cheap to
 * create.
 *
 * <pre>{@code
 * return api.get("/repos/{owner}/issues").pathParam("owner", c.owner())
 *     .since("updated_since", since).paginate(Paginator.linkHeader()).context(ctx)
 *     .records("", Issue.class);
 * }</pre>
 */
public final class ApiRequest {
  private final HttpApi api;
  private final String method;
  private final String path;
  private final Map<String, String> pathParams = new LinkedHashMap<>();
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body;
  private StreamContext ctx;
  private Paginator paginator = Paginator.none();
  private int maxPages;

  ApiRequest(HttpApi api, String method, String path) {
    this.api = api;
    this.method = method;
    this.path = Objects.requireNonNull(path, "path");
  }

  /** Replaces {@code {name}} in the path with the URL-encoded value. */
  public ApiRequest pathParam(String name, Object value) {
    pathParams.put(name, String.valueOf(Objects.requireNonNull(value, name)));
    return this;
  }

  /** A query parameter; a null value leaves it out. */
  public ApiRequest param(String name, Object value) {
    if (value != null) {
      params.put(name, String.valueOf(value));
    }
    return this;
  }

  public ApiRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** A JSON body (for POST search endpoints). */
  public ApiRequest jsonBody(String json) {
    this.body = json.getBytes(StandardCharsets.UTF_8);
    headers.put("Content-Type", "application/json");
    return this;
  }

  /**
   * The incremental lower bound as query parameter {@code param} (ISO 8601 for dates and times),
   * when the read has one: the API then returns only records at or after the cursor.
   */
  public ApiRequest since(String param, Cursor<?> cursor) {
    cursor.value().ifPresent(v -> params.put(param, String.valueOf(v)));
    return this;
  }

  /**
   * Where a resumable full refresh restarts, as query parameter {@code param} (e.g. {@code id_gt}),
   * when the read resumes: the API returns only records after the last checkpointed page key.
   */
  public ApiRequest after(String param, Page<?> page) {
    page.after().ifPresent(v -> params.put(param, String.valueOf(v)));
    return this;
  }

  /** The stream being read, told about rate-limit waits and rotated credentials. */
  public ApiRequest context(StreamContext ctx) {
    this.ctx = ctx;
    return this;
  }

  public ApiRequest paginate(Paginator paginator) {
    this.paginator = Objects.requireNonNull(paginator, "paginator");
    return this;
  }

  /** Stops after this many pages (0 = no cap). */
  public ApiRequest maxPages(int pages) {
    this.maxPages = pages;
    return this;
  }

  /** Sends the request (first page only) and returns the response, its JSON parsed. */
  public ApiResponse send() {
    return send(firstUri());
  }

  /**
   * Every record of every page: the JSON array (or single object) at {@code pointer} ({@code ""} =
   * the whole body) of each page, decoded into {@code type} with snake_case names. Lazy: a page is
   * fetched when the previous one is consumed. Closing the stream (the runtime's {@code drain}
   * does) logs its counts at DEBUG.
   */
  public <R> java.util.stream.Stream<R> records(String pointer, Class<R> type) {
    return records(pointer, json -> api.mapper().treeToValue(json, type), type.getSimpleName());
  }

  /** Every record of every page, decoded by {@code decoder}. */
  public <R> java.util.stream.Stream<R> records(String pointer, RecordDecoder<R> decoder) {
    return records(pointer, decoder, "a record");
  }

  private <R> java.util.stream.Stream<R> records(
      String pointer, RecordDecoder<R> decoder, String typeName) {
    RecordPages<R> pages = new RecordPages<>(api, this, pointer, decoder, typeName);
    Iterator<R> it = pages;
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(pages::close);
  }

  ApiResponse send(URI uri) {
    Map<String, String> all = new LinkedHashMap<>(api.defaultHeaders());
    all.putAll(headers);
    return api.exchange().send(new Call(method, uri, all, body, ctx, true, true, false));
  }

  URI firstUri() {
    Map<String, String> query = new LinkedHashMap<>(paginator.firstPage());
    query.putAll(params);
    return Urls.withQuery(api.resolve(expandedPath()), query);
  }

  private String expandedPath() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      int open = path.indexOf('{', i);
      if (open < 0) {
        out.append(path, i, path.length());
        break;
      }
      int close = path.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed { in path " + path);
      }
      String name = path.substring(open + 1, close);
      String value = pathParams.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "Path " + path + " needs pathParam(\"" + name + "\", …)");
      }
      out.append(path, i, open).append(Urls.encode(value));
      i = close + 1;
    }
    return out.toString();
  }

  Paginator paginator() {
    return paginator;
  }

  int maxPages() {
    return maxPages;
  }

  String describe() {
    return method + " " + path;
  }
}
