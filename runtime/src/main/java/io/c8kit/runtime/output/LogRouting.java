package io.c8kit.runtime.output;

import io.c8kit.runtime.secrets.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes everything a connector (or a library) may print to where the protocol allows it, for the
 * duration of one command:
 *
 * <ul>
 *   <li>JUL records (and SLF4J, which slf4j-jdk14 binds to JUL) go to the target's {@link
 *       LogDestination} (the Airbyte target: LOG messages on its stdout channel), at or above the
 *       configured minimum level; the root logger's own handlers (JUL's default ConsoleHandler) are
 *       detached meanwhile;
 *   <li>{@code System.out} is replaced by a stream that turns each printed block (a {@code
 *       println}, or a multi-line {@code print}) into an INFO record of the destination, so stray
 *       {@code println}s never corrupt stdout;
 *   <li>{@code System.err} is replaced by a stream that masks each printed block as a whole (so a
 *       multi-line secret is masked whole) and writes it to the command's stderr.
 * </ul>
 *
 * {@link #enter} saves the previous state and {@link Scope#close()} restores it, so scopes nest (a
 * test running a connector in-process). The replaced streams are JVM-global: concurrent commands in
 * one JVM share whichever scope was entered last.
 */
public final class LogRouting {
  private static final Object LOCK = new Object();

  private LogRouting() {}

  /**
   * Starts routing to {@code output} (log records) and {@code stderr} (masked text).
   *
   * @param minLevel the lowest JUL level that becomes a LOG message
   */
  public static Scope enter(LogDestination output, OutputStream stderr, Level minLevel) {
    synchronized (LOCK) {
      return new Scope(output, stderr, minLevel);
    }
  }

  /** One routing period; closing it flushes partial lines and restores the previous routing. */
  public static final class Scope implements AutoCloseable {
    private final ProtocolLogHandler handler;
    private final Handler[] savedHandlers;
    private final Level savedLevel;
    private final PrintStream savedOut;
    private final PrintStream savedErr;
    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream stderr;
    private boolean closed;

    private Scope(LogDestination output, OutputStream stderrStream, Level minLevel) {
      SecretMasker masker = output.masker();
      this.stderr =
          stderrStream instanceof PrintStream ps
              ? ps
              : new PrintStream(stderrStream, true, StandardCharsets.UTF_8);
      Logger root = Logger.getLogger("");
      this.savedHandlers = root.getHandlers();
      this.savedLevel = root.getLevel();
      this.savedOut = System.out;
      this.savedErr = System.err;
      this.handler = new ProtocolLogHandler(output, new MaskingLineStream(stderr, masker));
      handler.setLevel(minLevel);
      for (Handler h : savedHandlers) {
        root.removeHandler(h);
      }
      root.addHandler(handler);
      root.setLevel(minLevel);
      this.out = new PrintStream(new LogLineStream(output), true, StandardCharsets.UTF_8);
      this.err =
          new PrintStream(new MaskingLineStream(stderr, masker), true, StandardCharsets.UTF_8);
      System.setOut(out);
      System.setErr(err);
    }

    /** The masked stderr of this scope, for usage text and diagnostics. */
    public PrintStream stderr() {
      return err;
    }

    /** Emits any partial line printed to {@code System.out}/{@code System.err}. */
    public void flush() {
      out.flush();
      err.flush();
    }

    @Override
    public void close() {
      synchronized (LOCK) {
        if (closed) {
          return;
        }
        closed = true;
        flush();
        Logger root = Logger.getLogger("");
        root.removeHandler(handler);
        for (Handler h : savedHandlers) {
          root.addHandler(h);
        }
        root.setLevel(savedLevel);
        handler.disable();
        if (System.out == out) {
          System.setOut(savedOut);
        }
        if (System.err == err) {
          System.setErr(savedErr);
        }
      }
    }
  }

