package io.c8kit.jdbc;

/**
 * Tells whether the UTF-8 bytes of a syntactically valid JSON value are already the text its tree
 * would print ({@code JsonNode.toString()}), so that a JSON column can take them as they are: no
 * whitespace, no escape sequence, integers other than {@code -0}, no decimal numbers (a tree holds
 * them as {@code BigDecimal}s, which print {@code 1e3} as {@code 1E+3}), no control or DEL
 * characters, and well-formed UTF-8 (no overlong forms, no surrogates). Anything else answers false
 * and is written through the generator. Repeated keys are not seen here: the caller checks them.
 */
final class CompactJsonBytes {
  private CompactJsonBytes() {}

  /** True when {@code b[from, to)} prints as itself. */
  static boolean printsAsItself(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c == '"') {
        i = string(b, i + 1, to);
        if (i < 0) {
          return false;
        }
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (c == '-' && (i + 1 >= to || b[i + 1] == '0')) {
          return false; // -0 prints as 0 (and -0.x is a decimal)
        }
        i++;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
          i++;
        }
        if (i < to && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
          return false;
        }
      } else if (c == '{'
          || c == '}'
          || c == '['
          || c == ']'
          || c == ','
          || c == ':'
          || (c >= 'a' && c <= 'z')) {
        i++; // structure, and the letters of true, false and null
      } else {
        return false; // whitespace
      }
    }
    return true;
  }

  /**
   * The index after the string's closing quote, or -1 when its bytes do not print as themselves.
   */
  private static int string(byte[] b, int i, int to) {
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' || c < 0x20 || c == 0x7F) {
        return -1;
      }
      if (c < 0x80) {
        i++;
        continue;
      }
      int n = utf8Sequence(b, i, to);
      if (n < 0) {
        return -1;
      }
      i += n;
    }
    return -1;
  }

  /** The length of the well-formed UTF-8 sequence at {@code i}, or -1. */
  private static int utf8Sequence(byte[] b, int i, int to) {
    int c = b[i] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      return continuation(b, i + 1, to, 0x80, 0xBF) ? 2 : -1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      int lo = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
      int hi = c == 0xED ? 0x9F : 0xBF; // no surrogates
      return continuation(b, i + 1, to, lo, hi) && continuation(b, i + 2, to, 0x80, 0xBF) ? 3 : -1;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      int lo = c == 0xF0 ? 0x90 : 0x80;
      int hi = c == 0xF4 ? 0x8F : 0xBF; // up to U+10FFFF
      return continuation(b, i + 1, to, lo, hi)
              && continuation(b, i + 2, to, 0x80, 0xBF)
              && continuation(b, i + 3, to, 0x80, 0xBF)
          ? 4
          : -1;
    }
    return -1;
  }

  private static boolean continuation(byte[] b, int i, int to, int lo, int hi) {
    if (i >= to) {
      return false;
    }
    int c = b[i] & 0xFF;
    return c >= lo && c <= hi;
  }
}
