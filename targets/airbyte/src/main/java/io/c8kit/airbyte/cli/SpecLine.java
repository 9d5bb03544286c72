package io.c8kit.airbyte.cli;

import io.c8kit.protocol.DestinationSyncMode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@code spec} command's SPEC line straight from the generated spec resource with a small
 * strict JSON reader of its own, so that {@code spec} does not pay for picocli, the ObjectMapper and
 * the protocol POJO serializers (about 0.5 s of start-up; benchmarks/FINDINGS.md, finding 1), nor for
 * jackson-core's ~80 classes (about 50 ms of CPU: benchmarks/results/startup.md).
 *
 * <p>The line is byte for byte what the full CLI writes for the same resource: top-level fields in
 * {@code ConnectorSpecification}'s property order, then unknown ones in resource order, nested values
 * as in the resource, floats as the mapper's BigDecimals. Anything this cannot reproduce exactly (a
 * top-level null, a duplicate key, a field of the wrong type, an unknown sync mode, trailing content)
 * makes it decline, and the full CLI then reports the resource as it always does.
 */
public final class SpecLine {
  /**
   * {@code ConnectorSpecification}'s {@code @JsonPropertyOrder}; a test keeps the two equal (reading
   * the annotation here would cost the start-up this class exists to save).
   */
  static final List<String> ORDER = List.of(
      "documentationUrl", "changelogUrl", "connectionSpecification", "supportsIncremental",
      "supportsNormalization", "supportsDBT", "supported_destination_sync_modes", "authSpecification",
      "advanced_auth", "protocol_version");

  private static final Set<String> STRINGS =
      Set.of("documentationUrl", "changelogUrl", "protocol_version");
  private static final Set<String> BOOLEANS =
      Set.of("supportsIncremental", "supportsNormalization", "supportsDBT");
  private static final Set<String> OBJECTS =
      Set.of("connectionSpecification", "authSpecification", "advanced_auth");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** True when {@code args} is exactly {@code spec} or {@code --spec}. */
  public static boolean requested(String[] args) {
    return args != null && args.length == 1 && ("spec".equals(args[0]) || "--spec".equals(args[0]));
  }

  /**
   * The SPEC line for the resource {@code absolutePath} next to {@code anchor}, or empty when the
   * resource is missing or unreadable or this class cannot reproduce the full CLI's line for it.
   */
  public static Optional<byte[]> of(Class<?> anchor, String absolutePath) {
    byte[] resource;
    try (InputStream in = anchor.getResourceAsStream(absolutePath)) {
      if (in == null) {
        return Optional.empty();
      }
      resource = in.readAllBytes();
    } catch (IOException e) {
      return Optional.empty();
    }
    return render(resource);
  }

  /** The SPEC line for a spec resource's bytes, or empty (see {@link #of}). */
  static Optional<byte[]> render(byte[] resource) {
    String text = new String(resource, StandardCharsets.UTF_8);
    if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), resource)) {
      return Optional.empty(); // not UTF-8: the full CLI reports it
    }
    try {
      return Optional.of(new SpecLine(text).line().getBytes(StandardCharsets.UTF_8));
    } catch (Decline e) {
      return Optional.empty();
    }
  }

  /** Thrown where the full CLI would write something else or fail; the fast path then declines. */
  private static final class Decline extends Exception {
    private static final long serialVersionUID = 1L;

    Decline() {
      super(null, null, false, false);
    }
  }

  private final String in;
  private int at;

  private SpecLine(String in) {
    this.in = in;
  }

  /**
   * The line: top-level fields in protocol order, then unknown ones in resource order, every value
   * as the mapper writes it (compact, its escapes, floats as BigDecimal, integers as numbers).
   */
  private String line() throws Decline {
    skipSpace();
    expect('{');
    Map<String, String> fields = new LinkedHashMap<>();
    skipSpace();
    if (!peek('}')) {
      do {
        skipSpace();
        String name = string();
        skipSpace();
        expect(':');
        skipSpace();
        char first = at < in.length() ? in.charAt(at) : 0;
        if (fields.containsKey(name) || !expectedType(name, first)) {
          throw new Decline();
        }
        StringBuilder value = new StringBuilder();
        if (name.equals("supported_destination_sync_modes")) {
          modes(value);
        } else {
          value(value);
        }
        fields.put(name, value.toString());
        skipSpace();
      } while (next(','));
    }
    expect('}');
    skipSpace();
    if (at != in.length() || !fields.containsKey("connectionSpecification")) {
      throw new Decline(); // trailing content, or not a specification
    }
    StringBuilder line = new StringBuilder(in.length() + 32).append("{\"type\":\"SPEC\",\"spec\":{");
    boolean first = true;
    for (String name : ORDER) {
      first = append(line, name, fields.remove(name), first);
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      first = append(line, e.getKey(), e.getValue(), first);
    }
    return line.append("}}\n").toString();
  }

  private static boolean append(StringBuilder line, String name, String value, boolean first)
      throws Decline {
    if (value == null) {
      return first;
    }
    if (!first) {
      line.append(',');
    }
    quote(name, line);
    line.append(':').append(value);
    return false;
  }

  /**
   * Whether the full CLI would write this top-level value as it is: a null would be dropped (or
   * become a NullNode), and a value of another type would be coerced or rejected.
   */
  private static boolean expectedType(String name, char first) {
    if (first == 'n') {
      return false;
    }
    if (STRINGS.contains(name)) {
      return first == '"';
    }
    if (BOOLEANS.contains(name)) {
      return first == 't' || first == 'f';
    }
    if (OBJECTS.contains(name)) {
      return first == '{';
    }
    if (name.equals("supported_destination_sync_modes")) {
      return first == '[';
    }
    return true; // unknown fields are kept as JSON trees
  }

  private void modes(StringBuilder out) throws Decline {
    expect('[');
    out.append('[');
    skipSpace();
    if (!peek(']')) {
      do {
        skipSpace();
        String mode = string();
        if (!isMode(mode)) {
          throw new Decline();
        }
        if (out.length() > 1) {
          out.append(',');
        }
        quote(mode, out);
        skipSpace();
      } while (next(','));
    }
    expect(']');
    out.append(']');
  }

  private static boolean isMode(String wire) {
    for (DestinationSyncMode mode : DestinationSyncMode.values()) {
      if (mode.wire().equals(wire)) {
        return true;
      }
    }
    return false;
  }

  /** Copies one value; a duplicate key declines (the tree keeps only the last one). */
  private void value(StringBuilder out) throws Decline {
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
  private String string() throws Decline {
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
   * {@code \b \t \n \f \r}, a {@code \}{@code uXXXX} escape for the other control characters
   * and for surrogates (the mapper does not combine a pair into one UTF-8 sequence), everything else
   * as it is.
   */
  private static void quote(String s, StringBuilder out) throws Decline {
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
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void skipSpace() {
    while (at < in.length()) {
      char c = in.charAt(at);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private boolean peek(char c) {
    return at < in.length() && in.charAt(at) == c;
  }

  private boolean next(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) throws Decline {
    if (!next(c)) {
      throw new Decline();
    }
  }
}
