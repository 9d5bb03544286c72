package io.c8kit.runtime.secrets;

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
    assertEquals(
        "****",
        m.mask("-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n" + "-----END KEY-----"));
  }

  @Test
  void everyLineBreakSplitsASecretIntoMaskedLinesOfFourCharactersOrMore() {
    SecretMasker m = new SecretMasker();
    m.register("ab\r\ncdef\u2028ghij\u2029klmno\u0085pq\rrstu");
    assertEquals("x ****|****|****|**** ab pq", m.mask("x cdef|ghij|klmno|rstu ab pq"));
    assertEquals("<****>", m.mask("<ab\r\ncdef\u2028ghij\u2029klmno\u0085pq\rrstu>"));
    assertEquals(
        "<****>", m.mask("<ab\ncdef\nghij\nklmno\npq\nrstu>"), "line breaks normalised to \\n");
    assertEquals(
        "<****>", m.mask("<ab cdef ghij klmno pq rstu>"), "line breaks normalised to spaces");
  }

  @Test
  void jsonEscapedShapesAreMasked() {
    SecretMasker m = new SecretMasker();
    m.register(" pa\"ss\\wörd\n\u2028line2 ");
    assertEquals("{\"k\":\"****\"}", m.mask("{\"k\":\" pa\\\"ss\\\\wörd\\n\u2028line2 \"}"));
    assertEquals("{\"k\":\"****\"}", m.mask("{\"k\":\" pa\\\"ss\\\\w\\u00F6rd\\n\\u2028line2 \"}"));
    assertEquals("{\"k\":\"****\"}", m.mask("{\"k\":\" pa\\\"ss\\\\w\\u00f6rd\\n\\u2028line2 \"}"));
    assertEquals("stripped: ****.", m.mask("stripped: pa\"ss\\wörd\n\u2028line2."));
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
