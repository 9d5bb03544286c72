package io.c8kit.http;

import io.c8kit.runtime.Log;
import io.c8kit.runtime.secrets.SecretMasker;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Hides credentials in what the toolkit logs and throws: every credential value it knows (also
 * registered with the process's secret masker, so the runtime hides them everywhere), the values of
 * query parameters whose names say they carry a credential, and user info in URLs.
 */
final class Masking {
  private static final Set<String> SENSITIVE_PARAMS =
      Set.of(
          "key",
          "code",
          "sig",
          "signature",
          "auth",
          "authorization",
          "session",
          "sessionid",
          "pwd",
          "passwd");
  private static final String[] SENSITIVE_PARTS = {
    "token", "secret", "password", "apikey", "api_key", "api-key", "credential", "private"
  };

  private final SecretMasker masker = new SecretMasker();

  /** Masks {@code value} from now on, here and in everything the runtime writes. */
  void register(String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    masker.register(value);
    Log.registerSecret(value);
  }

  String text(String text) {
    return masker.mask(text);
  }

  static boolean sensitiveName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (SENSITIVE_PARAMS.contains(lower)) {
      return true;
    }
    for (String part : SENSITIVE_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  /** The URL as it may be shown: no user info, credential-like query values replaced by ****. */
  String url(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append("://");
    }
    if (uri.getRawUserInfo() != null) {
      out.append(SecretMasker.MASK).append('@');
    }
    if (uri.getHost() != null) {
      out.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      out.append(':').append(uri.getPort());
    }
    out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      out.append('?');
      String[] pairs = query.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        if (i > 0) {
          out.append('&');
        }
        int eq = pairs[i].indexOf('=');
        String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
        out.append(
            eq >= 0 && sensitiveName(Urls.decode(name))
                ? name + "=" + SecretMasker.MASK
                : pairs[i]);
      }
    }
    return text(out.toString());
  }

  /** A short, single-line, masked excerpt of a response body for error messages. */
  String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "(empty body)";
    }
    String text =
        new String(body, 0, Math.min(body.length, 600), java.nio.charset.StandardCharsets.UTF_8);
    text = text(text).replaceAll("\\s+", " ").strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
