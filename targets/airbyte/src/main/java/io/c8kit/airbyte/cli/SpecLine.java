package io.c8kit.airbyte.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.c8kit.protocol.DestinationSyncMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@code spec} command's SPEC line straight from the generated spec resource with
 * jackson-core alone, so that {@code spec} does not pay for picocli, the ObjectMapper and the
 * protocol POJO serializers (about 0.5 s of start-up; benchmarks/FINDINGS.md, finding 1).
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

  private static final byte[] PREFIX = "{\"type\":\"SPEC\",\"spec\":{".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SUFFIX = "}}\n".getBytes(StandardCharsets.UTF_8);

  private SpecLine() {}

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
    JsonFactory factory = new JsonFactory();
    Map<String, byte[]> fields = new LinkedHashMap<>();
    try (JsonParser p = factory.createParser(resource)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (fields.containsKey(name) || !expectedType(name, value)) {
          return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
          if (name.equals("supported_destination_sync_modes") ? !copyModes(p, g) : !copy(p, g)) {
            return Optional.empty();
          }
        }
        fields.put(name, bytes.toByteArray());
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null
          || !fields.containsKey("connectionSpecification")) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the full CLI reports it
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream(resource.length + 64);
    line.writeBytes(PREFIX);
    boolean first = true;
    for (String name : ORDER) {
      first = append(line, factory, name, fields.remove(name), first);
    }
    for (Map.Entry<String, byte[]> e : fields.entrySet()) {
      first = append(line, factory, e.getKey(), e.getValue(), first);
    }
    line.writeBytes(SUFFIX);
    return Optional.of(line.toByteArray());
  }

  /**
   * Whether the full CLI would write this top-level value as it is: a null would be dropped (or
   * become a NullNode), and a value of another type would be coerced or rejected.
   */
  private static boolean expectedType(String name, JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return false;
    }
    if (STRINGS.contains(name)) {
      return value == JsonToken.VALUE_STRING;
    }
    if (BOOLEANS.contains(name)) {
      return value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
    }
    if (OBJECTS.contains(name)) {
      return value == JsonToken.START_OBJECT;
    }
    if (name.equals("supported_destination_sync_modes")) {
      return value == JsonToken.START_ARRAY;
    }
    return true; // unknown fields are kept as JSON trees
  }

  private static boolean copyModes(JsonParser p, JsonGenerator g) throws IOException {
    g.writeStartArray();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_STRING || !isMode(p.getText())) {
        return false;
      }
      g.writeString(p.getText());
    }
    g.writeEndArray();
    return true;
  }

  private static boolean isMode(String wire) {
    for (DestinationSyncMode mode : DestinationSyncMode.values()) {
      if (mode.wire().equals(wire)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies the current value, as the mapper's tree would write it: floats as BigDecimal, and false
   * on a duplicate key (the tree keeps only the last one, at the first one's place).
   */
  private static boolean copy(JsonParser p, JsonGenerator g) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        g.writeStartObject();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (!seen.add(name)) {
            return false;
          }
          g.writeFieldName(name);
          p.nextToken();
          if (!copy(p, g)) {
            return false;
          }
        }
        g.writeEndObject();
      }
      case START_ARRAY -> {
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (!copy(p, g)) {
            return false;
          }
        }
        g.writeEndArray();
      }
      case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDecimalValue());
      default -> g.copyCurrentEvent(p);
    }
    return true;
  }

  private static boolean append(ByteArrayOutputStream line, JsonFactory factory, String name,
      byte[] value, boolean first) {
    if (value == null) {
      return first;
    }
    if (!first) {
      line.write(',');
    }
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    try (JsonGenerator g = factory.createGenerator(key, JsonEncoding.UTF8)) {
      g.writeString(name);
    } catch (IOException e) {
      throw new IllegalStateException(e); // in-memory: cannot happen
    }
    line.writeBytes(key.toByteArray());
    line.write(':');
    line.writeBytes(value);
    return false;
  }
}
