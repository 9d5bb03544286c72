package io.c8kit.airbyte.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one stdout writer of a concurrent read: each stream writes its lines into its own {@link
 * ProtocolOutput} (its own generator and commit/rollback buffer, never contended), which hands over
 * whole committed lines in chunks of about 256 KiB and at every STATE, status and end of stream;
 * the chunks wait in a bounded queue that this class's thread drains into the process's {@link
 * ProtocolOutput}, which writes them in whole 64 KiB blocks (a pipe's size) and flushes the rest as
 * soon as the streams pause for a few milliseconds. Each stream's lines keep their order (one
 * producer per stream, one FIFO queue), so a STATE still follows the records it covers; memory is
 * bounded by the queue's depth plus one buffer per stream.
 */
final class StreamChunks {
  private static final byte[] END = new byte[0];

  /** How long the streams may pause before what is buffered is flushed. */
  private static final long FLUSH_WAIT_MILLIS = 5;

  private final ProtocolOutput stdout;
  private final BlockingQueue<byte[]> queue;
  private final Thread writer;
  private volatile IOException failure;

  StreamChunks(ProtocolOutput stdout, int threads) {
    this.stdout = stdout;
    this.queue = new ArrayBlockingQueue<>(2 * threads);
    this.writer = new Thread(this::drain, "c8kit-stdout");
    writer.setDaemon(true);
    writer.start();
  }

  /** A stream's own output, whose committed lines come here. */
  ProtocolOutput streamOutput() {
    return new ProtocolOutput(new Producer(), stdout.masker(), true);
  }

  private void drain() {
    try {
      while (true) {
        byte[] chunk = queue.poll(FLUSH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (chunk == null) {
          // the streams paused: what is buffered (a STATE, say) goes out now, not at the next chunk
          write(null);
          chunk = queue.take();
        }
        if (chunk == END) {
          write(null);
          return;
        }
        write(chunk);
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("the stdout writer was interrupted");
    }
  }

  /** Writes a chunk, or flushes ({@code null}); after a failure only keeps the queue moving. */
  private void write(byte[] chunk) {
    if (failure != null) {
      return; // keep draining so no stream blocks on a queue nobody empties
    }
    try {
      if (chunk == null) {
        stdout.flush();
      } else {
        stdout.writeLines(chunk, 0, chunk.length);
      }
    } catch (RuntimeException e) {
      failure = new IOException("cannot write to stdout", e);
    }
  }

  /**
   * Waits until every chunk handed over is on stdout and stops the writer.
   *
   * @throws java.io.UncheckedIOException when writing to stdout failed
   */
  void close() {
    boolean interrupted = false;
    while (true) {
      try {
        if (writer.isAlive()) {
          queue.put(END);
        }
        writer.join();
        break;
      } catch (InterruptedException e) {
        interrupted =
            true; // finish handing over what the streams wrote; the caller sees the interrupt
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new java.io.UncheckedIOException(failure);
    }
  }

  /** Copies each drained block of whole lines into the queue; blocks while the queue is full. */
  private final class Producer extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw failure;
      }
      if (len == 0) {
        return;
      }
      try {
        queue.put(Arrays.copyOfRange(b, off, off + len));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while handing lines to stdout");
      }
    }
  }
}
