package io.c8kit.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.c8kit.benchmarks.synthetic.Rows;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The limit for reading several streams at once: what a competent hand-written Java program does to
 * print the same RECORD lines as the c8kit benchmark source reading COUNT rows as STREAMS streams
 * ({@code rows}, {@code rows_2}, … holding rows 1..COUNT/STREAMS, COUNT/STREAMS+1.., as the streams
 * row's catalog asks), on as many threads as there are streams or processors, whichever is fewer
 * (c8kit's default). Each stream writes its lines with {@link RawRead}'s generator code into its
 * own buffer and, every 256 KiB of whole lines, writes them to stdout itself under one lock: no
 * writer thread, no copy, no queue. That is the fastest of the hand-written designs measured (a
 * writer thread fed through a queue cost 10–20 % more CPU, benchmarks/README.md). No framework, no
 * state, no status messages.
 *
 * <p>Usage: {@code RawReadStreams COUNT STREAMS}.
 */
public final class RawReadStreams {
  private static final int CHUNK = 1 << 18;

  private RawReadStreams() {}

  public static void main(String[] args) throws Exception {
    long count = Long.parseLong(args[0]);
    int streams = Integer.parseInt(args[1]);
    int threads = Math.min(streams, Runtime.getRuntime().availableProcessors());
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    JsonFactory factory = new JsonFactory();
    long per = count / streams;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int k = 0; k < streams; k++) {
        String name = k == 0 ? "rows" : "rows_" + (k + 1);
        long first = k * per + 1;
        runs.add(
            pool.submit(
                () -> {
                  write(factory, RawRead.head(name), first, first + per - 1, stdout);
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        try {
          run.get();
        } catch (ExecutionException e) {
          throw new IOException("a stream failed", e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Rows {@code from..to} of one stream, in whole-line chunks written to stdout under its lock. */
  private static void write(
      JsonFactory factory, SerializableString head, long from, long to, OutputStream stdout)
      throws IOException {
    Lines lines = new Lines();
    try (JsonGenerator g = factory.createGenerator(lines, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (long i = from; i <= to; i++) {
        RawRead.write(g, head, Rows.row(i), System.currentTimeMillis());
        if (lines.length + g.getOutputBuffered() >= CHUNK) {
          g.flush();
          lines.writeTo(stdout);
        }
      }
      g.flush();
      lines.writeTo(stdout);
    }
  }

  /** A stream's own buffer of whole lines. */
  private static final class Lines extends OutputStream {
    private byte[] bytes = new byte[CHUNK + (CHUNK >> 1)];
    private int length;

    @Override
    public void write(int b) {
      ensure(1);
      bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, length, len);
      length += len;
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
      }
    }

    void writeTo(OutputStream stdout) throws IOException {
      synchronized (stdout) {
        stdout.write(bytes, 0, length);
      }
      length = 0;
    }
  }
}
