package io.c8kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the toolkit may show of URLs, bodies and headers; and Retry-After parsing. */
class MaskingTest {
  @Test
  void credentialQueryParametersUserInfoAndRegisteredValuesAreMasked() {
    Masking m = new Masking();
    m.register("path-secret-1");
    assertEquals(
        "https://****@api.test:8443/v1/path-****/x?api_key=****&page=2&client_secret=****"
            + "&AccessToken=****&sig=****&q=ok",
        m.url(
            URI.create(
                "https://user:pw@api.test:8443/v1/path-path-secret-1/x?api_key=k1&page=2"
                    + "&client_secret=s&AccessToken=t&sig=z&q=ok")));
    assertEquals("http://h/p", m.url(URI.create("http://h/p")));
  }

  @Test
  void bodyExcerptsAreMaskedSingleLineAndShort() {
    Masking m = new Masking();
    m.register("tok-9876");
    assertEquals(
        "{\"a\": \"****\", \"b\": 1}", m.excerpt("{\"a\": \"tok-9876\",\n  \"b\": 1}".getBytes()));
    assertEquals(301, m.excerpt("x".repeat(1000).getBytes()).length());
    assertEquals("(empty body)", m.excerpt(new byte[0]));
  }

  @Test
  void multiLineCredentialsAreMaskedLineByLineToo() {
    Masking m = new Masking();
    m.register("-----BEGIN-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\n-----END-----");
    assertEquals("key ****", m.text("key MIIEvQIBADANBgkqhkiG9w0BAQEF"));
  }

  @Test
  void retryAfterReadsSecondsAndHttpDates() {
    Instant now = Instant.parse("2024-06-01T12:00:00Z");
    assertEquals(Duration.ofSeconds(120), RetryAfter.parse(" 120 ", now));
    assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sat, 01 Jun 2024 12:00:30 GMT", now));
    assertEquals(Duration.ZERO, RetryAfter.parse("Sat, 01 Jun 2024 11:00:00 GMT", now));
    assertNull(RetryAfter.parse("soon", now));
    assertNull(RetryAfter.parse(null, now));
  }
}
