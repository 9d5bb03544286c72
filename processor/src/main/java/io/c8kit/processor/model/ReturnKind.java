package io.c8kit.processor.model;

/** How a stream or read method hands over its records: the adapter drains or passes an emitter. */
public enum ReturnKind {
  STREAM,
  ITERATOR,
  ITERABLE,
  VOID
}
