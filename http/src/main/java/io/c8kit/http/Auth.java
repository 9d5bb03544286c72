package io.c8kit.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * How requests prove who they are. Every credential is masked in logs and errors; {@link
 * #property()} names the config property a 401/403 error tells the user to check.
 *
 * <pre>{@code
 * Auth.bearer(config.apiToken(), "api_token")
 * Auth.apiKeyHeader("X-Api-Key", config.apiKey(), "api_key")
 * OAuth2.clientCredentials(tokenUrl, config.clientId(), config.clientSecret())
 * }</pre>
 */
public interface Auth {
  /** Adds the credential to one request, as headers and/or query parameters. */
  void apply(BiConsumer<String, String> header, BiConsumer<String, String> queryParam);

  /**
   * The config property holding the credential (for error messages); empty for no authentication.
   */
  String property();

  /** The credential values, to be masked. */
  List<String> secrets();

  /** No authentication. */
  static Auth none() {
    return new FixedAuth(List.of(), List.of(), "", List.of());
  }

  /** {@code Authorization: Bearer <token>}. */
  static Auth bearer(String token, String property) {
    return new FixedAuth(
        List.of("Authorization", "Bearer " + required(token, property)),
        List.of(),
        property,
        List.of(token));
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  static Auth basic(String user, String password, String property) {
    String pair = required(user, "user") + ":" + required(password, property);
    String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    return new FixedAuth(
        List.of("Authorization", "Basic " + encoded),
        List.of(),
        property,
        List.of(password, encoded));
  }

  /** An API key in a header, e.g. {@code X-Api-Key}. */
  static Auth apiKeyHeader(String header, String key, String property) {
    return new FixedAuth(
        List.of(header, required(key, property)), List.of(), property, List.of(key));
  }

  /**
   * An API key as a query parameter, e.g. {@code ?api_key=…} (masked in every URL the toolkit
   * shows).
   */
  static Auth apiKeyQuery(String param, String key, String property) {
    return new FixedAuth(
        List.of(), List.of(param, required(key, property)), property, List.of(key));
  }

  private static String required(String value, String property) {
    if (value == null || value.isEmpty()) {
      throw new io.c8kit.ConfigException(
          "The config property " + property + " is required to authenticate");
    }
    return value;
  }
}
