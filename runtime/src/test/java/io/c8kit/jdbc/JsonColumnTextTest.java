package io.c8kit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.c8kit.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON column text copied from tokens is the text of the value's tree, byte for byte. */
class JsonColumnTextTest {
  private static final ObjectReader TREES =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final JsonColumnText text = new JsonColumnText();

  /** What the writer stored before: the tree's text. */
  private static String tree(String value) throws Exception {
    return TREES.readTree(value).toString();
  }

  /**
   * The copy of {@code value} inside a record, checking the parser ends on the value's last token.
   */
  private String copied(String value) throws Exception {
    return copied(value.getBytes(StandardCharsets.UTF_8));
  }

  private String copied(byte[] value) throws Exception {
    java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
    record.write("{\"before\":\"x\",\"v\": ".getBytes(StandardCharsets.UTF_8));
    record.write(value);
    record.write(" ,\"after\":[true]}".getBytes(StandardCharsets.UTF_8));
    byte[] data = record.toByteArray();
    try (JsonParser p = Protocol.mapper().getFactory().createParser(data)) {
      p.nextToken();
      p.nextToken();
      p.nextToken();
      assertEquals("v", p.nextFieldName());
      p.nextToken();
      String copy = text.copy(p, data, 0);
      assertEquals(
          JsonToken.FIELD_NAME, p.nextToken(), "the parser is left on the value's closing token");
      assertEquals("after", p.currentName());
      return copy;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "[[]]",
        "{\"a\":{}}",
        "[null]",
        "[null,null,1,null]",
        "{\"a\":null,\"b\":[null,{}]}",
        "{\"street\":\"7 Kingsway\",\"city\":\"Nairobi\",\"postal_code\":\"1985\",\"country\":\"Kenya\"}",
        "[\"churn-risk\",\"beta\",\"newsletter\"]",
        "{\"a\":{\"b\":{\"c\":[1,[2,[3,{\"d\":[]}]]]}}}",
        "[true,false,null]",
        "[0,-0,1,-1,2147483647,2147483648,-2147483649,9223372036854775807,-9223372036854775808]",
        "[9223372036854775808,123456789012345678901234567890,-123456789012345678901234567890]",
        "[1.0,1.50,-0.0,0.0,1e3,1E3,1e+3,1E-3,1.5e10,-2.50E-7,0.0000001,0.000001,1e400,1e-400,12345678901234567890.5]",
        "[3.141592653589793238462643383279502884197]",
        "[\"\",\"\\\"\",\"\\\\\",\"\\/\",\"\\b\\f\\n\\r\\t\",\"\\u0000\",\"\\u001f\",\"\\u007f\",\"\\u2028\\u2029\"]",
        "[\"é\",\"中文\",\"😀👍🏽\",\"\\u00e9\",\"\\ud83d\\ude00\",\"العربية\",\"a\u2028b\"]",
        "{\"é\":1,\"\\u00e9x\":2,\"\\\"q\\\"\":3,\"\":4}",
        "  {  \"a\" :  [ 1 , 2 ] ,\n \"b\"\t: { } }  ",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "{\"x\":{\"a\":1,\"b\":2,\"a\":[3]},\"y\":[{\"k\":1,\"k\":2}]}",
        "[{\"a\":1},{\"a\":2},{\"b\":{\"a\":3}}]",
        "{\"a\":{\"a\":{\"a\":1}}}"
      })
  void everyShapeGivesTheTreesText(String value) throws Exception {
    assertEquals(tree(value), copied(value));
  }

