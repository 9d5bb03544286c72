package io.c8kit.singer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import io.c8kit.runtime.JsonValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Doubles and floats in a tap's lines are written as Python's {@code json.dumps} writes them; the
 * expected texts are what CPython 3.11 prints for {@code repr(value)}.
 */
class PythonFloatsTest {
  @Test
  void doublesAreWrittenAsPythonsRepr() {
    Object[][] cases = {
      {1e10, "10000000000.0"},
      {1e15, "1000000000000000.0"},
      {1e16, "1e+16"},
      {1.5e16, "1.5e+16"},
      {123456789012345678.0, "1.2345678901234568e+17"},
      {12345678901234567890.0, "1.2345678901234567e+19"},
      {9999999999999998.0, "9999999999999998.0"},
      {Math.pow(2, 53), "9007199254740992.0"},
      {1e22, "1e+22"},
      {1e23, "1e+23"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {9.5e-5, "9.5e-05"},
      {1.5e-7, "1.5e-07"},
      {-2.5e-10, "-2.5e-10"},
      {3.14, "3.14"},
      {0.1 + 0.2, "0.30000000000000004"},
      {0.5, "0.5"},
      {100.0, "100.0"},
      {1234567.0, "1234567.0"},
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {Double.MAX_VALUE, "1.7976931348623157e+308"},
      {Double.MIN_VALUE, "5e-324"},
      {-Double.MIN_VALUE, "-5e-324"},
    };
    for (Object[] c : cases) {
      assertEquals(c[1], PythonFloats.repr((double) c[0]), "repr(" + c[0] + ")");
    }
  }

  @Test
  void floatsKeepTheirShortestDigitsInPythonsNotation() {
    assertEquals("1.1", PythonFloats.repr(1.1f));
    assertEquals("1e+20", PythonFloats.repr(1e20f));
    assertEquals("100.0", PythonFloats.repr(100f));
  }

  @Test
  void aTapsGeneratorWritesRecordDoublesThatWay() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = PythonJson.generator(out)) {
      g.writeStartObject();
      g.writeFieldName("big");
      JsonValues.writeDouble(g, 1e10);
      g.writeFieldName("small");
      JsonValues.writeDouble(g, Double.valueOf(1.5e-7));
      g.writeFieldName("f");
      JsonValues.writeFloat(g, 2.5e-6f);
      g.writeFieldName("nan");
      JsonValues.writeDouble(g, Double.NaN);
      g.writeEndObject();
    }
    assertEquals(
        "{\"big\": 10000000000.0, \"small\": 1.5e-07, \"f\": 2.5e-06, \"nan\": null}",
        out.toString(StandardCharsets.UTF_8));
  }
}
