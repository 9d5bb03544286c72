package io.c8kit.acceptance.services;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The json-server the tests read, started by scripts/jsonserver-up.sh: its URL from {@code
 * C8KIT_JSONSERVER_URL}, else from the script's env file. Without a server that answers, a test is
 * skipped, or fails under {@code CI=true}.
 */
public final class JsonServerTestServer {
  private static final Path ENV_FILE = Path.of("/tmp/c8kit-jsonserver/env");
  private static final Pattern URL = Pattern.compile("C8KIT_JSONSERVER_URL=(\\S+)");

  private JsonServerTestServer() {}

  /** The server's base URL, e.g. {@code http://127.0.0.1:54340}. */
  public static String url() {
    String url = System.getenv("C8KIT_JSONSERVER_URL");
    if (url == null && Files.isReadable(ENV_FILE)) {
      try {
        Matcher m = URL.matcher(Files.readString(ENV_FILE));
        url = m.find() ? m.group(1) : null;
      } catch (IOException e) {
        url = null;
      }
    }
    if (url == null) {
      unavailable(
          "C8KIT_JSONSERVER_URL is not set and "
              + ENV_FILE
              + " does not exist (run scripts/jsonserver-up.sh)");
    }
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/users?_limit=1")).build(),
                  HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        unavailable(url + " answers " + r.statusCode());
      }
    } catch (IOException | InterruptedException e) {
      unavailable("cannot reach " + url + ": " + e);
    }
    return url;
  }

  /** The number of records of a collection, from json-server's X-Total-Count. */
  public static long count(String url, String path) throws Exception {
    HttpResponse<Void> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(url + path + (path.contains("?") ? "&" : "?") + "_limit=1"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("json-server is required under CI=true: " + why);
    }
    Assumptions.abort("json-server not available: " + why);
  }
}
