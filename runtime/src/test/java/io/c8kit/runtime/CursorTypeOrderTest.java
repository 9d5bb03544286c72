package io.c8kit.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CursorTypeOrderTest {
  @Test
  void stringsOrderByCodePointLikeABinaryCollation() {
    // U+FFFD sorts before U+1F600 by code point; String.compareTo (UTF-16 units) says the opposite.
    assertTrue(CursorType.STRING.compare("\uFFFD", "\uD83D\uDE00") < 0);
    assertTrue(CursorType.STRING.compare("a", "ab") < 0);
    assertTrue(CursorType.STRING.compare("b", "ab") > 0);
    assertTrue(CursorType.STRING.compare("x\uD83D\uDE00", "x\uD83D\uDE00") == 0);
  }
}
