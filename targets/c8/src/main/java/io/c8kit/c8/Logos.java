package io.c8kit.c8;

import io.c8kit.runtime.Log;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code @Source(logo)}/{@code @Destination(logo)} into what C8 expects from {@code logo()}:
 * a {@code data:} URI, read from the connector's class path when the annotation names a resource.
 */
final class Logos {
  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "svg",
          "image/svg+xml",
          "png",
          "image/png",
          "jpg",
          "image/jpeg",
          "jpeg",
          "image/jpeg",
          "gif",
          "image/gif",
          "webp",
          "image/webp");

  private Logos() {}

  /** The data URI for {@code logo}, or {@code ""} when there is none or the resource is missing. */
  static String dataUri(String logo, Class<?> owner) {
    if (logo == null || logo.isBlank()) {
      return "";
    }
    if (logo.startsWith("data:")) {
      return logo;
    }
    String path = logo.startsWith("/") ? logo.substring(1) : logo;
    ClassLoader loader = owner.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(path)) {
      if (in == null) {
        Log.warn("logo resource " + path + " is not on the class path; logo() returns \"\"");
        return "";
      }
      return "data:"
          + mediaType(path)
          + ";base64,"
          + Base64.getEncoder().encodeToString(in.readAllBytes());
    } catch (IOException e) {
      Log.warn("cannot read logo resource " + path + ": " + e.getMessage());
      return "";
    }
  }

  private static String mediaType(String path) {
    int dot = path.lastIndexOf('.');
    String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MEDIA_TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
