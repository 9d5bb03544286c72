package io.c8kit.runtime;

import io.c8kit.source.Cursor;
import io.c8kit.source.Emitter;
import io.c8kit.source.Page;
import io.c8kit.source.StreamContext;
import java.util.Iterator;

/**
 * The read engine's view of one stream being read, handed to generated reader adapters: it emits
 * records, supplies the typed cursor and page, and drains whatever the stream method returned.
 *
 * @param <R> the record type
 */
public interface ReadContext<R> extends Emitter<R>, StreamContext {
  /**
   * The typed inclusive lower bound for an incremental read; empty for full refresh or no state.
   */
  <K> Cursor<K> cursor();

  /** Where a resumable full refresh restarts; {@link Page#start()} otherwise. */
  <K> Page<K> page();

  /**
   * Emits every element of a returned stream, in order, on this thread, and closes it. Pushed with
   * {@code forEachOrdered} rather than pulled through {@code iterator()}, whose spliterator adapter
   * costs 10–30 ns per element more (benchmarks' {@code StreamDrainMicro}); {@code sequential()}
   * keeps a parallel stream on this thread, as the iterator did.
   */
  default void drain(java.util.stream.Stream<? extends R> records) {
    if (records == null) {
      return;
    }
    try (records) {
      records.sequential().forEachOrdered(this::emit);
    }
  }

  /** Emits every element of a returned iterator; closes it when it is {@link AutoCloseable}. */
  default void drain(Iterator<? extends R> records) throws Exception {
    if (records == null) {
      return;
    }
    try {
      while (records.hasNext()) {
        emit(records.next());
      }
    } finally {
      if (records instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  /** Emits every element of a returned iterable; closes it when it is {@link AutoCloseable}. */
  default void drain(Iterable<? extends R> records) throws Exception {
    if (records == null) {
      return;
    }
    try {
      for (R record : records) {
        emit(record);
      }
    } finally {
      if (records instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }
}
