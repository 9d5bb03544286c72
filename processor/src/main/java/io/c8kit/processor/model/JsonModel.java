package io.c8kit.processor.model;

/** A free-form JSON object: a Jackson node or a map with string keys. */
public record JsonModel(JsonKind kind) implements TypeModel {
  /** Which Java type carries the object. */
  public enum JsonKind {
    JSON_NODE,
    OBJECT_NODE,
    /** {@code Map<String, ?>} in a stream record, written by its values' run-time types. */
    MAP,
    /** {@code Map<String, String>} in a config. */
    STRING_MAP
  }

  @Override
  public boolean isComposite() {
    return true;
  }
}
