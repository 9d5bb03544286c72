package io.c8kit;

/**
 * Thrown by connector code when the user's configuration is wrong (bad credentials, a missing
 * database): reported as {@code failure_type: config_error}, and as a FAILED status by {@code
 * check}.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
