package io.c8kit.http;

/**
 * A request the API refused for a reason retrying cannot fix (404, 400, 422 …): carries the status,
 * the masked URL and a masked excerpt of the body, all in the message. (401/403 are {@code
 * ConfigException}s, 429/5xx are retried.)
 */
public class HttpStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String url;

  HttpStatusException(String method, String url, int status, String excerpt) {
    super(
        method
            + " "
            + url
            + " failed with HTTP "
            + status
            + " "
            + StatusText.of(status)
            + ": "
            + excerpt);
    this.status = status;
    this.url = url;
  }

  public int status() {
    return status;
  }

  /** The URL, credentials masked. */
  public String url() {
    return url;
  }
}
