package io.c8kit.airbyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.airbyte.handwritten.Cli;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import io.c8kit.runtime.secrets.SecretFuzz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret fuzzing: many random secrets — line breaks of every kind (\n, \r, \r\n, U+2028, U+2029),
 * quotes, backslashes, control characters, non-ASCII and astral characters, regex metacharacters —
 * through every channel: LOG messages and their stack traces (JUL, SLF4J, println), TRACE error
 * message, internal message and stack trace, stderr and the CONNECTION_STATUS message (the C8
 * target fuzzes its ValidationException in its own tests). Neither the secret, nor any of its lines
 * of at least four characters, nor their JSON-escaped forms may appear anywhere ({@link
 * SecretFuzz}).
 */
class SecretFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  @TempDir Path dir;

  @Test
  void randomSecretsNeverLeakThroughAnyChannel() throws Exception {
    List<String> secrets = SecretFuzz.secrets(60);
    HandwrittenSource source = new HandwrittenSource();
    int n = 0;
    for (String secret : secrets) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("host", "db");
      config.put("api_key", secret);
      config.put("behavior", "fuzz");
      String file =
          Cli.write(dir, "config" + (n++) + ".json", JSON.writeValueAsString(config)).toString();

      Cli.Result check = Cli.run(source, "check", "--config", file);
      JsonNode status = check.only("CONNECTION_STATUS").path("connectionStatus");
      assertEquals("FAILED", status.path("status").asText());
      // the check itself ran and failed with the secret in its message (not an earlier config
      // problem)
      assertTrue(status.path("message").asText().contains("failed for ****"), status::toString);
      assertTrue(check.stderr().contains("stderr sees ****"), check::stderr);
      SecretFuzz.assertClean("check", secret, texts(check));

      Cli.Result discover = Cli.run(source, "discover", "--config", file);
      assertEquals(1, discover.code(), discover.stdout());
      assertTrue(
          discover.onlyError().path("message").asText().contains("failed for ****"),
          discover::stdout);
      SecretFuzz.assertClean("discover", secret, texts(discover));
    }
  }
}
