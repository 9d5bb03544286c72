package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Protocol doubles (epoch-millisecond {@code emitted_at}, record counts) in plain notation, {@code
 * 1700000000123.0} rather than {@code 1.700000000123E12}: the one rule for {@link
 * PlainDoubleSerializer} and {@link MessageWriter}, kept apart from databind's serializer classes.
 */
final class PlainDoubles {
  private PlainDoubles() {}

  static void write(double v, JsonGenerator gen) throws IOException {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      gen.writeNull();
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      gen.writeNumber((long) v + ".0");
    } else {
      gen.writeNumber(BigDecimal.valueOf(v).toPlainString());
    }
  }
}
