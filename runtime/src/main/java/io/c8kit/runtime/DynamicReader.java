package io.c8kit.runtime;

/**
 * Adapts a {@code @Read} method: reads one discovered stream; records are {@code ObjectNode}s or
 * {@code Map<String, ?>}s.
 */
@FunctionalInterface
public interface DynamicReader<C> {
  void read(C config, ReadContext<Object> context) throws Exception;
}
