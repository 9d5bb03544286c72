package io.c8kit.singer;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * Floating-point numbers as Python's {@code repr} (and so {@code json.dumps}) writes them: the
 * shortest digits that read back to the same value, in positional notation for decimal exponents
 * from -4 to 15 ({@code 10000000000.0}, {@code 0.0001}) and in scientific notation with a signed,
 * at least two-digit exponent otherwise ({@code 1e+16}, {@code 1.5e-05}); Java writes {@code
 * 1.0E10} and {@code 1.5E-5}.
 */
final class PythonFloats {
  private PythonFloats() {}

  /** {@code repr(value)} of a finite double. */
  static String repr(double value) {
    if (Math.abs(value) == Double.MIN_VALUE) {
      // Java keeps the historical 4.9E-324 here; 5e-324 reads back the same and is shorter
      return value < 0 ? "-5e-324" : "5e-324";
    }
    return fromJava(DoubleToDecimal.toString(value));
  }

  /** A float's shortest digits (as Java writes {@code 1.1f}: {@code 1.1}) in Python's notation. */
  static String repr(float value) {
    return fromJava(FloatToDecimal.toString(value));
  }

  /**
   * Rewrites Java's shortest form ({@code -12.5}, {@code 1.0E10}, {@code 1.5E-5}) in Python's
   * notation.
   */
  static String fromJava(String java) {
    boolean negative = java.charAt(0) == '-';
    int start = negative ? 1 : 0;
    int e = java.indexOf('E');
    String mantissa = e < 0 ? java.substring(start) : java.substring(start, e);
    int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
    int point = mantissa.indexOf('.');
    String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
    // the value is 0.digits × 10^(pointAt); strip leading zeros, moving the point with them
    int pointAt = point + exponent;
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
      pointAt--;
    }
    digits = digits.substring(first);
    int last = digits.length();
    while (last > 1 && digits.charAt(last - 1) == '0') {
      last--;
    }
    digits = digits.substring(0, last);
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (negative) {
      out.append('-');
    }
    if (digits.equals("0")) {
      return out.append("0.0").toString();
    }
    int scientific = pointAt - 1; // the exponent of d.ddd
    if (scientific < -4 || scientific >= 16) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(scientific < 0 ? '-' : '+');
      int abs = Math.abs(scientific);
      if (abs < 10) {
        out.append('0');
      }
      return out.append(abs).toString();
    }
    if (pointAt <= 0) {
      out.append("0.");
      for (int i = pointAt; i < 0; i++) {
        out.append('0');
      }
      return out.append(digits).toString();
    }
    if (pointAt >= digits.length()) {
      out.append(digits);
      for (int i = digits.length(); i < pointAt; i++) {
        out.append('0');
      }
      return out.append(".0").toString();
    }
    return out.append(digits, 0, pointAt)
        .append('.')
        .append(digits, pointAt, digits.length())
        .toString();
  }
}
