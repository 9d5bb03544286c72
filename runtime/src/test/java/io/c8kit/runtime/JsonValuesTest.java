package io.c8kit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The value writers of generated serializers: JSON has no NaN or infinity, so they become null. */
class JsonValuesTest {
  private interface Write {
    void to(JsonGenerator g) throws IOException;
  }

  private static String json(Write write) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartArray();
      write.to(g);
      g.writeEndArray();
    }
    return out.toString();
  }

  @Test
  void primitiveAndBoxedDoublesWriteTheSame() throws IOException {
    double[] values = {
      0.0,
      -0.0,
      1.5,
      1e300,
      Double.MIN_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (double v : values) {
      assertEquals(
          json(g -> JsonValues.writeDouble(g, Double.valueOf(v))),
          json(g -> JsonValues.writeDouble(g, v)),
          () -> Double.toString(v));
    }
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, Double.NaN)));
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, Double.NEGATIVE_INFINITY)));
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, (Double) null)));
    assertEquals("[2.5]", json(g -> JsonValues.writeDouble(g, 2.5)));
  }

  @Test
  void primitiveAndBoxedFloatsWriteTheSame() throws IOException {
    float[] values = {
      0f, -0f, 1.5f, 3.4e38f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
    };
    for (float v : values) {
      assertEquals(
          json(g -> JsonValues.writeFloat(g, Float.valueOf(v))),
          json(g -> JsonValues.writeFloat(g, v)),
          () -> Float.toString(v));
    }
    assertEquals("[null]", json(g -> JsonValues.writeFloat(g, Float.POSITIVE_INFINITY)));
    assertEquals("[null]", json(g -> JsonValues.writeFloat(g, (Float) null)));
    assertEquals("[0.25]", json(g -> JsonValues.writeFloat(g, 0.25f)));
  }

  @Test
  void bigDecimalsWriteAsToString() throws IOException {
    List<BigDecimal> values = new ArrayList<>();
    for (String text :
        new String[] {
          "0",
          "0.00",
          "-0.00",
          "0E-10",
          "0E+3",
          "1",
          "-1",
          "12.34",
          "-12.34",
          "0.1",
          "-0.1",
          "0.001",
          "0.000001",
          "0.0000001",
          "0.00000012",
          "1.000000",
          "123456789012345678",
          "-123456789012345678",
          "1234567890123456789",
          "12345678901234567.8",
          "0.123456789012345678",
          "0.0000001234567890123",
          "1E+5",
          "1.5E+3",
          "-1E-7",
          "1E-6",
          "99999999999999999999999.99",
          "9223372036854775807",
          "-9223372036854775808",
          "1.00000000000000000000000001"
        }) {
      values.add(new BigDecimal(text));
    }
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < 20_000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      values.add(BigDecimal.valueOf(unscaled, random.nextInt(-3, 26)));
    }
    values.add(new BigDecimal(BigInteger.TEN.pow(30), 2));
    for (BigDecimal v : values) {
      assertEquals(
          "[" + v + "]",
          json(g -> JsonValues.writeBigDecimal(g, v)),
          () -> "unscaled " + v.unscaledValue() + ", scale " + v.scale());
      assertEquals("[" + v + "]", json(g -> JsonValues.writeAny(g, v)), v::toString);
    }
    assertEquals("[null]", json(g -> JsonValues.writeBigDecimal(g, null)));
  }

  @Test
  void plainBigDecimalsStayPlainWhenTheGeneratorAsksForIt() throws IOException {
    StringWriter out = new StringWriter();
    JsonFactory plain =
        JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    try (JsonGenerator g = plain.createGenerator(out)) {
      g.writeStartArray();
      JsonValues.writeBigDecimal(g, new BigDecimal("1E-7"));
      JsonValues.writeBigDecimal(g, new BigDecimal("12.50"));
      g.writeEndArray();
    }
    assertEquals("[0.0000001,12.50]", out.toString());
  }

  @Test
  void stringListsWriteEveryElementInOrderWithNulls() throws IOException {
    List<String> values = Arrays.asList("a", null, "c\"d");
    RecordSerializer<String> element = (v, out) -> JsonValues.writeString(out, v);
    String expected = "[[\"a\",null,\"c\\\"d\"]]";
    assertEquals(expected, json(g -> JsonValues.writeStringList(g, values)));
    assertEquals(expected, json(g -> JsonValues.writeStringList(g, new LinkedList<>(values))));
    assertEquals(expected, json(g -> JsonValues.writeStringList(g, new LinkedHashSet<>(values))));
    assertEquals(expected, json(g -> JsonValues.writeList(g, values, element)));
    assertEquals(expected, json(g -> JsonValues.writeList(g, new LinkedList<>(values), element)));
    assertEquals("[[]]", json(g -> JsonValues.writeStringList(g, List.of())));
    assertEquals("[null]", json(g -> JsonValues.writeStringList(g, (List<String>) null)));
    assertEquals("[null]", json(g -> JsonValues.writeList(g, (List<String>) null, element)));
  }

  private enum Region {
    EU_WEST,
    US_EAST
  }

  @Test
  void enumsWriteTheirPreEncodedJsonNameByOrdinal() throws IOException {
    SerializableString[] names = {
      new SerializedString("eu-west"), new SerializedString("us \"east\"")
    };
    assertEquals("[\"eu-west\"]", json(g -> JsonValues.writeEnum(g, Region.EU_WEST, names)));
    assertEquals(
        "[\"us \\\"east\\\"\"]", json(g -> JsonValues.writeEnum(g, Region.US_EAST, names)));
    assertEquals("[null]", json(g -> JsonValues.writeEnum(g, null, names)));
  }
}
