package io.c8kit.processor.model;

/**
 * A cursor or page key: the top-level JSON field, the record accessor that extracts it, and the
 * {@code io.c8kit.runtime.CursorType} constant that compares and serializes it.
 */
public record CursorModel(String field, String accessor, CursorType cursorType) {}
