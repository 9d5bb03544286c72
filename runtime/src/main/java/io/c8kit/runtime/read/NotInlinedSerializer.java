package io.c8kit.runtime.read;

import com.fasterxml.jackson.core.JsonGenerator;
import io.c8kit.runtime.RecordSerializer;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * A stream's serializer behind a call the JIT compiler does not inline, so that the generated
 * serializer — the largest code on the read path — is compiled once, as its own unit, rather than
 * once more inside every engine and target frame above it.
 *
 * <p>Why: HotSpot's C2 compiles the hot methods of a record's path (the engine's {@code emit}, the
 * sink's {@code record}, the target's envelope writer, the serializer) in the order they became
 * hot, which is top-down, and each compilation inlines everything below it that is not yet
 * compiled. A 2M-record read of a ten-field record so compiled the serializer and Jackson's writers
 * beneath it six times: 2.4–2.8 s of compiler-thread CPU against 0.6–0.7 s for a hand-written loop,
 * about a third of the whole read (benchmarks/results/jit.md). C2 never inlines a call through a
 * {@link MethodHandle} that is not a compile-time constant; this one is an ordinary, non-final
 * instance field. The price is an indirect call per record (a few ns, against ~700 ns to write the
 * record).
 */
final class NotInlinedSerializer implements RecordSerializer<Object> {
  private static final MethodHandle WRITE;

  static {
    try {
      WRITE =
          MethodHandles.publicLookup()
              .findVirtual(
                  RecordSerializer.class,
                  "write",
                  MethodType.methodType(void.class, Object.class, JsonGenerator.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * {@code WRITE} bound to the serializer. Deliberately not final: a constant handle (static final,
   * or a final field the JIT trusts) would be inlined like a direct call.
   */
  private MethodHandle write;

  private NotInlinedSerializer(RecordSerializer<Object> serializer) {
    this.write = WRITE.bindTo(serializer);
  }

  /** Wraps {@code serializer} (once: a wrapped one is returned as it is). */
  static RecordSerializer<Object> of(RecordSerializer<Object> serializer) {
    return serializer instanceof NotInlinedSerializer
        ? serializer
        : new NotInlinedSerializer(serializer);
  }

  @Override
  public void write(Object record, JsonGenerator gen) throws IOException {
    try {
      write.invokeExact(record, gen);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      // write declares IOException only; anything else checked came through a sneaky throw
      throw new UndeclaredThrowableException(t);
    }
  }
}
