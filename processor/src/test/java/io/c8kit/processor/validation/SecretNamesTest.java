package io.c8kit.processor.validation;

import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** C8K-058 matches secret-looking names by their words, and keeps false positives low. */
class SecretNamesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "token",
        "key",
        "secret",
        "credentials",
        "tenant_id",
        "appId",
        "jwt",
        "apiKey",
        "api_key",
        "API_KEY",
        "dbPassword",
        "db_passwd",
        "clientSecret",
        "client-secret",
        "accessToken",
        "oauth2RefreshToken",
        "privateKey",
        "secretAccessKey",
        "signingKey",
        "sshPassphrase",
        "apikey",
        "serviceAccountInfo",
        "credentials_json",
        "private_key_pem",
        "clientCredential",
        "bearerToken",
        "hmacKey",
        "encryptionKey",
        "userPasswords"
      })
  void secretLookingNamesAreFound(String name) {
    assertWithMessage(name).that(SecretNames.looksSecret(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "passwordPolicy",
        "tokenizer",
        "keyspace",
        "secretary",
        "primaryKey",
        "primary_key",
        "tokenUrl",
        "token_endpoint",
        "accessKeyId",
        "secretName",
        "passwordLength",
        "keyColumn",
        "sortKey",
        "partitionKey",
        "foreignKeys",
        "clientId",
        "username",
        "host",
        "keyFile",
        "secretVersion",
        "tokenType",
        "monkey",
        "turkey",
        "passwordless_login",
        "cursor_key",
        "hash_key",
        "api_url",
        "keys"
      })
  void ordinaryNamesAreNot(String name) {
    assertWithMessage(name).that(SecretNames.looksSecret(name)).isFalse();
  }
}
