package io.c8kit.processor.model;

/** An {@code Optional<T>}: never required, null when empty. */
public record OptionalModel(TypeModel element) implements TypeModel {
  @Override
  public boolean isComposite() {
    return element.isComposite();
  }
}
