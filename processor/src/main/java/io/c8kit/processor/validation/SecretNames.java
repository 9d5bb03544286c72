package io.c8kit.processor.validation;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a config property's name looks like a secret, by its words rather than the whole
 * name: the head of an English compound is its last word, so {@code db_password}, {@code
 * clientSecret} and {@code apiKey} are secrets while {@code password_policy}, {@code token_url},
 * {@code tokenizer}, {@code keyspace} and {@code primary_key} are not.
 */
final class SecretNames {
  /**
   * Whole names the Airbyte acceptance tests require to be airbyte_secret
   * (test_secret_is_properly_marked).
   */
  private static final Set<String> WHOLE_NAMES =
      Set.of(
          "client_token",
          "access_token",
          "api_token",
          "token",
          "secret",
          "client_secret",
          "password",
          "key",
          "service_account_info",
          "service_account",
          "tenant_id",
          "certificate",
          "jwt",
          "credentials",
          "app_id",
          "appid",
          "refresh_token");

  /** Last words that make a compound a secret on their own. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwords",
          "passwd",
          "passphrase",
          "secret",
          "secrets",
          "token",
          "tokens",
          "jwt",
          "credential",
          "credentials",
          "apikey");

  /** Nouns before a final "key" that make it a secret key rather than a lookup key. */
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "api",
          "private",
          "secret",
          "access",
          "signing",
          "encryption",
          "master",
          "account",
          "client",
          "auth",
          "session",
          "shared",
          "license",
          "subscription",
          "consumer",
          "app",
          "service",
          "hmac");

  /** Trailing words naming only the encoding of the secret: {@code credentials_json}. */
  private static final Set<String> ENCODINGS = Set.of("json", "pem", "base64", "b64");

  private SecretNames() {}

  static boolean looksSecret(String jsonName) {
    List<String> words = Names.words(jsonName);
    if (words.isEmpty()) {
      return false;
    }
    if (WHOLE_NAMES.contains(String.join("_", words))) {
      return true;
    }
    int last = words.size() - 1;
    while (last > 0 && ENCODINGS.contains(words.get(last))) {
      last--;
    }
    String head = words.get(last);
    if (SECRET_WORDS.contains(head)) {
      return true;
    }
    return head.equals("key") && last > 0 && KEY_QUALIFIERS.contains(words.get(last - 1));
  }
}
