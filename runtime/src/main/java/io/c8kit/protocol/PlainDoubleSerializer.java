package io.c8kit.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes protocol doubles (epoch-millisecond {@code emitted_at} of TRACE/CONTROL, record counts) in
 * plain notation, {@code 1700000000123.0} rather than Jackson's {@code 1.700000000123E12}.
 */
final class PlainDoubleSerializer extends StdSerializer<Double> {
  private static final long serialVersionUID = 1L;

  PlainDoubleSerializer() {
    super(Double.class);
  }

  @Override
  public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    PlainDoubles.write(value, gen);
  }
}
