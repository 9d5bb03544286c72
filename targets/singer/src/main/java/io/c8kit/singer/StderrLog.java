package io.c8kit.singer;

import io.c8kit.runtime.secrets.SecretMasker;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Singer's logging contract: everything but messages goes to stderr, as singer-python's {@code
 * "%(levelname)s %(message)s"} lines. While a tap or target runs, JUL (and SLF4J bound to it) and
 * {@code System.out}/{@code System.err} prints go here, masked, so nothing a connector or a library
 * prints can corrupt stdout or leak a secret.
 */
final class StderrLog implements AutoCloseable {
  private final PrintStream err;
  private final SecretMasker masker;
  private final Logger root = Logger.getLogger("");
  private final Handler[] previousHandlers;
  private final Level previousLevel;
  private final PrintStream previousOut = System.out;
  private final PrintStream previousErr = System.err;
  private final Handler handler;

  StderrLog(OutputStream stderr, SecretMasker masker, Level level) {
    this.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    this.masker = masker;
    this.previousHandlers = root.getHandlers();
    this.previousLevel = root.getLevel();
    this.handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() < level.intValue()) {
              return;
            }
            String text = r.getMessage();
            if (r.getParameters() != null && text != null && text.contains("{")) {
              text = java.text.MessageFormat.format(text, r.getParameters());
            }
            line(levelName(r.getLevel()), text);
            if (r.getThrown() != null) {
              java.io.StringWriter trace = new java.io.StringWriter();
              r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
              writeMasked(trace.toString());
            }
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {}
        };
    for (Handler h : previousHandlers) {
      root.removeHandler(h);
    }
    root.addHandler(handler);
    root.setLevel(level);
    PrintStream masked =
        new PrintStream(
            new OutputStream() {
              private final java.io.ByteArrayOutputStream line =
                  new java.io.ByteArrayOutputStream();

              @Override
              public synchronized void write(int b) {
                if (b == '\n') {
                  writeMasked(line.toString(StandardCharsets.UTF_8) + "\n");
                  line.reset();
                } else {
                  line.write(b);
                }
              }

              @Override
              public synchronized void flush() {
                if (line.size() > 0) {
                  writeMasked(line.toString(StandardCharsets.UTF_8));
                  line.reset();
                }
              }
            },
            true,
            StandardCharsets.UTF_8);
    System.setOut(masked);
    System.setErr(masked);
  }

  /** Python logging's level names. */
  static String levelName(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (v >= Level.WARNING.intValue()) {
      return "WARNING";
    }
    if (v >= Level.INFO.intValue()) {
      return "INFO";
    }
    return "DEBUG";
  }

  /** One log line: {@code LEVEL message}, masked; a multi-line message stays one record. */
  void line(String level, String message) {
    writeMasked(level + " " + message + "\n");
  }

  private synchronized void writeMasked(String text) {
    err.print(masker.mask(text));
    err.flush();
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(previousOut);
    System.setErr(previousErr);
    root.removeHandler(handler);
    for (Handler h : previousHandlers) {
      root.addHandler(h);
    }
    root.setLevel(previousLevel);
  }
}
