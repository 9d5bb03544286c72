package io.c8kit.airbyte.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteErrorTraceMessage;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteTraceMessage;
import io.c8kit.protocol.JsonTrees;
import io.c8kit.protocol.MessageWriter;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.output.CommitBuffer;
import io.c8kit.runtime.output.LogDestination;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.output.LogRouting;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one channel to stdout: newline-delimited compact protocol messages. RECORDs are streamed with
 * Jackson's generator straight into a buffer (the hot path, no tree per record); LOG, TRACE ERROR
 * and CONNECTION_STATUS text passes through the {@link SecretMasker}. Thread-safe, so log handlers
 * on other threads interleave whole lines.
 *
 * <p>Every message is written into an in-memory buffer and only <em>committed</em> once complete: a
 * serializer that throws halfway through a record leaves nothing on stdout, and the next message
 * (typically the TRACE ERROR) is still a well-formed line. Committed bytes go to the underlying
 * stream in whole blocks of 64 KiB, a pipe's size (a read into a pipe: 0.75× the hand-written
 * limit's wall time with blocks of "64 KiB and the rest of the line", 0.9–0.98× with exact blocks),
 * and all of them on {@link #flush()}.
 */
public final class ProtocolOutput implements Closeable, LogDestination {
  /**
   * What follows a RECORD's data: raw, since the head opened the objects outside Jackson's view.
   */
  private static final SerializedString EMITTED_AT = new SerializedString(",\"emitted_at\":");

  private static final SerializedString RECORD_END = new SerializedString("}}\n");

  private static final int FLUSH_THRESHOLD = 1 << 16;

  /**
   * A concurrently read stream hands its lines over in chunks of this size: a hand-over takes the
   * process output's lock and writes to stdout, so fewer, larger chunks cost the reading thread
   * less (with the writer thread of before, 64 KiB and 1 MiB cost about 10 % more CPU than 256 KiB,
   * benchmarks/results/wconc.md).
   */
  private static final int HANDOVER_THRESHOLD = 1 << 18;

  private final OutputStream sink;
  private final boolean wholeLines;
  private final int threshold;
  private final CommitBuffer buffer;
  private final SecretMasker masker;
  private JsonGenerator generator;

  /**
   * True while a message is being written; a message written meanwhile by the same thread waits.
   */
  private boolean busy;

  /** Messages written while busy: {@link AirbyteMessage}s and {@link ObjectNode}s. */
  private List<Object> deferred;

  private boolean closed;

  public ProtocolOutput(OutputStream stdout, SecretMasker masker) {
    this(stdout, masker, false);
  }

  /**
   * With {@code wholeLines}, every write to {@code sink} ends at a line end (a concurrently read
   * stream's chunks are interleaved with other streams' by line); without, full buffers go out in
   * blocks of exactly {@link #FLUSH_THRESHOLD} bytes, whatever the line ends.
   */
  ProtocolOutput(OutputStream sink, SecretMasker masker, boolean wholeLines) {
    this.sink = sink;
    this.masker = masker;
    this.wholeLines = wholeLines;
    this.threshold = wholeLines ? HANDOVER_THRESHOLD : FLUSH_THRESHOLD;
    this.buffer = new CommitBuffer(threshold + (threshold >> 1));
    this.generator = newGenerator();
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator g = Protocol.factory().createGenerator(buffer, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SecretMasker masker() {
    return masker;
  }

  /**
   * The fixed start of one stream's RECORD lines (the message type, the namespace and stream name,
   * and the data's field name), encoded once per stream for {@link #writeRecord}.
   */
  public static final class RecordHead {
    private final String stream;
    private final SerializedString json;

    private RecordHead(String stream, SerializedString json) {
      this.stream = stream;
      this.json = json;
    }
  }

  /** The head of the RECORD lines of stream {@code name} in {@code namespace} (may be null). */
  public static RecordHead recordHead(String name, String namespace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      // Jackson's UTF-8 generator writes the head, so names are escaped exactly as in any other
      // message (characters outside the BMP included); it is left open mid-object, and the colon
      // it would write before the next value is added here
      JsonGenerator g = Protocol.factory().createGenerator(bytes, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeStringField("type", "RECORD");
      g.writeFieldName("record");
      g.writeStartObject();
      if (namespace != null) {
        g.writeStringField("namespace", namespace);
      }
      g.writeStringField("stream", name);
      g.writeFieldName("data");
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the bytes are in memory
    }
    return new RecordHead(name, new SerializedString(bytes.toString(StandardCharsets.UTF_8) + ":"));
  }

  /**
   * Writes one RECORD line: the stream's pre-encoded head, the data as the serializer writes it,
   * then the {@code emitted_at} field, the two closing braces and the newline. The head and tail
   * are raw bytes: Jackson sees the data and the timestamp as two root-level values (with no
   * separator between root values), which keeps the per-record work, and the code the JIT compiles
   * into every frame that writes a record, to the data itself. When the serializer throws, nothing
   * of the record reaches stdout and the exception propagates.
   */
  public synchronized <R> void writeRecord(
      RecordHead head, RecordSerializer<? super R> serializer, R record, long emittedAtMillis) {
    busy = true;
    try {
      JsonGenerator g = generator;
      g.writeRaw(head.json);
      serializer.write(record, g);
      g.writeRaw(EMITTED_AT);
      g.writeNumber(emittedAtMillis);
      g.writeRaw(RECORD_END);
      commit();
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write RECORD of stream " + head.stream, e);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    } finally {
      busy = false;
    }
    writeDeferred();
  }

  /**
   * Writes any message as one line; LOG, TRACE ERROR and CONNECTION_STATUS text is masked first.
   */
  public synchronized void write(AirbyteMessage message) {
    maskInPlace(message);
    writeLine(message);
  }

  /**
   * Writes a message given as a JSON tree, as it is: an echoed STATE keeps every field it came
   * with, explicit nulls included. Not masked: only LOG, TRACE and CONNECTION_STATUS carry text to
   * mask.
   */
  public synchronized void write(ObjectNode message) {
    writeLine(message);
  }

  /** One {@link AirbyteMessage} or {@link ObjectNode} as a committed line. */
  private void writeLine(Object message) {
    if (busy) {
      // Re-entered from the same thread (a serializer that logs): write it after the current line.
      if (deferred == null) {
        deferred = new ArrayList<>();
      }
      deferred.add(message);
      return;
    }
    busy = true;
    try {
      if (message instanceof ObjectNode tree) {
        JsonTrees.write(generator, tree);
      } else {
        MessageWriter.write(generator, (AirbyteMessage) message);
      }
      generator.writeRaw('\n');
      commit();
    } catch (IOException e) {
      rollback();
      String type =
          message instanceof ObjectNode tree
              ? tree.path("type").asText()
              : String.valueOf(((AirbyteMessage) message).type);
      throw new UncheckedIOException("cannot write " + type + " to stdout", e);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    } finally {
      busy = false;
    }
    writeDeferred();
  }

  private void writeDeferred() {
    while (deferred != null && !deferred.isEmpty()) {
      writeLine(deferred.remove(0)); // already masked when it was deferred
    }
  }

  /** Writes a LOG message. */
  public void log(AirbyteLogMessage.Level level, String message) {
    write(AirbyteMessage.log(level, message));
  }

  /** Writes a routed log record as a LOG message (see {@link LogRouting}). */
  @Override
  public void log(java.util.logging.Level level, String message, String stackTrace) {
    AirbyteMessage log = AirbyteMessage.log(LogLevels.toAirbyte(level), message);
    log.log.stackTrace = stackTrace;
    write(log);
  }

  /**
   * Writes complete lines that another {@code ProtocolOutput} already committed (a concurrently
   * read stream's chunk), after the lines buffered here, so they stay whole and in order; like
   * everything else here they go out in whole 64 KiB blocks, the rest at the next block or flush.
   */
  public synchronized void writeLines(byte[] lines, int offset, int length) {
    try {
      // whole blocks of a pipe's size: complete the buffered block, write the chunk's whole blocks
      // straight from it, keep its tail; at most one block is copied
      int off = offset;
      int len = length;
      int pending = buffer.committed() % FLUSH_THRESHOLD;
      int head = pending == 0 ? 0 : Math.min(len, FLUSH_THRESHOLD - pending);
      buffer.write(lines, off, head);
      buffer.commit();
      buffer.drainBlocks(sink, FLUSH_THRESHOLD);
      off += head;
      len -= head;
      int whole = len - len % FLUSH_THRESHOLD;
      if (buffer.committed() == 0 && whole > 0) {
        sink.write(lines, off, whole);
        off += whole;
        len -= whole;
      }
      buffer.write(lines, off, len);
      buffer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }

  /**
   * Writes plain text, not a protocol message: only for commands that are not Airbyte commands and
   * print something for people ({@code docs}).
   */
  public synchronized void writeText(String text) {
    try {
      buffer.drainTo(sink);
      sink.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }

  /**
   * Last-resort output for fatal errors (an {@link OutOfMemoryError} while building the TRACE):
   * drops any uncommitted partial message, appends the given complete line (which must end with a
   * newline and must already be masked) and flushes, without Jackson.
   */
  public synchronized void writeFallbackLine(byte[] line) {
    buffer.rollback();
    try {
      buffer.drainTo(sink);
      sink.write(line);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }

  private void maskInPlace(AirbyteMessage message) {
    if (masker.isEmpty()) {
      return;
    }
    AirbyteLogMessage log = message.log;
    if (log != null) {
      log.message = masker.mask(log.message);
      log.stackTrace = masker.mask(log.stackTrace);
    }
    AirbyteTraceMessage trace = message.trace;
    if (trace != null && trace.error != null) {
      AirbyteErrorTraceMessage error = trace.error;
      error.message = masker.mask(error.message);
      error.internalMessage = masker.mask(error.internalMessage);
      error.stackTrace = masker.mask(error.stackTrace);
    }
    if (message.connectionStatus != null) {
      message.connectionStatus.message = masker.mask(message.connectionStatus.message);
    }
  }

  private void commit() throws IOException {
    generator.flush();
    buffer.commit();
    if (buffer.committed() >= threshold) {
      if (wholeLines) {
        buffer.drainTo(sink);
      } else {
        buffer.drainBlocks(sink, FLUSH_THRESHOLD);
      }
    }
  }

  /** Forgets the message being written and starts a fresh generator (the old one is mid-object). */
  private void rollback() {
    buffer.rollback();
    generator = newGenerator();
  }

  /** Pushes buffered lines to stdout. */
  public synchronized void flush() {
    try {
      buffer.drainTo(sink);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush stdout", e);
    }
  }

  /** Flushes; does not close the underlying stdout (the process owns it). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    flush();
  }
}
