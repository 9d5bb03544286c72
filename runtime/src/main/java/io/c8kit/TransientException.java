package io.c8kit;

/**
 * Thrown by connector code for failures a retry may fix: reported as {@code failure_type:
 * transient_error}.
 */
public class TransientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientException(String message) {
    super(message);
  }

  public TransientException(String message, Throwable cause) {
    super(message, cause);
  }
}
