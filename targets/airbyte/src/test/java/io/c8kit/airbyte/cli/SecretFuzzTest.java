package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.ValidationException;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import io.c8kit.runtime.output.LogRouting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret fuzzing: many random secrets — line breaks of every kind (\n, \r, \r\n, U+2028, U+2029),
 * quotes, backslashes, control characters, non-ASCII and astral characters, regex metacharacters —
 * through every channel: LOG messages and their stack traces (JUL, SLF4J, println), TRACE error
 * message, internal message and stack trace, stderr, the CONNECTION_STATUS message and the C8
 * ValidationException with its cause chain. Neither the secret, nor any of its lines of at least
 * four characters, nor their JSON-escaped forms may appear anywhere.
 */
class SecretFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper ASCII = new ObjectMapper();

  static {
    ASCII.getFactory().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  }

  private static final String[] PIECES = {
      "\n", "\r", "\r\n", "\u2028", "\u2029", " ", "\t", "\"", "\\", "\\n", "'", ".*", "+?", "[a-z]", "(x)", "{1}",
      "|", "^", "$", "é", "中文", "😀", "\u0001", "\u007f", "/", "%s", "{}"};

  static String randomSecret(Random random) {
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
  static Set<String> forbidden(String secret) throws Exception {
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

  /** The texts of a run: stderr, raw stdout and every decoded string in every stdout message. */
  static List<String> texts(Cli.Result r) {
    List<String> texts = new ArrayList<>(List.of(r.stdout(), r.stderr()));
    for (JsonNode m : r.messages()) {
      collect(m, texts);
    }
    return texts;
  }

  private static void collect(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.textValue());
    }
    n.forEach(child -> collect(child, out));
  }

  static void assertClean(String label, String secret, List<String> texts) throws Exception {
    for (String form : forbidden(secret)) {
      for (String text : texts) {
        assertFalse(text.contains(form), () -> label + ": secret " + JSON.valueToTree(secret) + " leaks as "
            + JSON.valueToTree(form) + " in:\n" + text);
      }
    }
  }

  @TempDir Path dir;

  @Test
  void randomSecretsNeverLeakThroughAnyChannel() throws Exception {
    Random random = new Random(20261205L);
    List<String> secrets = new ArrayList<>(List.of(
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n",
        "\u2028lead and trail\u2029", "one\u2028two\u2029three", "pw\"with\\quotes\"", "a\r\nb\rcccc\ndddd"));
    for (int i = 0; i < 60; i++) {
      secrets.add(randomSecret(random));
    }
    HandwrittenSource source = new HandwrittenSource();
    int n = 0;
    for (String secret : secrets) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("host", "db");
      config.put("api_key", secret);
      config.put("behavior", "fuzz");
      String file = Cli.write(dir, "config" + (n++) + ".json", JSON.writeValueAsString(config)).toString();

      Cli.Result check = Cli.run(source, "check", "--config", file);
      JsonNode status = check.only("CONNECTION_STATUS").path("connectionStatus");
      assertEquals("FAILED", status.path("status").asText());
      // the check itself ran and failed with the secret in its message (not an earlier config problem)
      assertTrue(status.path("message").asText().contains("failed for ****"), status::toString);
      assertTrue(check.stderr().contains("stderr sees ****"), check::stderr);
      assertClean("check", secret, texts(check));

      Cli.Result discover = Cli.run(source, "discover", "--config", file);
      assertEquals(1, discover.code(), discover.stdout());
      assertTrue(discover.onlyError().path("message").asText().contains("failed for ****"), discover::stdout);
      assertClean("discover", secret, texts(discover));

      ValidationException e = assertThrows(ValidationException.class, () -> source.validate(config));
      assertTrue(e.getMessage().contains("failed for ****"), e::getMessage);
      assertClean("C8 validate", secret, List.of(String.valueOf(e.getMessage()), LogRouting.stackTrace(e)));
    }
  }
}
