package io.c8kit.jdbc;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The {@code BigDecimal} of a JSON decimal number token, built from its digits as an unscaled long
 * and a scale when it is plain ({@code -12.50}: no exponent, at most 18 digits), which is most of
 * them; the parser's own conversion (through a {@code String}) for the others. Both give the same
 * value and scale, as {@code new BigDecimal(text)}.
 */
final class PlainDecimals {
  private PlainDecimals() {}

  /** The value of the parser's current {@code VALUE_NUMBER_FLOAT} token. */
  static BigDecimal of(JsonParser p) throws IOException {
    BigDecimal plain = plain(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    return plain != null ? plain : p.getDecimalValue();
  }

  /** {@code [-]digits[.digits]} with at most 18 digits, or {@code null} for any other text. */
  static BigDecimal plain(char[] c, int off, int len) {
    int end = off + len;
    int i = off;
    boolean negative = i < end && c[i] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (++digits > 18) {
          return null;
        }
        unscaled = unscaled * 10 + (ch - '0');
        if (point) {
          scale++;
        }
      } else if (ch == '.' && !point) {
        point = true;
      } else {
        return null;
      }
    }
    if (digits == 0 || (point && scale == 0)) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }
}
