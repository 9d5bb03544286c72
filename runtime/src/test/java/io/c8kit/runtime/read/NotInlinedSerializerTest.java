package io.c8kit.runtime.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.c8kit.runtime.RecordSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JIT barrier in front of a stream's serializer must be invisible in what it writes and throws.
 */
class NotInlinedSerializerTest {
  private static final RecordSerializer<Object> PAIR =
      (value, g) -> {
        List<?> pair = (List<?>) value;
        g.writeStartObject();
        g.writeStringField("name", (String) pair.get(0));
        g.writeNumberField("n", (Integer) pair.get(1));
        g.writeEndObject();
      };

  private static byte[] write(RecordSerializer<Object> serializer, Object value)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes)) {
      serializer.write(value, g);
    }
    return bytes.toByteArray();
  }

  @Test
  void writesWhatTheSerializerWrites() throws IOException {
    Object value = List.of("a \"quoted\" é", 42);
    RecordSerializer<Object> barrier = NotInlinedSerializer.of(PAIR);
    assertNotSame(PAIR, barrier);
    assertArrayEquals(write(PAIR, value), write(barrier, value));
  }

  @Test
  void wrapsOnce() {
    RecordSerializer<Object> barrier = NotInlinedSerializer.of(PAIR);
    assertSame(barrier, NotInlinedSerializer.of(barrier));
  }

  @Test
  void passesTheSerializersExceptionsThroughUnwrapped() {
    IOException io = new IOException("disk full");
    IllegalStateException state = new IllegalStateException("bad field");
    StackOverflowError error = new StackOverflowError();
    assertSame(io, thrownBy(io));
    assertSame(state, thrownBy(state));
    assertSame(error, thrownBy(error));
  }

  @Test
  void wrapsACheckedExceptionTheInterfaceDoesNotDeclare() {
    Exception sneaky = new Exception("not an IOException");
    Throwable thrown = thrownBy(sneaky);
    assertSame(UndeclaredThrowableException.class, thrown.getClass());
    assertSame(sneaky, thrown.getCause());
  }

  private static Throwable thrownBy(Throwable t) {
    RecordSerializer<Object> throwing = (value, g) -> NotInlinedSerializerTest.sneakyThrow(t);
    return assertThrows(Throwable.class, () -> NotInlinedSerializer.of(throwing).write("x", null));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
