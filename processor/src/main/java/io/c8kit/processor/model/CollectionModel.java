package io.c8kit.processor.model;

/** A {@code List} or {@code Set} (JSON array; a set adds {@code uniqueItems}). */
public record CollectionModel(boolean set, TypeModel element) implements TypeModel {
  @Override
  public boolean isComposite() {
    return true;
  }
}
