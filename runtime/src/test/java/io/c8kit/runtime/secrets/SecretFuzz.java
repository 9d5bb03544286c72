package io.c8kit.runtime.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Secret fuzzing shared by every target's tests (published in the runtime's test-jar): the secrets
 * to try and the check that none of their shapes — whole, stripped, each line of at least four
 * characters, JSON-escaped as UTF-8 or ASCII — appears in a text.
 */
public final class SecretFuzz {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper ASCII = new ObjectMapper();

  static {
    ASCII.getFactory().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  }

  /**
   * Pieces that have broken maskers: line breaks of every kind, quotes, escapes, regex syntax,
   * astral characters.
   */
  private static final String[] PIECES = {
    "\n", "\r", "\r\n", "\u2028", "\u2029", " ", "\t", "\"", "\\", "\\n", "'", ".*", "+?", "[a-z]",
    "(x)", "{1}", "|", "^", "$", "é", "中文", "😀", "\u0001", "\u007f", "/", "%s", "{}"
  };

  /** A random secret of 2 to 13 pieces, with at least four plain letters. */
  public static String randomSecret(Random random) {
    StringBuilder s = new StringBuilder();
    int parts = 2 + random.nextInt(12);
    int plain = 0;
    for (int i = 0; i < parts; i++) {
      if (random.nextInt(3) == 0) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      } else {
        int n = 1 + random.nextInt(12);
        for (int j = 0; j < n; j++) {
          s.append((char) ('A' + random.nextInt(26) + (random.nextBoolean() ? 32 : 0)));
          plain++;
        }
      }
    }
    if (plain < 4) {
      s.append("Zq9x");
    }
    return s.toString();
  }

  /** Every shape of {@code secret} that must not appear in a decoded message. */
  public static Set<String> forbidden(String secret) throws Exception {
    Set<String> plain = new LinkedHashSet<>();
    plain.add(secret);
    if (!secret.strip().isEmpty()) {
      plain.add(secret.strip());
    }
    for (String line : secret.split("\\R")) {
      if (line.strip().length() >= 4) {
        plain.add(line.strip());
      }
    }
    Set<String> all = new LinkedHashSet<>(plain);
    for (String p : plain) {
      String json = JSON.writeValueAsString(p);
      all.add(json.substring(1, json.length() - 1));
      String ascii = ASCII.writeValueAsString(p);
      all.add(ascii.substring(1, ascii.length() - 1));
    }
    return all;
  }

  /**
   * Secrets that broke maskers before: a PEM key, separators at the ends, quotes, every line break.
   */
  public static List<String> secrets(int random) {
    Random r = new Random(20261205L);
    List<String> secrets =
        new ArrayList<>(
            List.of(
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n",
                "\u2028lead and trail\u2029",
                "one\u2028two\u2029three",
                "pw\"with\\quotes\"",
                "a\r\nb\rcccc\ndddd"));
    for (int i = 0; i < random; i++) {
      secrets.add(randomSecret(r));
    }
    return secrets;
  }

  /** Fails when any shape of {@code secret} appears in any of {@code texts}. */
  public static void assertClean(String label, String secret, List<String> texts) throws Exception {
    for (String form : forbidden(secret)) {
      for (String text : texts) {
        assertFalse(
            text.contains(form),
            () ->
                label
                    + ": secret "
                    + JSON.valueToTree(secret)
                    + " leaks as "
                    + JSON.valueToTree(form)
                    + " in:\n"
                    + text);
      }
    }
  }

  private SecretFuzz() {}
}
