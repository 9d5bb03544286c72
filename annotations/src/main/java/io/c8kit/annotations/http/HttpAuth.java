package io.c8kit.annotations.http;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The authentication of an {@link HttpSource}. Credential members name config properties (JSON
 * names, e.g. {@code token = "api_token"}) of type {@code String}, or {@code Optional<String>} to
 * authenticate only when the property is set; secret ones must be {@code @Secret}. Which members a
 * scheme needs is checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface HttpAuth {
  /** The authentication schemes of c8kit-http. */
  enum Scheme {
    /** No credential. */
    NONE,
    /** {@code Authorization: Bearer} with {@link #token()}. */
    BEARER,
    /**
     * An API key ({@link #token()}) in header {@link #header()} or query parameter {@link
     * #query()}.
     */
    API_KEY,
    /** {@code Authorization: Basic} with {@link #user()} and {@link #password()}. */
    BASIC,
    /**
     * OAuth 2.0 client credentials: {@link #tokenUrl()}, {@link #clientId()}, {@link
     * #clientSecret()}.
     */
    OAUTH2_CLIENT_CREDENTIALS,
    /**
     * OAuth 2.0 refresh token: as client credentials, plus {@link #refreshToken()} (rotations
     * persisted).
     */
    OAUTH2_REFRESH_TOKEN
  }

  Scheme scheme() default Scheme.NONE;

  /** Property of the bearer token or API key (secret). */
  String token() default "";

  /** Header carrying the API key, e.g. {@code X-Api-Key}. */
  String header() default "";

  /** Query parameter carrying the API key, e.g. {@code api_key}. */
  String query() default "";

  /** Property of the basic-auth user. */
  String user() default "";

  /** Property of the basic-auth password (secret). */
  String password() default "";

  /** The OAuth token endpoint, a literal or with placeholders: {@code "{base_url}/oauth/token"}. */
  String tokenUrl() default "";

  /** Property of the OAuth client id. */
  String clientId() default "";

  /** Property of the OAuth client secret (secret). */
  String clientSecret() default "";

  /** Property of the OAuth refresh token (secret); a rotated token is persisted into it. */
  String refreshToken() default "";

  /** The OAuth {@code scope} parameter, empty for none. */
  String scope() default "";
}