  /** Formats a throwable with its causes and suppressed exceptions. */
  public static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    try (PrintWriter p = new PrintWriter(w)) {
      t.printStackTrace(p);
    }
    return w.toString();
  }

  /** A JUL handler handing records to the destination; falls back to stderr when it fails. */
  static final class ProtocolLogHandler extends Handler {
    private static final ThreadLocal<Boolean> PUBLISHING = new ThreadLocal<>();
    private final Formatter formatter = new SimpleFormatter();
    private final LogDestination output;
    private final OutputStream fallback;
    private volatile boolean enabled = true;

    ProtocolLogHandler(LogDestination output, OutputStream fallback) {
      this.output = output;
      this.fallback = fallback;
    }

    void disable() {
      enabled = false;
    }

    @Override
    public void publish(LogRecord record) {
      if (!enabled || record == null || !isLoggable(record) || PUBLISHING.get() != null) {
        return;
      }
      PUBLISHING.set(Boolean.TRUE);
      try {
        String message = formatter.formatMessage(record);
        if (message == null) {
          message = "";
        }
        String stackTrace = null;
        if (record.getThrown() != null) {
          stackTrace = stackTrace(record.getThrown());
          if (message.isEmpty()) {
            message = String.valueOf(record.getThrown());
          }
        }
        try {
          output.log(record.getLevel(), message, stackTrace);
        } catch (RuntimeException e) {
          writeFallback(record.getLevel(), message, stackTrace);
        }
      } finally {
        PUBLISHING.remove();
      }
    }

    private void writeFallback(Level level, String message, String stackTrace) {
      try {
        String text =
            LogLevels.toAirbyte(level)
                + " "
                + message
                + (stackTrace == null ? "" : System.lineSeparator() + stackTrace)
                + System.lineSeparator();
        fallback.write(text.getBytes(StandardCharsets.UTF_8));
        fallback.flush();
      } catch (IOException | RuntimeException ignored) {
        // nowhere left to report
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** Emits each block printed to {@code System.out} as one INFO record. */
  static final class LogLineStream extends LineOutputStream {
    private final LogDestination output;

    LogLineStream(LogDestination output) {
      this.output = output;
    }

    @Override
    void line(String line) {
      output.log(Level.INFO, line, null);
    }
  }

  /** Writes each block printed to {@code System.err}, masked as a whole, to the target stream. */
  static final class MaskingLineStream extends LineOutputStream {
    private final OutputStream target;
    private final SecretMasker masker;

    MaskingLineStream(OutputStream target, SecretMasker masker) {
      this.target = target;
      this.masker = masker;
    }

    @Override
    void line(String block) throws IOException {
      target.write((masker.mask(block) + "\n").getBytes(StandardCharsets.UTF_8));
      target.flush();
    }
  }

  /**
   * An OutputStream that decodes UTF-8 text and hands it to {@link #line} a block at a time:
   * whatever was written between two {@link #flush()}es (a {@code println}, one {@code print} of a
   * multi-line message), without its final line break. Masking a block rather than each line keeps
   * a secret with line breaks (a PEM key) whole, so it is masked as a whole. A block is cut at a
   * line break once it passes 64 KiB, so a writer that never flushes cannot grow it without bound.
   */
  abstract static class LineOutputStream extends OutputStream {
    private static final int MAX_BLOCK = 64 * 1024;
    private byte[] buf = new byte[256];
    private int count;

    abstract void line(String line) throws IOException;

    @Override
    public synchronized void write(int b) throws IOException {
      if (count == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[count++] = (byte) b;
      if (b == '\n' && count >= MAX_BLOCK) {
        emit();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      if (count > 0) {
        emit();
      }
    }

    private void emit() throws IOException {
      int end = count;
      if (end > 0 && buf[end - 1] == '\n') {
        end--;
      }
      if (end > 0 && buf[end - 1] == '\r') {
        end--;
      }
      String text = new String(buf, 0, end, StandardCharsets.UTF_8);
      count = 0;
      if (buf.length > 2 * MAX_BLOCK) {
        buf = new byte[256];
      }
      line(text);
    }
  }
}
