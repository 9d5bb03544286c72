package io.c8kit.runtime.output;

import io.c8kit.protocol.AirbyteLogMessage;
import java.util.Locale;
import java.util.logging.Level;

/**
 * Maps between JUL levels and Airbyte LOG levels, and reads the minimum level from the environment
 * variable {@code C8KIT_LOG_LEVEL} (or the system property {@code c8kit.log.level}, which wins):
 * {@code TRACE}, {@code DEBUG}, {@code INFO} (default), {@code WARN}, {@code ERROR}, or a JUL level
 * name such as {@code FINE}.
 */
public final class LogLevels {
  public static final String ENV = "C8KIT_LOG_LEVEL";
  public static final String PROPERTY = "c8kit.log.level";

  private LogLevels() {}

  /** SEVERE→ERROR, WARNING→WARN, INFO→INFO, CONFIG/FINE→DEBUG, FINER/FINEST→TRACE. */
  public static AirbyteLogMessage.Level toAirbyte(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return AirbyteLogMessage.Level.ERROR;
    }
    if (v >= Level.WARNING.intValue()) {
      return AirbyteLogMessage.Level.WARN;
    }
    if (v >= Level.INFO.intValue()) {
      return AirbyteLogMessage.Level.INFO;
    }
    if (v >= Level.FINE.intValue()) {
      return AirbyteLogMessage.Level.DEBUG;
    }
    return AirbyteLogMessage.Level.TRACE;
  }

  /** The configured minimum level; INFO when unset or unrecognized. */
  public static Level configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    return parse(value, Level.INFO);
  }

  /**
   * Parses an Airbyte or JUL level name, case-insensitively; {@code fallback} when unrecognized.
   */
  public static Level parse(String value, Level fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "ALL":
      case "TRACE":
      case "FINEST":
        return Level.ALL;
      case "FINER":
        return Level.FINER;
      case "DEBUG":
      case "FINE":
        return Level.FINE;
      case "CONFIG":
        return Level.CONFIG;
      case "INFO":
        return Level.INFO;
      case "WARN":
      case "WARNING":
        return Level.WARNING;
      case "ERROR":
      case "FATAL":
      case "SEVERE":
        return Level.SEVERE;
      case "OFF":
        return Level.OFF;
      default:
        return fallback;
    }
  }
}
