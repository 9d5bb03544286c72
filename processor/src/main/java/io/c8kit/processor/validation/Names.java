package io.c8kit.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Name conventions of the DSL: JSON names are snake_case, UI titles are Title Case. */
final class Names {
  private Names() {}

  static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  static final Pattern DOCKER_REPOSITORY = Pattern.compile("[a-z0-9]+([._/-][a-z0-9]+)*");
  static final Pattern STREAM_NAME = Pattern.compile("[A-Za-z0-9_]+");
  static final Pattern RESOURCE_PATH = Pattern.compile("/?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  /** Splits camelCase, PascalCase, snake_case and kebab-case into lower-case words. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == ' ' || c == '.') {
        flush(words, word);
        continue;
      }
      if (Character.isUpperCase(c) && word.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        // "URLPath" splits before "P" (upper followed by lower); "updatedAt" before "A".
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(words, word);
        }
      }
      word.append(Character.toLowerCase(c));
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /** {@code updatedAt} gives {@code updated_at}. */
  static String snake(String name) {
    return String.join("_", words(name));
  }

  /** {@code recordsPerSlice} gives {@code Records Per Slice}. */
  static String title(String name) {
    List<String> out = new ArrayList<>();
    for (String w : words(name)) {
      out.add(w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
    }
    return String.join(" ", out);
  }

  static boolean isHttpUrl(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      return uri.isAbsolute()
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && !uri.getHost().isEmpty();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
