package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.runtime.Log;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The records of a paginated request, one page fetched at a time as they are consumed. Stops when
 * the paginator says so or at the page cap, and fails instead of looping when the API hands out a
 * page it already served (the same request again, or the same records again). Logs its counts at
 * DEBUG.
 */
final class RecordPages<R> implements Iterator<R>, AutoCloseable {
  private final HttpApi api;
  private final ApiRequest request;
  private final String pointer;
  private final RecordDecoder<R> decoder;
  private final String typeName;
  private final HttpStats before;
  private final Set<String> requested = new HashSet<>();

  private URI uri;
  private int index;
  private Iterator<JsonNode> page = Collections.emptyIterator();
  private ApiResponse response;
  private int recordOnPage;
  private boolean done;
  private boolean closed;
  private int previousHash;
  private int previousCount = -1;

  RecordPages(
      HttpApi api, ApiRequest request, String pointer, RecordDecoder<R> decoder, String typeName) {
    this.api = api;
    this.request = request;
    this.pointer = pointer;
    this.decoder = decoder;
    this.typeName = typeName;
    this.before = api.stats().snapshot();
    this.uri = request.firstUri();
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext()) {
      if (done) {
        close();
        return false;
      }
      fetch();
    }
    return true;
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JsonNode json = page.next();
    recordOnPage++;
    try {
      R record = decoder.decode(json);
      api.stats().records.incrementAndGet();
      return record;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "Record "
              + recordOnPage
              + " of page "
              + index
              + " of "
              + response.url()
              + " does not decode into "
              + typeName
              + ": "
              + api.masking().text(String.valueOf(e.getMessage()))
              + "; the record: "
              + api.masking()
                  .excerpt(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          e);
    }
  }

  private void fetch() {
    String key = canonical(uri);
    if (!requested.add(key)) {
      throw endless("asks for " + api.masking().url(uri) + " again, which was already read");
    }
    response = request.send(uri);
    index++;
    recordOnPage = 0;
    api.stats().pages.incrementAndGet();
    JsonNode body = response.json();
    JsonNode records = pointer.isEmpty() ? body : body.at(pointer);
    List<JsonNode> nodes;
    if (records.isArray()) {
      nodes = new java.util.ArrayList<>(records.size());
      records.forEach(nodes::add);
    } else if (records.isObject()) {
      nodes = List.of(records);
    } else if (records.isMissingNode() || records.isNull()) {
      throw new IllegalStateException(
          "The response of "
              + response.url()
              + " has no records at JSON pointer \""
              + pointer
              + "\""
              + (body.isObject() ? "; its top-level fields are " + fieldNames(body) : "")
              + ": "
              + api.masking()
                  .excerpt(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } else {
      throw new IllegalStateException(
          "The records at JSON pointer \""
              + pointer
              + "\" of "
              + response.url()
              + " are a "
              + records.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not an array");
    }
    int hash = records.hashCode();
    if (!nodes.isEmpty() && nodes.size() == previousCount && hash == previousHash && index > 1) {
      throw endless("returned the same " + nodes.size() + " records as the page before");
    }
    previousHash = hash;
    previousCount = nodes.size();
    page = nodes.iterator();
    PageInfo info =
        new PageInfo(response, body, nodes.size(), Urls.query(response.uri()), index - 1);
    var next = request.paginator().next(info);
    if (next.isEmpty()) {
      done = true;
    } else if (request.maxPages() > 0 && index >= request.maxPages()) {
      Log.info(request.describe() + ": stopping after " + index + " pages (maxPages)");
      done = true;
    } else {
      uri = resolve(next.get());
    }
  }

  private URI resolve(NextPage next) {
    if (next.url() != null) {
      return response.uri().resolve(next.url().strip());
    }
    Map<String, String> params = Urls.query(response.uri());
    params.putAll(next.params());
    return Urls.withQuery(Urls.withoutQuery(response.uri()), params);
  }

  private IllegalStateException endless(String what) {
    return new IllegalStateException(
        "Endless pagination stopped: page "
            + (index + 1)
            + " of "
            + request.describe()
            + " "
            + what
            + "; the API ignores the paginator's parameter, or the paginator"
            + " reads the wrong token. Check the Paginator of this request");
  }

  private static String canonical(URI uri) {
    return Urls.withoutQuery(uri) + "?" + new TreeMap<>(Urls.query(uri));
  }

  private static List<String> fieldNames(JsonNode body) {
    List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return names;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Log.debug(() -> "HTTP " + request.describe() + ": " + api.stats().since(before));
  }
}
