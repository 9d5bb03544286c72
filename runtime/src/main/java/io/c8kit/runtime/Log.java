package io.c8kit.runtime;

import io.c8kit.runtime.secrets.SecretMasker;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging for connector authors. While a command runs, each call becomes an Airbyte LOG message on
 * stdout (masked, at or above {@code C8KIT_LOG_LEVEL}, default INFO). JUL and SLF4J loggers work
 * the same way; this facade only saves choosing one.
 *
 * <pre>{@code
 * Log.info("Reading " + table);
 * Log.warn("Retrying after a timeout", e);
 * }</pre>
 */
public final class Log {
  private static final Logger LOGGER = Logger.getLogger("io.c8kit.connector");

  private Log() {}

  public static void trace(String message) {
    LOGGER.log(Level.FINEST, message);
  }

  public static void debug(String message) {
    LOGGER.log(Level.FINE, message);
  }

  /** Builds the message only when DEBUG is enabled. */
  public static void debug(Supplier<String> message) {
    LOGGER.log(Level.FINE, message);
  }

  public static void info(String message) {
    LOGGER.log(Level.INFO, message);
  }

  public static void warn(String message) {
    LOGGER.log(Level.WARNING, message);
  }

  public static void warn(String message, Throwable error) {
    LOGGER.log(Level.WARNING, message, error);
  }

  public static void error(String message) {
    LOGGER.log(Level.SEVERE, message);
  }

  public static void error(String message, Throwable error) {
    LOGGER.log(Level.SEVERE, message, error);
  }

  public static boolean isDebugEnabled() {
    return LOGGER.isLoggable(Level.FINE);
  }

  /**
   * Masks {@code value} (a token obtained at run time, such as an OAuth access token) in everything
   * the runtime writes from now on in this process, like the config's secrets.
   */
  public static void registerSecret(String value) {
    SecretMasker.registerForProcess(value);
  }
}
