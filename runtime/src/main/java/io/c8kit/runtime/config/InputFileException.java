package io.c8kit.runtime.config;

import io.c8kit.ConfigException;

/**
 * A problem with a file the user handed to the command ({@code --config}, {@code --catalog}, {@code
 * --state}) or with its content: a {@code config_error} whose message says everything (file, line,
 * JSON path, fix), so it is reported without a Java stack trace, which would only point into c8kit.
 */
public class InputFileException extends ConfigException {
  private static final long serialVersionUID = 1L;

  public InputFileException(String message) {
    super(message);
  }

  /** The cause is kept for {@code --debug}; it never reaches the TRACE message. */
  public InputFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
