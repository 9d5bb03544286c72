package io.c8kit.runtime;

import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;

/** Adapts a {@code @Writer} method: opens the writer for one {@code write} run. */
@FunctionalInterface
public interface WriterFactory<C> {
  SyncWriter open(C config, WriteContext context) throws Exception;
}
