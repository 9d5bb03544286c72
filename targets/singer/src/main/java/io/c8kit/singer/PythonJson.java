package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it, the way singer-python prints messages
 * ({@code ", "} and {@code ": "} separators, non-ASCII escaped as lower-case {@code \\uXXXX}) and
 * catalogs ({@code indent=2}); so a c8kit tap's lines are byte-identical to a Python tap's for the
 * same values and can be diffed against them; floating-point numbers are written as Python's {@code
 * repr} writes them ({@link PythonFloats}).
 */
final class PythonJson {
  /**
   * Decimals as written: {@code 1.50} stays {@code 1.50}, like simplejson's {@code use_decimal}.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(new PythonNumbersFactory())
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final CharacterEscapes ENSURE_ASCII = new AsciiEscapes();

  private PythonJson() {}

  /** A generator writing one-line Python-style JSON to {@code out}. */
  static JsonGenerator generator(OutputStream out) {
    try {
      JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
      g.setPrettyPrinter(new OneLine());
      g.setCharacterEscapes(ENSURE_ASCII);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code json.dumps(value)}: one line, no newline. */
  static String oneLine(JsonNode value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = generator(out)) {
      MAPPER.writeTree(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code json.dump(value, indent=2)}: no trailing newline, as Python writes it. */
  static String indented(JsonNode value) {
    StringBuilder sb = new StringBuilder();
    indent(value, 0, sb);
    return sb.toString();
  }

  private static void indent(JsonNode node, int depth, StringBuilder sb) {
    if (node.isObject() && node.size() > 0) {
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      boolean first = true;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        sb.append(first ? "\n" : ",\n");
        first = false;
        pad(depth + 1, sb);
        sb.append(oneLine(JsonNodeFactory.instance.textNode(e.getKey()))).append(": ");
        indent(e.getValue(), depth + 1, sb);
      }
      sb.append('\n');
      pad(depth, sb);
      sb.append('}');
    } else if (node.isArray() && node.size() > 0) {
      sb.append('[');
      boolean first = true;
      for (JsonNode item : node) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        pad(depth + 1, sb);
        indent(item, depth + 1, sb);
      }
      sb.append('\n');
      pad(depth, sb);
      sb.append(']');
    } else {
      sb.append(oneLine(node));
    }
  }

  private static void pad(int depth, StringBuilder sb) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  /**
   * Creates {@link PythonNumbersGenerator}s: the factory method that picks the generator's class is
   * Jackson's extension point for this.
   */
  private static final class PythonNumbersFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) {
      return _decorate(
          new PythonNumbersGenerator(ctxt, _generatorFeatures, _objectCodec, out, _quoteChar));
    }
  }

  /**
   * Writes doubles and floats as Python's {@code repr} does ({@code 1e+16}, not {@code 1.0E16}).
   */
  private static final class PythonNumbersGenerator extends UTF8JsonGenerator {
    PythonNumbersGenerator(
        IOContext ctxt, int features, ObjectCodec codec, OutputStream out, char quote) {
      super(ctxt, features, codec, out, quote);
    }

    @Override
    public void writeNumber(double value) throws IOException {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        super.writeNumber(value); // not JSON; the writers never pass these (they write null)
      } else {
        writeNumber(PythonFloats.repr(value));
      }
    }

    @Override
    public void writeNumber(float value) throws IOException {
      if (Float.isNaN(value) || Float.isInfinite(value)) {
        super.writeNumber(value);
      } else {
        writeNumber(PythonFloats.repr(value));
      }
    }
  }

  /** Python's default separators on one line. */
  private static final class OneLine implements PrettyPrinter {
    @Override
    public void writeRootValueSeparator(JsonGenerator g) {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) {}
  }

  /** {@code ensure_ascii=True}: everything outside space..~ escaped, in Python's lower-case hex. */
  private static final class AsciiEscapes extends CharacterEscapes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final int[] ascii;

    AsciiEscapes() {
      ascii = standardAsciiEscapesForJSON();
      for (int c = 0; c < 0x20; c++) {
        if (ascii[c] == ESCAPE_STANDARD) {
          ascii[c] = ESCAPE_CUSTOM; // Jackson's generic escape is upper-case hex
        }
      }
      ascii[0x7f] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(
          new String(
              new char[] {
                '\\',
                'u',
                HEX[(ch >> 12) & 0xf],
                HEX[(ch >> 8) & 0xf],
                HEX[(ch >> 4) & 0xf],
                HEX[ch & 0xf]
              }));
    }
  }
}
