package io.c8kit.runtime.write;

import java.util.logging.Level;

/**
 * Where the write engine hands its results: the states whose records are committed (in the order
 * they arrived) and its log lines. Each target implements it for its own wire (the Airbyte target
 * echoes the STATE message, the Singer target prints the state value).
 */
public interface WriteOutput {
  /**
   * Every record received before {@code state} is committed.
   *
   * @param state what was passed to {@link WriteInput#state}
   * @param recordCount records received since the previous state of the same scope (the stream, or
   *     all streams for a global state)
   */
  void stateCommitted(Object state, long recordCount) throws Exception;

  /** A log line of the engine. */
  void log(Level level, String message);

  /** After a group of states was handed over, and at the end of the run. */
  void flush() throws Exception;
}
