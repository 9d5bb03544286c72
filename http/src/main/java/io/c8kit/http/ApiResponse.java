package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP response, its body already read (and un-gzipped); JSON responses already parsed. */
public final class ApiResponse {
  private final URI uri;
  private final String maskedUrl;
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final JsonNode json;

  ApiResponse(
      URI uri, String maskedUrl, int status, HttpHeaders headers, byte[] body, JsonNode json) {
    this.uri = uri;
    this.maskedUrl = maskedUrl;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.json = json;
  }

  public int status() {
    return status;
  }

  /** The request URL with credentials masked, fit for messages. */
  public String url() {
    return maskedUrl;
  }

  /**
   * The request URL as sent (without the auth's query parameters); relative links resolve against
   * it.
   */
  URI uri() {
    return uri;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public byte[] body() {
    return body.clone();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The parsed JSON body. */
  public JsonNode json() {
    if (json == null) {
      throw new IllegalStateException("The response of " + maskedUrl + " was not read as JSON");
    }
    return json;
  }

  ApiResponse withJson(JsonNode parsed) {
    return new ApiResponse(uri, maskedUrl, status, headers, body, parsed);
  }
}
