package io.c8kit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the toolkit logs through {@code io.c8kit.runtime.Log}, down to DEBUG. */
final class LogCapture extends Handler implements AutoCloseable {
  private static final Logger LOGGER = Logger.getLogger("io.c8kit.connector");
  final List<String> lines = new ArrayList<>();
  private final Level saved;

  LogCapture() {
    saved = LOGGER.getLevel();
    LOGGER.setLevel(Level.ALL);
    setLevel(Level.ALL);
    LOGGER.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    lines.add(record.getLevel() + " " + record.getMessage());
  }

  synchronized String all() {
    return String.join("\n", lines);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    LOGGER.removeHandler(this);
    LOGGER.setLevel(saved);
  }
}
