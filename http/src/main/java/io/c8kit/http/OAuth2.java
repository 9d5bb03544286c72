package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.ConfigException;
import io.c8kit.runtime.Log;
import io.c8kit.source.StreamContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * OAuth 2.0 access tokens (RFC 6749) from the client-credentials or refresh-token grant: fetched on
 * first use, cached, fetched again shortly before they expire and once after a 401. A refresh token
 * the server rotates is kept for the rest of the run and handed to the platform to persist ({@code
 * StreamContext.configChanged}); every token is masked. Thread-safe.
 *
 * <pre>{@code
 * OAuth2.refreshToken(tokenUrl, c.clientId(), c.clientSecret(), c.refreshToken())
 *     .refreshTokenProperty("credentials.refresh_token")
 * }</pre>
 */
public final class OAuth2 implements Auth {
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String grant;
  private String refreshToken;
  private String scope;
  private String property;
  private String refreshTokenProperty = "refresh_token";
  private Duration skew = Duration.ofSeconds(60);

  private String accessToken;

  /** Null when the server gave no {@code expires_in}: the token is used until a 401. */
  private Instant expiresAt;

  private OAuth2(
      String tokenUrl,
      String clientId,
      String clientSecret,
      String grant,
      String refreshToken,
      String property) {
    this.tokenUrl = URI.create(Objects.requireNonNull(tokenUrl, "tokenUrl"));
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.grant = grant;
    this.refreshToken = refreshToken;
    this.property = property;
  }

  /** The client-credentials grant; errors name the config property {@code client_secret}. */
  public static OAuth2 clientCredentials(String tokenUrl, String clientId, String clientSecret) {
    return new OAuth2(
        tokenUrl, clientId, clientSecret, "client_credentials", null, "client_secret");
  }

  /** The refresh-token grant; errors name the config property {@code refresh_token}. */
  public static OAuth2 refreshToken(
      String tokenUrl, String clientId, String clientSecret, String refreshToken) {
    return new OAuth2(
        tokenUrl,
        clientId,
        clientSecret,
        "refresh_token",
        Objects.requireNonNull(refreshToken, "refreshToken"),
        "refresh_token");
  }

  /** The {@code scope} parameter of the token request. */
  public OAuth2 scope(String scope) {
    this.scope = scope;
    return this;
  }

  /** The config property a rejected credential error names. */
  public OAuth2 property(String property) {
    this.property = property;
    return this;
  }

  /** The config property (dotted JSON path) a rotated refresh token is persisted into. */
  public OAuth2 refreshTokenProperty(String property) {
    this.refreshTokenProperty = property;
    return this;
  }

  /** How long before its expiry a token is replaced (default 60 s). */
  public OAuth2 refreshBefore(Duration skew) {
    this.skew = skew;
    return this;
  }

  @Override
  public synchronized void apply(
      BiConsumer<String, String> header, BiConsumer<String, String> queryParam) {
    if (accessToken == null) {
      throw new IllegalStateException("OAuth2: no access token yet; requests go through HttpApi");
    }
    header.accept("Authorization", "Bearer " + accessToken);
  }

  @Override
  public String property() {
    return property;
  }

  @Override
  public synchronized List<String> secrets() {
    List<String> all = new ArrayList<>(List.of(clientSecret));
    if (refreshToken != null) {
      all.add(refreshToken);
    }
    if (accessToken != null) {
      all.add(accessToken);
    }
    return all;
  }

  /** The refresh token in use (the rotated one, once the server has rotated it). */
  public synchronized String currentRefreshToken() {
    return refreshToken;
  }

  /**
   * Makes sure a fresh access token is cached, fetching one when there is none or it expires soon.
   */
  synchronized void prepare(Exchange exchange, StreamContext ctx) {
    Instant now = exchange.timing().now();
    if (accessToken != null && (expiresAt == null || now.isBefore(expiresAt.minus(skew)))) {
      return;
    }
    fetch(exchange, ctx, now);
  }

  /** Forgets the access token (the API answered 401), so the next request fetches a new one. */
  synchronized void invalidate() {
    accessToken = null;
  }

  private void fetch(Exchange exchange, StreamContext ctx, Instant now) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", grant);
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    if (refreshToken != null) {
      form.put("refresh_token", refreshToken);
    }
    if (scope != null) {
      form.put("scope", scope);
    }
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(Urls.encode(k))
                .append('=')
                .append(Urls.encode(v)));
    Map<String, String> headers =
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    ApiResponse response =
        exchange.send(
            new Call(
                "POST",
                tokenUrl,
                headers,
                body.toString().getBytes(StandardCharsets.UTF_8),
                ctx,
                false,
                false,
                true));
    Masking masking = exchange.masking();
    if (response.status() >= 400) {
      throw new ConfigException(
          "The OAuth token request to "
              + response.url()
              + " was refused with HTTP "
              + response.status()
              + " "
              + StatusText.of(response.status())
              + ": "
              + masking.excerpt(response.body())
              + "; check the config property "
              + property
              + " ("
              + io.c8kit.runtime.secrets.SecretMasker.MASK
              + ")");
    }
    JsonNode json;
    try {
      json = exchange.mapper().readTree(response.body());
    } catch (java.io.IOException e) {
      throw new io.c8kit.TransientException(
          "The OAuth token response of "
              + response.url()
              + " is not valid JSON: "
              + masking.excerpt(response.body()),
          e);
    }
    String token = json == null ? "" : json.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new ConfigException(
          "The OAuth token response of "
              + response.url()
              + " has no access_token: "
              + masking.excerpt(response.body()));
    }
    masking.register(token);
    accessToken = token;
    JsonNode expiresIn = json.path("expires_in");
    expiresAt =
        expiresIn.canConvertToLong() || expiresIn.isTextual() && !expiresIn.asText().isBlank()
            ? now.plusSeconds(expiresIn.asLong())
            : null;
    String rotated = json.path("refresh_token").asText("");
    if (!rotated.isEmpty() && !rotated.equals(refreshToken) && "refresh_token".equals(grant)) {
      masking.register(rotated);
      refreshToken = rotated;
      if (ctx != null) {
        ctx.configChanged(refreshTokenProperty, rotated);
      } else {
        Log.warn(
            "The OAuth server rotated the refresh token outside a stream read; this run uses the new"
                + " one, but cannot persist it into config property "
                + refreshTokenProperty);
      }
    }
    Log.debug(
        "OAuth: got an access token" + (expiresAt == null ? "" : " valid until " + expiresAt));
  }

  @Override
  public String toString() {
    return "OAuth2[" + grant + ", " + masked(tokenUrl) + "]";
  }

  private static String masked(URI uri) {
    return new Masking().url(uri);
  }
}
