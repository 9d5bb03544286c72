package io.c8kit.runtime.write;

/**
 * The {@code write} input (stdin) broke the protocol: malformed JSON, a RECORD or STATE missing a
 * required field, a RECORD for a stream that is not in the catalog. Fatal: skipping such a line
 * could silently lose data or acknowledge data that was never written. The message names the line
 * and quotes at most the first 200 characters of it.
 */
public final class WriteInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;

  public WriteInputException(long lineNumber, String message) {
    super("stdin line " + lineNumber + ": " + message);
    this.lineNumber = lineNumber;
  }

  public WriteInputException(long lineNumber, String message, Throwable cause) {
    super("stdin line " + lineNumber + ": " + message, cause);
    this.lineNumber = lineNumber;
  }

  /** The 1-based line of stdin (lines end at {@code \n}, {@code \r} or {@code \r\n}). */
  public long lineNumber() {
    return lineNumber;
  }
}
