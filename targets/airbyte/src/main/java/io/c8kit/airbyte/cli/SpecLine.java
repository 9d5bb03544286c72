package io.c8kit.airbyte.cli;

import io.c8kit.airbyte.cli.CompactJson.Decline;
import io.c8kit.protocol.DestinationSyncMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@code spec} command's SPEC line straight from the generated spec resource with a
 * small strict JSON reader of its own ({@link CompactJson}), so that {@code spec} does not pay for
 * picocli, the ObjectMapper and the protocol POJO serializers (about 0.5 s of start-up;
 * benchmarks/FINDINGS.md, finding 1), nor for jackson-core's ~80 classes (about 50 ms of CPU:
 * benchmarks/results/startup.md).
 *
 * <p>The line is byte for byte what the full CLI writes for the same resource: top-level fields in
 * {@code ConnectorSpecification}'s property order, then unknown ones in resource order, nested
 * values as in the resource, floats as the mapper's BigDecimals. Anything this cannot reproduce
 * exactly (a top-level null, a duplicate key, a field of the wrong type, an unknown sync mode,
 * trailing content) makes it decline, and the full CLI then reports the resource as it always does.
 */
public final class SpecLine {
  /**
   * {@code ConnectorSpecification}'s {@code @JsonPropertyOrder}; a test keeps the two equal
   * (reading the annotation here would cost the start-up this class exists to save).
   */
  static final List<String> ORDER =
      List.of(
          "documentationUrl",
          "changelogUrl",
          "connectionSpecification",
          "supportsIncremental",
          "supportsNormalization",
          "supportsDBT",
          "supported_destination_sync_modes",
          "authSpecification",
          "advanced_auth",
          "protocol_version");

  private static final Set<String> STRINGS =
      Set.of("documentationUrl", "changelogUrl", "protocol_version");
  private static final Set<String> BOOLEANS =
      Set.of("supportsIncremental", "supportsNormalization", "supportsDBT");
  private static final Set<String> OBJECTS =
      Set.of("connectionSpecification", "authSpecification", "advanced_auth");

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
      return Optional.of(line(new CompactJson(text)).getBytes(StandardCharsets.UTF_8));
    } catch (Decline e) {
      return Optional.empty();
    }
  }

  private SpecLine() {}

  /**
   * The line: top-level fields in protocol order, then unknown ones in resource order, every value
   * as the mapper writes it (compact, its escapes, floats as BigDecimal, integers as numbers).
   */
  private static String line(CompactJson json) throws Decline {
    json.skipSpace();
    json.expect('{');
    Map<String, String> fields = new LinkedHashMap<>();
    json.skipSpace();
    if (!json.peek('}')) {
      do {
        json.skipSpace();
        String name = json.string();
        json.skipSpace();
        json.expect(':');
        json.skipSpace();
        char first = json.current();
        if (fields.containsKey(name) || !expectedType(name, first)) {
          throw new Decline();
        }
        StringBuilder value = new StringBuilder();
        if (name.equals("supported_destination_sync_modes")) {
          modes(json, value);
        } else {
          json.value(value);
        }
        fields.put(name, value.toString());
        json.skipSpace();
      } while (json.next(','));
    }
    json.expect('}');
    json.skipSpace();
    if (!json.atEnd() || !fields.containsKey("connectionSpecification")) {
      throw new Decline(); // trailing content, or not a specification
    }
    StringBuilder line =
        new StringBuilder(json.length() + 32).append("{\"type\":\"SPEC\",\"spec\":{");
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
    CompactJson.quote(name, line);
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

  private static void modes(CompactJson json, StringBuilder out) throws Decline {
    json.expect('[');
    out.append('[');
    json.skipSpace();
    if (!json.peek(']')) {
      do {
        json.skipSpace();
        String mode = json.string();
        if (!isMode(mode)) {
          throw new Decline();
        }
        if (out.length() > 1) {
          out.append(',');
        }
        CompactJson.quote(mode, out);
        json.skipSpace();
      } while (json.next(','));
    }
    json.expect(']');
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
}
