package io.c8kit.runtime.write;

import io.c8kit.TransientException;

/**
 * The {@code write} input (stdin) broke the protocol: malformed JSON, a RECORD or STATE missing a
 * required field, a RECORD after its stream's COMPLETE. Fatal: skipping such a line could silently
 * lose data or acknowledge data that was never written. The message names the line (and the stream
 * when the line names one) and quotes at most the first 200 characters of it.
 *
 * <p>A {@link TransientException} ({@code transient_error}): the fault is upstream, not in this
 * connector nor in its config, and everything before the bad line is committed and its states
 * echoed before the run fails, so a retry resumes from there (a source cut off mid-line, a stray
 * print on the source's stdout, succeed on a retry; a deterministic bad source fails again with the
 * same message).
 */
public final class WriteInputException extends TransientException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;
  private final String stream;
  private final String detail;

  public WriteInputException(long lineNumber, String message) {
    this(lineNumber, null, message, null);
  }

  public WriteInputException(long lineNumber, String message, Throwable cause) {
    this(lineNumber, null, message, cause);
  }

  private WriteInputException(long lineNumber, String stream, String detail, Throwable cause) {
    super(describe(lineNumber, stream, detail), cause);
    this.lineNumber = lineNumber;
    this.stream = stream;
    this.detail = detail;
  }

  /**
   * {@code Invalid input on stdin line N (stream "s"): detail}, the one wording of input problems
   * (also for the ones reported with another failure type).
   */
  static String describe(long lineNumber, String stream, String detail) {
    return "Invalid input on stdin line "
        + lineNumber
        + (stream == null ? "" : " (stream \"" + stream + "\")")
        + ": "
        + detail;
  }

  /** This problem, naming {@code stream} (when it did not yet name one). */
  public WriteInputException inStream(String stream) {
    if (stream == null || this.stream != null) {
      return this;
    }
    WriteInputException named = new WriteInputException(lineNumber, stream, detail, getCause());
    named.setStackTrace(getStackTrace());
    return named;
  }

  /** The 1-based line of stdin (lines end at {@code \n}, {@code \r} or {@code \r\n}). */
  public long lineNumber() {
    return lineNumber;
  }

  /** The stream the line names ({@code namespace.name}), or {@code null}. */
  public String stream() {
    return stream;
  }
}
