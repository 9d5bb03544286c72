package io.c8kit.airbyte.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict JSON reader that writes each value back compactly, the way the protocol's ObjectMapper
 * writes the tree it would have read: its string escapes, floats as BigDecimal, integers as their
 * value. Whatever it cannot reproduce (not JSON, a duplicate key) throws {@link Decline}. It exists
 * so that {@link SpecLine} needs no Jackson class.
 */
final class CompactJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Not strict JSON, or JSON the mapper would write differently: the caller declines. */
  static final class Decline extends Exception {
    private static final long serialVersionUID = 1L;

    Decline() {
      super(null, null, false, false);
    }
  }

  private final String in;
  private int at;

  CompactJson(String in) {
    this.in = in;
  }

  /** The length of the text, for sizing buffers. */
  int length() {
    return in.length();
  }

  /** The character at the reading position, 0 at the end. */
  char current() {
    return at < in.length() ? in.charAt(at) : 0;
  }

  /** Whether everything has been read. */
  boolean atEnd() {
    return at == in.length();
  }

  /** Copies one value; a duplicate key declines (the tree keeps only the last one). */
  void value(StringBuilder out) throws Decline {
    if (at >= in.length()) {
      throw new Decline();
    }
    char c = in.charAt(at);
    if (c == '{') {
      at++;
      out.append('{');
      Set<String> seen = new HashSet<>();
      skipSpace();
      if (!peek('}')) {
        do {
          skipSpace();
          String name = string();
          if (!seen.add(name)) {
            throw new Decline();
          }
          if (seen.size() > 1) {
            out.append(',');
          }
          quote(name, out);
          skipSpace();
          expect(':');
          skipSpace();
          out.append(':');
          value(out);
          skipSpace();
        } while (next(','));
      }
      expect('}');
      out.append('}');
    } else if (c == '[') {
      at++;
      out.append('[');
      skipSpace();
      if (!peek(']')) {
        boolean first = true;
        do {
          skipSpace();
          if (!first) {
            out.append(',');
          }
          first = false;
          value(out);
          skipSpace();
        } while (next(','));
      }
      expect(']');
      out.append(']');
    } else if (c == '"') {
      quote(string(), out);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number(out);
    } else if (!literal("true", out) && !literal("false", out) && !literal("null", out)) {
      throw new Decline();
    }
  }

  private boolean literal(String word, StringBuilder out) {
    if (in.startsWith(word, at)) {
      at += word.length();
      out.append(word);
      return true;
    }
    return false;
  }

  /** A JSON number; integers as their value, floats as the mapper's BigDecimal writes them. */
  private void number(StringBuilder out) throws Decline {
    int start = at;
    next('-');
    if (!next('0')) {
      digits();
    }
    boolean floating = false;
    if (next('.')) {
      digits();
      floating = true;
    }
    if (next('e') || next('E')) {
      if (!next('+')) {
        next('-');
      }
      digits();
      floating = true;
    }
    String number = in.substring(start, at);
    out.append(floating ? new BigDecimal(number).toString() : new BigInteger(number).toString());
  }

  private void digits() throws Decline {
    int start = at;
    while (at < in.length() && in.charAt(at) >= '0' && in.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw new Decline();
    }
  }

  /** A JSON string, unescaped. */
  String string() throws Decline {
    expect('"');
    StringBuilder s = new StringBuilder();
    while (true) {
      if (at >= in.length()) {
        throw new Decline();
      }
      char c = in.charAt(at++);
      if (c == '"') {
        return s.toString();
      } else if (c < 0x20) {
        throw new Decline(); // a raw control character is not JSON
      } else if (c != '\\') {
        s.append(c);
      } else if (at >= in.length()) {
        throw new Decline();
      } else {
        char e = in.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> s.append(e);
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'u' -> s.append(hex4());
          default -> throw new Decline();
        }
      }
    }
  }

  private char hex4() throws Decline {
    if (at + 4 > in.length()) {
      throw new Decline();
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(in.charAt(at++), 16);
      if (digit < 0) {
        throw new Decline();
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }

  /**
   * Writes {@code s} quoted with the mapper's escapes: {@code \"}, {@code \\}, the short forms of
   * {@code \b \t \n \f \r}, a {@code \}{@code uXXXX} escape for the other control characters and
   * for surrogates (the mapper does not combine a pair into one UTF-8 sequence), everything else as
   * it is.
   */
  static void quote(String s, StringBuilder out) throws Decline {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  void skipSpace() {
    while (at < in.length()) {
      char c = in.charAt(at);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  boolean peek(char c) {
    return at < in.length() && in.charAt(at) == c;
  }

  boolean next(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  void expect(char c) throws Decline {
    if (!next(c)) {
      throw new Decline();
    }
  }
}
