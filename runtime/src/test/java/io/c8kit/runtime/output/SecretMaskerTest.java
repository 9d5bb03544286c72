package io.c8kit.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksLongestFirstAndIgnoresTinyValues() {
    SecretMasker m = new SecretMasker();
    assertTrue(m.isEmpty());
    m.registerAll(List.of("abc", "abcdef", "x", ""));
    assertEquals("key **** and ****, x", m.mask("key abcdef and abc, x"));
    assertNull(m.mask(null));
  }

  @Test
  void multiLineSecretsAlsoMaskTheirLines() {
    SecretMasker m = new SecretMasker();
    m.register("-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END KEY-----");
    assertEquals("line: ****", m.mask("line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
    assertEquals("****", m.mask("-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n"
        + "-----END KEY-----"));
  }

  @Test
  void registeringTwiceKeepsOneEntry() {
    SecretMasker m = new SecretMasker();
    m.register("secret1");
    m.register("secret1");
    assertEquals("****-****", m.mask("secret1-secret1"));
  }

  @Test
  void secretsRegisteredForTheProcessAreMaskedByEveryMaskerLongestFirst() {
    SecretMasker m = new SecretMasker();
    m.register("tok");
    try {
      io.c8kit.runtime.Log.registerSecret("tok-process-wide-123");
      assertEquals("a **** b ****", m.mask("a tok-process-wide-123 b tok"));
      assertEquals("c ****", new SecretMasker().mask("c tok-process-wide-123"));
      assertTrue(!new SecretMasker().isEmpty());
    } finally {
      SecretMasker.forgetProcessSecrets();
    }
    assertTrue(new SecretMasker().isEmpty());
  }
}
