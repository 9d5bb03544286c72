package io.c8kit.processor.model;

/** A scalar value; {@code primitive} values can never be null. */
public record ScalarModel(Scalar scalar, boolean primitive) implements TypeModel {}
