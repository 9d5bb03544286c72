package io.c8kit.runtime.output;

import io.c8kit.runtime.secrets.SecretMasker;
import java.util.logging.Level;

/**
 * Where {@link LogRouting} sends the log records of a command: the target decides (the Airbyte
 * target writes LOG messages on its stdout channel), so the routing itself knows no wire.
 */
public interface LogDestination {
  /** The masker of the command's secrets, also used for what the routing writes to stderr. */
  SecretMasker masker();

  /**
   * Writes one log record; the destination masks it. Throws a {@link RuntimeException} when it
   * cannot, and the routing then writes the record to stderr instead.
   *
   * @param stackTrace the formatted throwable of the record, or {@code null}
   */
  void log(Level level, String message, String stackTrace);
}
