package io.c8kit.runtime;

/** Adapts a {@code @Stream} method: reads the stream's records into the context. */
@FunctionalInterface
public interface StreamReader<C, R> {
  void read(C config, ReadContext<R> context) throws Exception;
}
