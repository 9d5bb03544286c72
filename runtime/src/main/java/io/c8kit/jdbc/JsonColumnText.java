package io.c8kit.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.c8kit.protocol.Protocol;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of a JSON column without building the value's tree (which cost a quarter of a write's
 * time): the compact JSON that the tree would print ({@code JsonNode.toString()}, what the writer
 * stored before). The value's bytes are taken as they are when they already are that text ({@link
 * CompactJsonBytes}: compact input, as sources write it); otherwise its tokens are copied into one
 * reused generator, numbers written as the tree's nodes hold them (integers as read, decimals as
 * {@code BigDecimal}s, exponent forms included). An object with a repeated key, where the tree
 * keeps the first position and the last value, or with too many keys to check cheaply, goes through
 * the tree as before.
 */
final class JsonColumnText {
  /**
   * Objects with more keys than this are not checked for repeated keys: they take the tree path.
   */
  static final int MAX_CHECKED_KEYS = 64;

  /** Keeps decimals as written, like the engine's own trees. */
  private static final ObjectReader TREES =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  /** Parses as the engine does. */
  private static final JsonFactory READER = Protocol.mapper().getFactory();

  /** Default generator features: those of the mapper behind {@code JsonNode.toString()}. */
  private static final JsonFactory PLAIN = new JsonFactory();

  private final CharSink sink = new CharSink();
  private JsonGenerator generator;

  /**
   * The keys of the objects being copied, outermost first; {@code objectStart[d]} is where depth
   * d's begin.
   */
  private String[] keys = new String[16];

  private int keyCount;
  private int[] objectStart = new int[8];

  /**
   * The text of the object or array at the parser's current token ({@code START_OBJECT} or {@code
   * START_ARRAY}); leaves the parser on its closing token. {@code source} holds the bytes the value
   * is in, starting at the parser's byte offset {@code sourceStart}, for the tree fallback.
   */
  String copy(JsonParser p, byte[] source, long sourceStart) throws IOException {
    int start = (int) (p.currentTokenLocation().getByteOffset() - sourceStart);
    boolean uniqueKeys = skipCheckingKeys(p);
    int end = (int) (p.currentLocation().getByteOffset() - sourceStart);
    if (!uniqueKeys) {
      return TREES.readTree(source, start, end - start).toString();
    }
    if (CompactJsonBytes.printsAsItself(source, start, end)) {
      return new String(source, start, end - start, StandardCharsets.UTF_8);
    }
    try (JsonParser again = READER.createParser(source, start, end - start)) {
      again.nextToken();
      return write(again);
    } catch (IOException e) {
      generator = null; // may be left inside an unfinished structure
      throw e;
    }
  }

  /**
   * Moves the parser from the value's first token to its last; false when an object repeats a key
   * (or has too many to check).
   */
  private boolean skipCheckingKeys(JsonParser p) throws IOException {
    keyCount = 0;
    boolean unique = true;
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          if (depth == objectStart.length) {
            objectStart = Arrays.copyOf(objectStart, depth * 2);
          }
          objectStart[depth++] = keyCount;
        }
        case END_OBJECT, END_ARRAY -> keyCount = objectStart[--depth];
        case FIELD_NAME -> unique = unique && newKey(objectStart[depth - 1], p.currentName());
        default -> {}
      }
      if (depth == 0) {
        return unique;
      }
      t = p.nextToken();
    }
  }

  /**
   * The value at the parser's current token written by the generator, as its tree would print it.
   */
  private String write(JsonParser p) throws IOException {
    JsonGenerator g = generator();
    sink.length = 0;
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT -> {
          depth++;
          g.writeStartObject();
        }
        case START_ARRAY -> {
          depth++;
          g.writeStartArray();
        }
        case END_OBJECT -> {
          depth--;
          g.writeEndObject();
        }
        case END_ARRAY -> {
          depth--;
          g.writeEndArray();
        }
        case FIELD_NAME -> g.writeFieldName(p.currentName());
        default -> scalar(p, t, g);
      }
      if (depth == 0) {
        break;
      }
      t = p.nextToken();
    }
    g.flush();
    return sink.text();
  }

  /**
   * Records {@code name} among the current object's keys; false when it repeats one or there are
   * too many.
   */
  private boolean newKey(int from, String name) {
    if (keyCount - from >= MAX_CHECKED_KEYS) {
      return false;
    }
    for (int i = from; i < keyCount; i++) {
      if (keys[i].equals(name)) {
        return false;
      }
    }
    if (keyCount == keys.length) {
      keys = Arrays.copyOf(keys, keyCount * 2);
    }
    keys[keyCount++] = name;
    return true;
  }

  /** Writes a scalar token as its tree node would. */
  private static void scalar(JsonParser p, JsonToken t, JsonGenerator g) throws IOException {
    switch (t) {
      case VALUE_STRING ->
          g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      case VALUE_NUMBER_INT -> {
        switch (p.getNumberType()) {
          case INT -> g.writeNumber(p.getIntValue());
          case LONG -> g.writeNumber(p.getLongValue());
          default -> g.writeNumber(p.getBigIntegerValue());
        }
      }
      // the engine's trees hold decimals as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS), zeros kept
      case VALUE_NUMBER_FLOAT -> g.writeNumber(PlainDecimals.of(p));
      case VALUE_TRUE -> g.writeBoolean(true);
      case VALUE_FALSE -> g.writeBoolean(false);
      case VALUE_NULL -> g.writeNull();
      default -> throw new IOException("unexpected token in a JSON value: " + t);
    }
  }

  private JsonGenerator generator() throws IOException {
    if (generator == null) {
      generator = PLAIN.createGenerator(sink);
      generator.setRootValueSeparator(null);
    }
    return generator;
  }

  /** A reusable character buffer the generator flushes into. */
  private static final class CharSink extends Writer {
    private char[] chars = new char[512];
    private int length;

    String text() {
      return new String(chars, 0, length);
    }

    private void ensure(int more) {
      if (length + more > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
      }
    }

    @Override
    public void write(char[] c, int off, int len) {
      ensure(len);
      System.arraycopy(c, off, chars, length, len);
      length += len;
    }

    @Override
    public void write(String s, int off, int len) {
      ensure(len);
      s.getChars(off, off + len, chars, length);
      length += len;
    }

    @Override
    public void write(int c) {
      ensure(1);
      chars[length++] = (char) c;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
