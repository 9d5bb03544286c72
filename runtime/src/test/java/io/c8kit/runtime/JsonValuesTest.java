package io.c8kit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
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
    double[] values = {0.0, -0.0, 1.5, 1e300, Double.MIN_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double v : values) {
      assertEquals(json(g -> JsonValues.writeDouble(g, Double.valueOf(v))),
          json(g -> JsonValues.writeDouble(g, v)), () -> Double.toString(v));
    }
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, Double.NaN)));
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, Double.NEGATIVE_INFINITY)));
    assertEquals("[null]", json(g -> JsonValues.writeDouble(g, (Double) null)));
    assertEquals("[2.5]", json(g -> JsonValues.writeDouble(g, 2.5)));
  }

  @Test
  void primitiveAndBoxedFloatsWriteTheSame() throws IOException {
    float[] values = {0f, -0f, 1.5f, 3.4e38f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY};
    for (float v : values) {
      assertEquals(json(g -> JsonValues.writeFloat(g, Float.valueOf(v))),
          json(g -> JsonValues.writeFloat(g, v)), () -> Float.toString(v));
    }
    assertEquals("[null]", json(g -> JsonValues.writeFloat(g, Float.POSITIVE_INFINITY)));
    assertEquals("[null]", json(g -> JsonValues.writeFloat(g, (Float) null)));
    assertEquals("[0.25]", json(g -> JsonValues.writeFloat(g, 0.25f)));
  }
}
