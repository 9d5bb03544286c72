package io.c8kit.pipeline;

/** A pipeline failure with a message meant for the person running it (no stack trace needed). */
final class PipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PipelineException(String message) {
    super(message);
  }

  PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
