package io.c8kit.runtime;

import java.math.BigDecimal;

/**
 * Formats a {@link BigDecimal} exactly as {@link BigDecimal#toString()} does, into a char array and
 * without the String in between, for the common case of a coefficient that fits in a long and a plain
 * (not scientific) notation: money and measures in nearly every record, where {@code toString()} and
 * Jackson's copy of its String cost more than the digits themselves (benchmarks/results/ser.md).
 */
final class DecimalText {
  /** Longest output: sign, {@code "0."} and a scale of at most 23 (18 digits and 5 zeros). */
  static final int MAX_LENGTH = 32;
  private static final long[] TEN_POWERS = new long[19];

  static {
    TEN_POWERS[0] = 1;
    for (int i = 1; i < TEN_POWERS.length; i++) {
      TEN_POWERS[i] = TEN_POWERS[i - 1] * 10;
    }
  }

  private DecimalText() {}

  /**
   * Writes {@code value} into {@code out} from index 0 and returns the length, or -1 (nothing
   * written) when {@code toString()} would use scientific notation or the coefficient needs more
   * than a long.
   */
  static int format(BigDecimal value, char[] out) {
    int scale = value.scale();
    // toString() is plain exactly when scale >= 0 and the adjusted exponent
    // (precision - 1 - scale) is at least -6; precision <= 18 keeps the coefficient in a long
    int precision = value.precision();
    if (scale < 0 || precision > 18 || precision - 1 - scale < -6) {
      return -1;
    }
    long unscaled = value.unscaledValue().longValue();
    int at = 0;
    if (unscaled < 0) {
      out[at++] = '-';
      unscaled = -unscaled;
    }
    int digits = precision; // the coefficient's digit count: 0 has precision 1
    if (scale == 0) {
      TimestampText.digits(out, at, unscaled, digits);
      return at + digits;
    }
    if (digits > scale) {
      int integerDigits = digits - scale;
      long pow = TEN_POWERS[scale];
      TimestampText.digits(out, at, unscaled / pow, integerDigits);
      at += integerDigits;
      out[at++] = '.';
      TimestampText.digits(out, at, unscaled % pow, scale);
      return at + scale;
    }
    out[at++] = '0';
    out[at++] = '.';
    // the scale's zero padding: digits <= scale here, so these are the leading zeros of the fraction
    TimestampText.digits(out, at, unscaled, scale);
    return at + scale;
  }
}
