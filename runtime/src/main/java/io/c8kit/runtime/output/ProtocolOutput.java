package io.c8kit.runtime.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.c8kit.protocol.AirbyteErrorTraceMessage;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteTraceMessage;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.RecordSerializer;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one channel to stdout: newline-delimited compact protocol messages through one buffered
 * stream. RECORDs are streamed with Jackson's generator straight into the buffer (the hot path, no
 * tree per record); LOG and TRACE text passes through the {@link SecretMasker}. Thread-safe, so log
 * handlers on other threads can interleave whole lines.
 */
public final class ProtocolOutput implements Closeable {
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString RECORD_TYPE = new SerializedString("RECORD");
  private static final SerializedString RECORD = new SerializedString("record");
  private static final SerializedString NAMESPACE = new SerializedString("namespace");
  private static final SerializedString STREAM = new SerializedString("stream");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString EMITTED_AT = new SerializedString("emitted_at");

  private final OutputStream sink;
  private final JsonGenerator generator;
  private final ObjectWriter messageWriter;
  private final SecretMasker masker;
  private boolean closed;

  public ProtocolOutput(OutputStream stdout, SecretMasker masker) {
    this.sink = new BufferedOutputStream(stdout, 1 << 16);
    this.masker = masker;
    try {
      this.generator = Protocol.mapper().getFactory().createGenerator(sink, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.generator.setRootValueSeparator(null);
    this.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    this.messageWriter = Protocol.mapper().writerFor(AirbyteMessage.class);
  }

  public SecretMasker masker() {
    return masker;
  }

  /** A stream name pre-encoded once per stream, for {@link #writeRecord}. */
  public static SerializableString encodeName(String name) {
    return name == null ? null : new SerializedString(name);
  }

  /**
   * Writes one RECORD line: {@code {"type":"RECORD","record":{"namespace"?,"stream","data":{…},
   * "emitted_at":ms}}}.
   */
  public synchronized <R> void writeRecord(
      SerializableString stream, SerializableString namespace, RecordSerializer<? super R> serializer,
      R record, long emittedAtMillis) {
    try {
      JsonGenerator g = generator;
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write RECORD to stdout", e);
    }
  }

  /** Writes any message as one line; LOG and TRACE ERROR text is masked first. */
  public synchronized void write(AirbyteMessage message) {
    maskInPlace(message);
    try {
      messageWriter.writeValue(generator, message);
      generator.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + message.type + " to stdout", e);
    }
  }

  /** Writes a LOG message. */
  public void log(AirbyteLogMessage.Level level, String message) {
    write(AirbyteMessage.log(level, message));
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

  /** Pushes buffered lines to stdout. */
  public synchronized void flush() {
    try {
      generator.flush();
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
