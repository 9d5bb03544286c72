package io.c8kit.benchmarks.proto;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PROTOTYPE of the proposed {@code spec} fast path (FINDINGS.md, finding 1): writes the SPEC line
 * straight from the generated {@code spec.json} resource with jackson-core's streaming parser and
 * generator, without picocli, the ObjectMapper, POJO (de)serializers or log routing — byte for byte
 * the line {@code ConnectorCli} writes today (top-level keys in {@code ConnectorSpecification}'s
 * property order, nested values as they are in the resource, floats as BigDecimal text, nulls left
 * out). The harness does not use it; {@code StartupPhases} and the README's before/after do.
 *
 * <p>Usage (class path: the connector jar, then this module's classes): {@code FastSpec
 * CONNECTOR_CLASS SPEC_RESOURCE [command…]}: when the command is {@code spec} or {@code --spec} it
 * prints the SPEC line without constructing the connector; otherwise it runs the connector's CLI as
 * the generated main does. With {@code FAST_SPEC_CONSTRUCT=1} it constructs the connector first, as a
 * fast path inside {@code ConnectorCli.main} (a runtime-only change) would have to.
 */
public final class FastSpec {
  /** {@code ConnectorSpecification}'s {@code @JsonPropertyOrder}. */
  static final List<String> ORDER = List.of(
      "documentationUrl", "changelogUrl", "connectionSpecification", "supportsIncremental",
      "supportsNormalization", "supportsDBT", "supported_destination_sync_modes", "authSpecification",
      "advanced_auth", "protocol_version");

  private FastSpec() {}

  public static void main(String[] args) throws Exception {
    String[] command = java.util.Arrays.copyOfRange(args, 2, args.length);
    if (command.length == 1 && (command[0].equals("spec") || command[0].equals("--spec"))) {
      if ("1".equals(System.getenv("FAST_SPEC_CONSTRUCT"))) {
        // the runtime-only variant: the generated main has constructed the connector already
        Class.forName(args[0]).getConstructor().newInstance();
      }
      OutputStream out = new FileOutputStream(FileDescriptor.out);
      try (InputStream in = FastSpec.class.getResourceAsStream(args[1])) {
        out.write(specLine(in.readAllBytes()));
      }
      out.flush();
      return;
    }
    io.c8kit.runtime.ConnectorCli.main(
        (io.c8kit.runtime.Connector<?>) Class.forName(args[0]).getConstructor().newInstance(), command);
  }

  /** {@code {"type":"SPEC","spec":{…}}\n} from the spec resource. */
  public static byte[] specLine(byte[] resource) throws IOException {
    JsonFactory factory = new JsonFactory();
    Map<String, byte[]> fields = new LinkedHashMap<>();
    try (JsonParser p = factory.createParser(resource)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("spec resource is not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
          fields.remove(name);
          continue;
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(value, JsonEncoding.UTF8)) {
          copy(p, g);
        }
        fields.put(name, value.toByteArray());
      }
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream(resource.length);
    line.writeBytes("{\"type\":\"SPEC\",\"spec\":{".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    boolean first = true;
    for (String name : ORDER) {
      first = field(line, name, fields.remove(name), first);
    }
    for (Map.Entry<String, byte[]> e : fields.entrySet()) {
      first = field(line, e.getKey(), e.getValue(), first);
    }
    line.writeBytes("}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return line.toByteArray();
  }

  private static boolean field(ByteArrayOutputStream line, String name, byte[] value, boolean first)
      throws IOException {
    if (value == null) {
      return first;
    }
    if (!first) {
      line.write(',');
    }
    ByteArrayOutputStream key = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(key, JsonEncoding.UTF8)) {
      g.writeString(name);
    }
    line.writeBytes(key.toByteArray());
    line.write(':');
    line.writeBytes(value);
    return false;
  }

  /** copyCurrentStructure, but floats as BigDecimal (the runtime reads trees with USE_BIG_DECIMAL_FOR_FLOATS). */
  private static void copy(JsonParser p, JsonGenerator g) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          g.writeFieldName(p.currentName());
          p.nextToken();
          copy(p, g);
        }
        g.writeEndObject();
      }
      case START_ARRAY -> {
        g.writeStartArray();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          copy(p, g);
        }
        g.writeEndArray();
      }
      case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDecimalValue());
      default -> g.copyCurrentEvent(p);
    }
  }
}
