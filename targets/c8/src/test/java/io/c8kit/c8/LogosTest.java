package io.c8kit.c8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LogosTest {
  @Test
  void dataUriPassesThrough() {
    assertEquals(
        "data:image/png;base64,AAAA", Logos.dataUri("data:image/png;base64,AAAA", getClass()));
  }

  @Test
  void resourceIsReadAndEncodedWithItsMediaType() {
    String uri = Logos.dataUri("/io/c8kit/c8/logo.svg", getClass());
    String prefix = "data:image/svg+xml;base64,";
    assertEquals(prefix, uri.substring(0, prefix.length()));
    assertEquals(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        new String(
            Base64.getDecoder().decode(uri.substring(prefix.length())), StandardCharsets.UTF_8));
  }

  @Test
  void missingOrEmptyLogoIsEmpty() {
    assertEquals("", Logos.dataUri("", getClass()));
    assertEquals("", Logos.dataUri("nope/missing.png", getClass()));
  }
}
