package io.c8kit.runtime;

/** Adapts a {@code @Check} method: returns on success, throws on failure. */
@FunctionalInterface
public interface CheckFunction<C> {
  void check(C config) throws Exception;
}
