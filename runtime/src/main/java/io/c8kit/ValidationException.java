package io.c8kit;

/** Thrown by {@link C8Connector} methods when the given config is invalid or the check fails. */
public class ValidationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}
