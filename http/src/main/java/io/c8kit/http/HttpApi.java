package io.c8kit.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.c8kit.ConfigException;
import io.c8kit.runtime.Log;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A REST API as a c8kit source sees it: base URL, default headers, timeouts, authentication, retry
 * policy and rate limit, shared by every request. Thread-safe; create one per stream read and close
 * it when the read ends ({@code records(...).onClose(api::close)}): that logs the summary of what
 * its requests cost (requests, retries, waits).
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder(config.baseUrl())
 *     .auth(OAuth2.clientCredentials(config.tokenUrl(), config.clientId(), config.clientSecret()))
 *     .rateLimit(RateLimit.perInterval(100, Duration.ofMinutes(1)))
 *     .build();
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {
  private final URI base;
  private final Map<String, String> defaultHeaders;
  private final HttpStats stats = new HttpStats();
  private final Masking masking = new Masking();
  private final ObjectMapper mapper;
  private final Exchange exchange;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private HttpApi(Builder b) {
    this.base = b.base;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("Accept-Encoding", "gzip");
    headers.put("User-Agent", "c8kit-http");
    headers.putAll(b.headers);
    this.defaultHeaders = Collections.unmodifiableMap(headers);
    this.mapper = b.mapper != null ? b.mapper : defaultMapper();
    b.auth.secrets().forEach(masking::register);
    HttpClient client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    this.exchange =
        new Exchange(
            client,
            mapper,
            b.auth,
            masking,
            new RateLimiter(b.rateLimit, b.timing, stats),
            b.retry,
            b.timing,
            stats,
            b.timeout);
  }

  /**
   * Starts an API at {@code baseUrl} ({@code https://api.example.com/v1}); paths are appended to
   * it.
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * The mapper records are decoded with by default: snake_case names, unknown fields ignored,
   * java.time.
   */
  public static ObjectMapper defaultMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .build();
  }

  public ApiRequest get(String path) {
    return new ApiRequest(this, "GET", path);
  }

  public ApiRequest post(String path) {
    return new ApiRequest(this, "POST", path);
  }

  /** What this API's requests have cost so far. */
  public HttpStats stats() {
    return stats;
  }

  /** Logs the summary (requests, retries, waits) at INFO, once. */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      Log.info("HTTP " + masking.url(base) + " in all: " + stats);
    }
  }

  URI resolve(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return URI.create(path);
    }
    String text = base.toString();
    String joined =
        text.endsWith("/") || path.isEmpty() || path.startsWith("/")
            ? (text.endsWith("/") && path.startsWith("/") ? text + path.substring(1) : text + path)
            : text + "/" + path;
    return URI.create(joined);
  }

  Map<String, String> defaultHeaders() {
    return defaultHeaders;
  }

  Exchange exchange() {
    return exchange;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Masking masking() {
    return masking;
  }

  /** Settings of an {@link HttpApi}. */
  public static final class Builder {
    private final URI base;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Auth auth = Auth.none();
    private RetryPolicy retry = RetryPolicy.defaults();
    private RateLimit rateLimit = RateLimit.none();
    private Duration timeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(20);
    private ObjectMapper mapper;
    private HttpClient client;
    private Timing timing = Timing.SYSTEM;

    private Builder(String baseUrl) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").strip());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("The base URL is not a URL: " + e.getMessage());
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(
            "The base URL must be an http(s) URL with a host, got " + new Masking().url(uri));
      }
      this.base = uri;
    }

    /** A header sent with every request. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /** The longest wait for a response's headers (default 60 s); then the attempt is retried. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The mapper records are decoded with (see {@link HttpApi#defaultMapper()}). */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** A preconfigured client (proxy, TLS, executor). */
    public Builder client(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    Builder timing(Timing timing) {
      this.timing = timing;
      return this;
    }

    public HttpApi build() {
      return new HttpApi(this);
    }
  }
}
