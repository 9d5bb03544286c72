package io.c8kit.processor.model;

/** What one parameter of a connector method receives; the generated adapter passes it in order. */
public enum Param {
  CONFIG,
  CURSOR,
  PAGE,
  CONTEXT,
  EMITTER,
  WRITE_CONTEXT
}
