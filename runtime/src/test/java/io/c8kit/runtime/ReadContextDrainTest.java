package io.c8kit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A returned Stream is drained in order, on the reading thread, lazily, and always closed. */
class ReadContextDrainTest {
  private final List<Integer> emitted = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private int failAt = -1;

  /** A ReadContext whose only behaviour is emit (its other methods are not needed by drain). */
  @SuppressWarnings("unchecked")
  private ReadContext<Integer> context() {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("emit")) {
            Integer record = (Integer) args[0];
            if (record == failAt) {
              throw new IllegalStateException("stop at " + record);
            }
            emitted.add(record);
            threads.add(Thread.currentThread());
            return null;
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new UnsupportedOperationException(method.getName());
        };
    return (ReadContext<Integer>)
        Proxy.newProxyInstance(
            ReadContext.class.getClassLoader(), new Class<?>[] {ReadContext.class}, handler);
  }

  @Test
  void emitsEveryElementInOrderAndCloses() {
    AtomicBoolean closed = new AtomicBoolean();
    context()
        .drain(
            IntStream.rangeClosed(1, 5)
                .boxed()
                .filter(i -> i != 3)
                .onClose(() -> closed.set(true)));
    assertEquals(List.of(1, 2, 4, 5), emitted);
    assertTrue(closed.get());
  }

  @Test
  void aParallelStreamIsEmittedInOrderOnTheCallingThread() {
    List<Integer> expected = IntStream.range(0, 10_000).boxed().toList();
    context().drain(expected.parallelStream().map(i -> i));
    assertEquals(expected, emitted);
    assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()));
  }

  @Test
  void anEmitFailureStopsAnEndlessStreamPropagatesUnwrappedAndCloses() {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicInteger produced = new AtomicInteger();
    failAt = 4;
    Stream<Integer> endless =
        Stream.iterate(1, i -> i + 1)
            .peek(i -> produced.incrementAndGet())
            .onClose(() -> closed.set(true));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> context().drain(endless));
    assertEquals("stop at 4", e.getMessage());
    assertEquals(List.of(1, 2, 3), emitted);
    assertEquals(4, produced.get(), "elements are produced one at a time, not ahead");
    assertTrue(closed.get());
  }

  @Test
  void aNullStreamEmitsNothing() {
    context().drain((Stream<Integer>) null);
    assertEquals(List.of(), emitted);
  }
}
