package io.c8kit.processor.model;

/** One component of a stream record: its accessor, JSON name and type. */
public record FieldModel(String accessor, String jsonName, String description, TypeModel type) {}
