package io.c8kit.airbyte.input;

import io.c8kit.runtime.write.WriteInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Splits stdin into lines on {@code \n}, {@code \r} or {@code \r\n} without decoding it: UTF-8
 * multi-byte sequences never contain those bytes, so each line is handed over as a byte range of
 * the read buffer (copied only when it spans two reads). Optionally reads on a daemon thread so
 * that the consumer is woken for idle work (age-bound flushes) while no input arrives.
 */
final class InputLines {
  static final int CHUNK_SIZE = 1 << 16;

  /** Receives lines and idle ticks, on the calling thread. */
  interface Handler {
    /**
     * One line without its terminator; may be empty. The bytes are only valid during the call.
     *
     * @param lineNumber 1-based; {@code \r\n} counts as one line break
     */
    void line(byte[] buf, int off, int len, long lineNumber) throws Exception;

    /** Nanoseconds to wait for input before {@link #idle()} is called; negative waits forever. */
    long idleTimeoutNanos();

    /** No input arrived within {@link #idleTimeoutNanos()}. */
    void idle() throws Exception;
  }

  private final Handler handler;
  private byte[] carry = new byte[256];
  private int carryLen;
  private long lineNumber = 1;

  /** The previous byte ended a line with {@code \r}: a following {@code \n} belongs to it. */
  private boolean afterCr;

  private boolean atStart = true;

  private InputLines(Handler handler) {
    this.handler = handler;
  }

  /**
   * Reads {@code in} to EOF, calling {@code handler} for each line; the last line may lack a
   * terminator.
   */
  static void read(InputStream in, boolean readerThread, Handler handler) throws Exception {
    InputLines lines = new InputLines(handler);
    try (ChunkSource source = readerThread ? new ThreadedSource(in) : new DirectSource(in)) {
      while (true) {
        long timeout = readerThread ? handler.idleTimeoutNanos() : -1;
        Chunk chunk = source.next(timeout);
        if (chunk == null) {
          handler.idle();
          continue;
        }
        if (chunk.error != null) {
          throw chunk.error;
        }
        if (chunk.len < 0) {
          break;
        }
        lines.accept(chunk.buf, chunk.len);
        source.recycle(chunk);
      }
    }
    lines.finish();
  }

  private void accept(byte[] buf, int len) throws Exception {
    int start = 0;
    if (atStart && len > 0) {
      atStart = false;
      // A UTF-8 byte order mark is not JSON; tolerate it at the very start.
      if (len >= 3
          && (buf[0] & 0xff) == 0xEF
          && (buf[1] & 0xff) == 0xBB
          && (buf[2] & 0xff) == 0xBF) {
        start = 3;
      }
    }
    int i = start;
    while (i < len) {
      byte b = buf[i];
      // JSON text is mostly bytes above '\r': one comparison per byte in the common case
      if (b > '\r' || (b != '\n' && b != '\r')) {
        i++;
        continue;
      }
      if (b == '\n' && afterCr && i == start && carryLen == 0) {
        afterCr = false; // second half of \r\n
      } else {
        emit(buf, start, i - start);
        afterCr = b == '\r';
      }
      start = ++i;
    }
    if (start < len) {
      append(buf, start, len - start);
      afterCr = false;
    }
  }

  private void emit(byte[] buf, int off, int len) throws Exception {
    long n = lineNumber++;
    if (carryLen > 0) {
      append(buf, off, len);
      int l = carryLen;
      carryLen = 0;
      handler.line(carry, 0, l, n);
      if (carry.length > (1 << 20)) {
        carry = new byte[256]; // do not keep one huge line's buffer for the whole run
      }
    } else {
      handler.line(buf, off, len, n);
    }
  }

  private void append(byte[] buf, int off, int len) {
    if (carryLen + len > carry.length) {
      long want = Math.max((long) carryLen + len, (long) carry.length * 2);
      if (want > Integer.MAX_VALUE - 16) {
        throw new WriteInputException(lineNumber, "line longer than 2 GiB");
      }
      carry = Arrays.copyOf(carry, (int) want);
    }
    System.arraycopy(buf, off, carry, carryLen, len);
    carryLen += len;
  }

  private void finish() throws Exception {
    if (carryLen > 0) {
      int l = carryLen;
      carryLen = 0;
      handler.line(carry, 0, l, lineNumber++);
    }
  }

  /** A read buffer; {@code len < 0} marks EOF. */
  private static final class Chunk {
    final byte[] buf;
    int len;
    Exception error;

    Chunk(byte[] buf) {
      this.buf = buf;
    }
  }

  private interface ChunkSource extends AutoCloseable {
    /** The next chunk, or {@code null} when {@code timeoutNanos >= 0} elapsed without input. */
    Chunk next(long timeoutNanos) throws Exception;

    void recycle(Chunk chunk);

    @Override
    void close();
  }

  /** Reads on the caller's thread. */
  private static final class DirectSource implements ChunkSource {
    private final InputStream in;
    private final Chunk chunk = new Chunk(new byte[CHUNK_SIZE]);

    DirectSource(InputStream in) {
      this.in = in;
    }

    @Override
    public Chunk next(long timeoutNanos) throws IOException {
      int n;
      do {
        n = in.read(chunk.buf);
      } while (n == 0);
      chunk.len = n;
      return chunk;
    }

    @Override
    public void recycle(Chunk c) {}

    @Override
    public void close() {}
  }

  /** Reads on a daemon thread into a small pool of buffers, handed over through a bounded queue. */
  private static final class ThreadedSource implements ChunkSource, Runnable {
    private static final int QUEUED = 4;
    private final InputStream in;
    private final ArrayBlockingQueue<Chunk> full = new ArrayBlockingQueue<>(QUEUED);
    private final ArrayBlockingQueue<Chunk> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private volatile boolean stopped;

    ThreadedSource(InputStream in) {
      this.in = in;
      Thread t = new Thread(this, "c8kit-stdin-reader");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void run() {
      try {
        while (!stopped) {
          Chunk c = free.poll();
          if (c == null) {
            c = new Chunk(new byte[CHUNK_SIZE]);
          }
          int n = in.read(c.buf);
          if (n == 0) {
            free.offer(c);
            continue;
          }
          c.len = n;
          if (!hand(c) || n < 0) {
            return;
          }
        }
      } catch (IOException | RuntimeException e) {
        Chunk c = new Chunk(new byte[0]);
        c.error = e instanceof IOException io ? io : new IOException(e);
        hand(c);
      }
    }

    private boolean hand(Chunk c) {
      try {
        while (!stopped) {
          if (full.offer(c, 100, TimeUnit.MILLISECONDS)) {
            return true;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    @Override
    public Chunk next(long timeoutNanos) throws InterruptedIOException {
      try {
        return timeoutNanos < 0 ? full.take() : full.poll(timeoutNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading stdin");
      }
    }

    @Override
    public void recycle(Chunk c) {
      free.offer(c);
    }

    @Override
    public void close() {
      // The thread may stay blocked in read() until the input ends; it is a daemon and holds no
      // lock.
      stopped = true;
      full.clear();
    }
  }
}