  /**
   * Compact values are taken as their bytes; anything else through the generator: the same text.
   */
  @Test
  void compactBytesAreTakenAsTheyAre() {
    String[] itself = {
      "{}", "[]", "[1,-2,true,false,null]", "{\"a\":[\"é中😀\",{\"b\":null}]}", "[\"\u2028\"]"
    };
    String[] not = {
      "[ 1]",
      "[1.5]",
      "[1e3]",
      "[-0]",
      "[\"a\\\"b\"]",
      "[\"\\u00e9\"]",
      "[\"\u007f\"]",
      "{\"a\" :1}",
      "[\n]",
      "[-0.5]"
    };
    for (String s : itself) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(true, CompactJsonBytes.printsAsItself(b, 0, b.length), s);
    }
    for (String s : not) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(false, CompactJsonBytes.printsAsItself(b, 0, b.length), s);
    }
  }

  /**
   * Malformed UTF-8 is never taken as it is: the parser decodes (or rejects) it as the tree path
   * did.
   */
  @Test
  void malformedUtf8GoesThroughTheParser() throws Exception {
    int[][] sequences = {
      {0xC0, 0x80},
      {0xC1, 0xBF},
      {0xE0, 0x80, 0x80},
      {0xED, 0xA0, 0x80},
      {0xF0, 0x80, 0x80, 0x80},
      {0xF4, 0x90, 0x80, 0x80},
      {0xF5, 0x80, 0x80, 0x80},
      {0x80},
      {0xC3},
      {0xE2, 0x82},
      {0xFF}
    };
    for (int[] sequence : sequences) {
      byte[] value = new byte[sequence.length + 4];
      value[0] = '[';
      value[1] = '"';
      for (int k = 0; k < sequence.length; k++) {
        value[2 + k] = (byte) sequence[k];
      }
      value[sequence.length + 2] = '"';
      value[sequence.length + 3] = ']';
      assertEquals(
          false,
          CompactJsonBytes.printsAsItself(value, 0, value.length),
          java.util.Arrays.toString(sequence));
      String expected;
      try {
        expected = TREES.readTree(value).toString();
      } catch (Exception e) {
        expected = "fails";
      }
      String actual;
      try {
        actual = copied(value);
      } catch (Exception e) {
        actual = "fails";
      }
      assertEquals(expected, actual, java.util.Arrays.toString(sequence));
    }
  }

  @Test
  void objectsWithManyKeysGiveTheTreesText() throws Exception {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < JsonColumnText.MAX_CHECKED_KEYS * 2; i++) {
      many.append(i == 0 ? "" : ",")
          .append("\"k")
          .append(i % (JsonColumnText.MAX_CHECKED_KEYS + 7))
          .append("\":")
          .append(i);
    }
    String value = many.append('}').toString();
    assertEquals(tree(value), copied(value));
    for (int keys :
        new int[] {JsonColumnText.MAX_CHECKED_KEYS, JsonColumnText.MAX_CHECKED_KEYS + 1}) {
      StringBuilder b = new StringBuilder("{");
      for (int i = 0; i < keys; i++) {
        b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
      }
      String distinct = b + "}";
      String repeated = b + ",\"k0\":\"again\"}";
      assertEquals(tree(distinct), copied(distinct));
      assertEquals(tree(repeated), copied(repeated));
    }
  }

  @Test
  void theGeneratorIsReusedAfterATreeFallbackAndForLongValues() throws Exception {
    String[] values = {
      "[1]",
      "{\"a\":[{\"b\":1,\"b\":2}],\"c\":3}",
      "{\"z\":[1,2]}",
      "[\"" + "long ".repeat(2000) + "\"]",
      "{\"d\":1,\"d\":1}",
      "[]",
      "{\"e\":\"é\"}"
    };
    for (int round = 0; round < 3; round++) {
      for (String v : values) {
        assertEquals(tree(v), copied(v), v);
      }
    }
  }

  @Test
  void randomValuesGiveTheTreesText() throws Exception {
    Random random = new Random(15);
    for (int i = 0; i < 3000; i++) {
      StringBuilder b = new StringBuilder();
      container(random, b, 0);
      String value = b.toString();
      assertEquals(tree(value), copied(value), value);
    }
  }

  private static final String[] STRINGS = {
    "",
    "a",
    "é",
    "中",
    "😀",
    "\\n",
    "\\u0000",
    "\\\"",
    "\\\\",
    "\\/",
    "\\u00e9",
    "\\ud83d\\ude00",
    " ",
    "\\t",
    "x y",
    "\u2028"
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "7",
    "-12",
    "2147483648",
    "9223372036854775807",
    "92233720368547758070",
    "1.5",
    "1.50",
    "-0.0",
    "1e3",
    "1E-3",
    "2.5e+10",
    "1e-9",
    "0.0000001",
    "1e400",
    "123.456000"
  };

  private static void container(Random r, StringBuilder b, int depth) {
    boolean object = r.nextBoolean();
    b.append(object ? '{' : '[');
    int n = r.nextInt(depth > 3 ? 2 : 6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(r.nextInt(8) == 0 ? " , " : ",");
      }
      if (object) {
        // a small key space makes repeated keys happen now and then
        b.append('"')
            .append(r.nextInt(5) == 0 ? STRINGS[r.nextInt(STRINGS.length)] : "k" + r.nextInt(12))
            .append("\":");
      }
      value(r, b, depth + 1);
    }
    b.append(object ? '}' : ']');
  }

  private static void value(Random r, StringBuilder b, int depth) {
    switch (r.nextInt(depth > 4 ? 5 : 7)) {
      case 0 ->
          b.append('"')
              .append(STRINGS[r.nextInt(STRINGS.length)])
              .append(STRINGS[r.nextInt(STRINGS.length)])
              .append('"');
      case 1 -> b.append(NUMBERS[r.nextInt(NUMBERS.length)]);
      case 2 -> b.append(r.nextBoolean());
      case 3 -> b.append("null");
      case 4 -> b.append(r.nextLong());
      default -> container(r, b, depth);
    }
  }
}
