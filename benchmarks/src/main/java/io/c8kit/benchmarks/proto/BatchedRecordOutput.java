package io.c8kit.benchmarks.proto;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.RecordSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * PROTOTYPE of the proposed {@code ProtocolOutput.writeRecord} (FINDINGS.md): the same all-or-nothing
 * guarantee for a record whose serializer throws, without flushing Jackson's generator into the
 * line buffer after every record. A record's start is remembered as a <em>logical</em> offset
 * ({@code buffer.count + generator.getOutputBuffered()}); the generator is flushed only when about
 * 64 KiB are pending (then the committed part is drained to the sink) or when a record fails (then
 * everything is flushed and the buffer cut back to the record's start). Only the RECORD path is
 * reproduced here; other messages would flush the generator first, as today.
 */
public final class BatchedRecordOutput {
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString RECORD_TYPE = new SerializedString("RECORD");
  private static final SerializedString RECORD = new SerializedString("record");
  private static final SerializedString NAMESPACE = new SerializedString("namespace");
  private static final SerializedString STREAM = new SerializedString("stream");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString EMITTED_AT = new SerializedString("emitted_at");
  private static final int FLUSH_THRESHOLD = 1 << 16;

  private final OutputStream sink;
  private final Buffer buffer = new Buffer(FLUSH_THRESHOLD + (FLUSH_THRESHOLD >> 1));
  private JsonGenerator generator;

  public BatchedRecordOutput(OutputStream sink) {
    this.sink = sink;
    this.generator = newGenerator();
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator g = Protocol.mapper().getFactory().createGenerator(buffer, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
      g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized <R> void writeRecord(
      SerializableString stream, SerializableString namespace, RecordSerializer<? super R> serializer,
      R record, long emittedAtMillis) {
    JsonGenerator g = generator;
    long start = buffer.count + g.getOutputBuffered();
    try {
      g.writeStartObject();
      g.writeFieldName(TYPE);
      g.writeString(RECORD_TYPE);
      g.writeFieldName(RECORD);
      g.writeStartObject();
      if (namespace != null) {
        g.writeFieldName(NAMESPACE);
        g.writeString(namespace);
      }
      g.writeFieldName(STREAM);
      g.writeString(stream);
      g.writeFieldName(DATA);
      serializer.write(record, g);
      g.writeFieldName(EMITTED_AT);
      g.writeNumber(emittedAtMillis);
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      int end = buffer.count + g.getOutputBuffered();
      if (end >= FLUSH_THRESHOLD) {
        g.flush();
        buffer.committed = buffer.count;
        buffer.drainTo(sink);
      }
    } catch (IOException e) {
      rollback((int) start);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      rollback((int) start);
      throw e;
    }
  }

  private void rollback(int start) {
    try {
      generator.flush(); // everything before the record is now in the buffer
    } catch (IOException ignored) {
      // the buffer does not fail
    }
    buffer.count = start;
    buffer.committed = Math.min(buffer.committed, start);
    generator = newGenerator();
  }

  public synchronized void flush() {
    try {
      generator.flush();
      buffer.committed = buffer.count;
      buffer.drainTo(sink);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Buffer extends OutputStream {
    byte[] buf;
    int count;
    int committed;

    Buffer(int capacity) {
      buf = new byte[capacity];
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
      if (count + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(count + extra, buf.length * 2));
      }
    }

    void drainTo(OutputStream sink) throws IOException {
      if (committed == 0) {
        return;
      }
      sink.write(buf, 0, committed);
      int tail = count - committed;
      System.arraycopy(buf, committed, buf, 0, tail);
      count = tail;
      committed = 0;
    }
  }
}
