package io.c8kit.c8;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ValidationException;
import io.c8kit.runtime.handwritten.HandwrittenSource;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.secrets.SecretFuzz;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The C8 channel of the secret fuzz: a failing {@code validate}'s ValidationException, its message
 * and its whole cause chain, never show a secret of the config in any shape ({@link SecretFuzz}).
 */
class C8SecretFuzzTest {
  @Test
  void randomSecretsNeverLeakThroughValidate() throws Exception {
    C8SourceAdapter<?> source = new C8SourceAdapter<>(new HandwrittenSource());
    for (String secret : SecretFuzz.secrets(60)) {
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("host", "db");
      config.put("api_key", secret);
      config.put("behavior", "fuzz");
      ValidationException e =
          assertThrows(ValidationException.class, () -> source.validate(config));
      // the check itself ran and failed with the secret in its message (not an earlier config
      // problem)
      assertTrue(e.getMessage().contains("failed for ****"), e::getMessage);
      SecretFuzz.assertClean(
          "C8 validate", secret, List.of(String.valueOf(e.getMessage()), LogRouting.stackTrace(e)));
    }
  }
}
