package io.c8kit.processor.model;

/** Whether a connector class is a source or a destination; decides base class and file names. */
public enum Kind {
  SOURCE("source", "SOURCE"),
  DESTINATION("destination", "DESTINATION");

  private final String word;
  private final String runtimeConstant;

  Kind(String word, String runtimeConstant) {
    this.word = word;
    this.runtimeConstant = runtimeConstant;
  }

  /** {@code source} or {@code destination}, as in image names and launcher paths. */
  public String word() {
    return word;
  }

  /** The constant of {@code io.c8kit.runtime.ConnectorKind}. */
  public String runtimeConstant() {
    return runtimeConstant;
  }
}
