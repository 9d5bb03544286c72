package io.c8kit.airbyte.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The one stdout writer of a concurrent read: each stream writes its lines into its own {@link
 * ProtocolOutput} (its own generator and commit/rollback buffer, never contended), which hands over
 * whole committed lines in chunks of about 64 KiB and at every STATE, status and end of stream; the
 * chunks wait in a bounded queue that this class's thread drains into the process's {@link
 * ProtocolOutput}. Each stream's lines keep their order (one producer per stream, one FIFO queue),
 * so a STATE still follows the records it covers; memory is bounded by the queue's depth plus one
 * buffer per stream.
 */
final class StreamChunks {
  private static final byte[] END = new byte[0];

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
        byte[] chunk = queue.take();
        if (chunk == END) {
          stdout.flush();
          return;
        }
        if (failure != null) {
          continue; // keep draining so no stream blocks on a queue nobody empties
        }
        try {
          stdout.writeLines(chunk, 0, chunk.length);
          if (queue.isEmpty()) {
            stdout.flush(); // a STATE reaches the platform as soon as nothing else is waiting
          }
        } catch (RuntimeException e) {
          failure = new IOException("cannot write to stdout", e);
        }
      }
    } catch (InterruptedException e) {
      failure = new InterruptedIOException("the stdout writer was interrupted");
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
