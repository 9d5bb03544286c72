package io.c8kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.runtime.Log;
import io.c8kit.runtime.config.JsonFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Sends one logical request until it succeeds or cannot: the retry loop (429, 5xx, timeouts,
 * connection errors and truncated JSON with backoff or Retry-After, bounded in count and total
 * wait), the rate limiter around each attempt, authentication (with one re-authentication on a 401
 * for OAuth), gzip, DEBUG logging, counters, and the error each final failure becomes.
 */
final class Exchange {
  private final HttpClient client;
  private final ObjectMapper mapper;
  private final Auth auth;
  private final Masking masking;
  private final RateLimiter limiter;
  private final RetryPolicy retry;
  private final Timing timing;
  private final HttpStats stats;
  private final Duration timeout;

  Exchange(
      HttpClient client,
      ObjectMapper mapper,
      Auth auth,
      Masking masking,
      RateLimiter limiter,
      RetryPolicy retry,
      Timing timing,
      HttpStats stats,
      Duration timeout) {
    this.client = client;
    this.mapper = mapper;
    this.auth = auth;
    this.masking = masking;
    this.limiter = limiter;
    this.retry = retry;
    this.timing = timing;
    this.stats = stats;
    this.timeout = timeout;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Masking masking() {
    return masking;
  }

  Timing timing() {
    return timing;
  }

  ApiResponse send(Call call) {
    try {
      return loop(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(
          "Interrupted during " + call.method() + " " + masking.url(call.uri()), e);
    }
  }

  private ApiResponse loop(Call call) throws InterruptedException {
    String what = call.method() + " " + masking.url(call.uri());
    int retries = 0;
    Duration waited = Duration.ZERO;
    boolean reauthenticated = false;
    while (true) {
      Map<String, String> query = new LinkedHashMap<>();
      Map<String, String> headers = new LinkedHashMap<>(call.headers());
      if (call.authenticate()) {
        if (auth instanceof OAuth2 oauth) {
          oauth.prepare(this, call.ctx());
        }
        auth.apply(headers::put, query::put);
      }
      URI uri = Urls.withQuery(call.uri(), query);
      String problem = null;
      Duration retryAfter = null;
      boolean rateLimited = false;
      Throwable cause = null;
      ApiResponse response = null;
      try (RateLimiter.Permit permit = limiter.acquire(call.ctx(), what)) {
        response = attempt(call, uri, headers, what);
      } catch (HttpTimeoutException e) {
        cause = e;
        problem = "no response within " + timeout.toSeconds() + " s";
      } catch (IOException e) {
        cause = e;
        problem =
            e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + masking.text(e.getMessage()));
      }
      if (response != null) {
        int status = response.status();
        if (status < 300) {
          if (!call.expectJson()) {
            return response;
          }
          try {
            return response.withJson(parse(response.body()));
          } catch (JsonProcessingException e) {
            cause = e;
            problem =
                "the body is not valid JSON (truncated?): "
                    + masking.text(JsonFiles.withoutSource(e.getOriginalMessage()))
                    + (e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset())
                    + " of "
                    + response.body().length;
          }
        } else if (status == 401
            && call.authenticate()
            && auth instanceof OAuth2 oauth
            && !reauthenticated) {
          Log.info(what + " returned 401; getting a new access token");
          oauth.invalidate();
          reauthenticated = true;
          continue;
        } else if (status == 429 || status >= 500 || status == 408) {
          retryAfter = RetryAfter.parse(response.header("Retry-After").orElse(null), timing.now());
          rateLimited = status == 429;
          problem = "HTTP " + status + " " + StatusText.of(status);
        } else if (call.clientErrorsReturned()) {
          return response;
        } else if (status == 401 || status == 403) {
          throw unauthorized(what, response);
        } else {
          throw new HttpStatusException(
              call.method(), masking.url(call.uri()), status, masking.excerpt(response.body()));
        }
      }
      // here: a retryable status, an I/O problem or a malformed body
      if (retries >= retry.maxRetries()) {
        throw new TransientException(
            "Gave up on "
                + what
                + " after "
                + (retries + 1)
                + " attempt"
                + (retries == 0 ? "" : "s")
                + " and "
                + RateLimiter.seconds(waited)
                + " s of waiting: "
                + problem,
            cause);
      }
      retries++;
      Duration delay = retryAfter != null ? retryAfter : retry.backoff(retries);
      if (waited.plus(delay).compareTo(retry.maxTotalWait()) > 0) {
        throw new TransientException(
            "Gave up on "
                + what
                + " after "
                + retries
                + " attempts: "
                + problem
                + "; waiting "
                + RateLimiter.seconds(delay)
                + " s more"
                + (retryAfter != null ? " (Retry-After)" : "")
                + " would pass the total wait allowed ("
                + retry.maxTotalWait().toSeconds()
                + " s, RetryPolicy.maxTotalWait)",
            cause);
      }
      Log.warn(
          what
              + ": "
              + problem
              + "; retry "
              + retries
              + " of "
              + retry.maxRetries()
              + " in "
              + RateLimiter.seconds(delay)
              + " s"
              + (retryAfter != null ? " (Retry-After)" : ""));
      if (rateLimited) {
        stats.rateLimitWaits.incrementAndGet();
        if (call.ctx() != null) {
          call.ctx().rateLimited(timing.now().plus(delay));
        }
      }
      stats.retries.incrementAndGet();
      stats.waitMillis.addAndGet(delay.toMillis());
      timing.sleep(delay);
      waited = waited.plus(delay);
    }
  }

  private ApiResponse attempt(Call call, URI uri, Map<String, String> headers, String what)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    headers.forEach(request::header);
    request.method(
        call.method(),
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    stats.requests.incrementAndGet();
    Instant start = timing.now();
    if (Log.isDebugEnabled()) {
      Log.debug("HTTP " + what + " headers " + maskHeaders(headers));
    }
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    limiter.observe(response.headers());
    byte[] body = decode(response);
    if (Log.isDebugEnabled()) {
      Log.debug(
          "HTTP "
              + what
              + " -> "
              + response.statusCode()
              + " in "
              + Duration.between(start, timing.now()).toMillis()
              + " ms, "
              + body.length
              + " bytes: "
              + masking.excerpt(body));
    }
    return new ApiResponse(
        call.uri(), masking.url(call.uri()), response.statusCode(), response.headers(), body, null);
  }

  private static byte[] decode(HttpResponse<byte[]> response) throws IOException {
    byte[] body = response.body() == null ? new byte[0] : response.body();
    String encoding =
        response.headers().firstValue("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
    if (!encoding.contains("gzip") || body.length == 0) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private JsonNode parse(byte[] body) throws JsonProcessingException {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new com.fasterxml.jackson.core.JsonParseException(null, "empty body");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> maskHeaders(Map<String, String> headers) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, value) ->
            shown.put(
                name,
                Masking.sensitiveName(name)
                    ? io.c8kit.runtime.secrets.SecretMasker.MASK
                    : masking.text(value)));
    return shown;
  }

  private ConfigException unauthorized(String what, ApiResponse response) {
    int status = response.status();
    String property = auth.property();
    String credential =
        property.isEmpty()
            ? "no credential is configured"
            : "check the config property "
                + property
                + " ("
                + io.c8kit.runtime.secrets.SecretMasker.MASK
                + ")";
    String meaning =
        status == 401 ? "the API did not accept the credential" : "the credential lacks access";
    return new ConfigException(
        what
            + " failed with HTTP "
            + status
            + " "
            + StatusText.of(status)
            + ": "
            + meaning
            + "; "
            + credential
            + ". Response: "
            + masking.excerpt(response.body()));
  }
}
