package io.c8kit.runtime.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The in-memory buffer a target's stdout writer serializes messages into, so that only whole
 * messages ever reach stdout: bytes written since the last {@link #commit()} can be dropped with
 * {@link #rollback()} (a serializer that failed halfway), and only committed bytes are drained.
 * Shared by the Airbyte and Singer writers. Not thread-safe: its owner serializes access.
 */
public final class CommitBuffer extends OutputStream {
  private final int initialCapacity;
  private byte[] buf;
  private int count;
  private int committed;

  public CommitBuffer(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    this.buf = new byte[initialCapacity];
  }

  @Override
  public void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, count, len);
    count += len;
  }

  private void ensure(int extra) {
    int needed = count + extra;
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
    }
  }

  /** Marks everything written so far as complete. */
  public void commit() {
    committed = count;
  }

  /** How many bytes are complete and not yet drained. */
  public int committed() {
    return committed;
  }

  /** Drops what was written since the last commit. */
  public void rollback() {
    count = committed;
  }

  /** Writes the committed bytes to {@code sink} and keeps any uncommitted tail. */
  public void drainTo(OutputStream sink) throws IOException {
    drainTo(sink, committed);
  }

  /**
   * Writes the committed bytes in whole blocks of {@code block} bytes and keeps the rest
   * (committed) for the next block or drain. Used with a pipe's size (64 KiB on Linux): a write a
   * little larger than the pipe makes the writer wait for the reader in the middle of every write
   * (a read into a pipe: 0.75× the hand-written limit's wall time with 64 KiB plus the rest of a
   * line, 0.9–0.98× with exact blocks; benchmarks/results/jit.md).
   */
  public void drainBlocks(OutputStream sink, int block) throws IOException {
    drainTo(sink, committed - committed % block);
  }

  private void drainTo(OutputStream sink, int length) throws IOException {
    if (length == 0) {
      return;
    }
    int tail = count - length;
    try {
      sink.write(buf, 0, length);
    } finally {
      if (tail > 0) {
        System.arraycopy(buf, length, buf, 0, tail);
      }
      count = tail;
      committed -= length;
      if (buf.length > 16 * initialCapacity && count <= initialCapacity) {
        buf = Arrays.copyOf(buf, initialCapacity); // one huge message does not pin its memory
      }
    }
  }
}
