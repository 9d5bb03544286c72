package io.c8kit.source;

/**
 * Receives the records of one stream, for stream methods that push rather than return. Emitting is
 * the hot path: the record is serialized straight to the output.
 *
 * @param <R> the record type
 */
@FunctionalInterface
public interface Emitter<R> {
  void emit(R record);
}
