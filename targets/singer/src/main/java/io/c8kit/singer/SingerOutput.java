package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.output.CommitBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tap's one channel to stdout: SCHEMA, RECORD, STATE and ACTIVATE_VERSION lines exactly as
 * singer-python 1.2.0's {@code write_message} prints them (same keys, same order, same separators).
 * RECORDs stream straight from the connector's generated {@link RecordSerializer} into a buffer, as
 * in the Airbyte read; a message that fails halfway leaves nothing on stdout.
 */
final class SingerOutput {
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString RECORD_TYPE = new SerializedString("RECORD");
  private static final SerializedString STREAM = new SerializedString("stream");
  private static final SerializedString RECORD = new SerializedString("record");
  private static final SerializedString VERSION = new SerializedString("version");
  private static final SerializedString TIME_EXTRACTED = new SerializedString("time_extracted");
  private static final int FLUSH_THRESHOLD = 1 << 16;

  private final OutputStream sink;
  private final CommitBuffer buffer = new CommitBuffer(FLUSH_THRESHOLD + (FLUSH_THRESHOLD >> 1));
  private final TimeExtracted times = new TimeExtracted();
  private JsonGenerator generator;

  SingerOutput(OutputStream stdout) {
    this.sink = stdout;
    this.generator = PythonJson.generator(buffer);
  }

  /** A stream name encoded once, for {@link #record}. */
  static SerializableString encode(String stream) {
    return new SerializedString(stream);
  }

  /**
   * {@code {"type": "RECORD", "stream": …, "record": {…}[, "version": n], "time_extracted": …}}.
   *
   * @param version the full-table version, or {@code null}
   */
  synchronized <R> void record(
      SerializableString stream,
      RecordSerializer<? super R> serializer,
      R record,
      Long version,
      long extractedAtMillis) {
    try {
      JsonGenerator g = generator;
      g.writeStartObject();
      g.writeFieldName(TYPE);
      g.writeString(RECORD_TYPE);
      g.writeFieldName(STREAM);
      g.writeString(stream);
      g.writeFieldName(RECORD);
      serializer.write(record, g);
      if (version != null) {
        g.writeFieldName(VERSION);
        g.writeNumber(version);
      }
      g.writeFieldName(TIME_EXTRACTED);
      g.writeString(times.format(extractedAtMillis));
      g.writeEndObject();
      commit();
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write RECORD of stream " + stream.getValue(), e);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    }
  }

  /** {@code {"type": "SCHEMA", "stream", "schema", "key_properties"[, "bookmark_properties"]}}. */
  synchronized void schema(
      String stream, JsonNode schema, List<String> keyProperties, List<String> bookmarkProperties) {
    try {
      JsonGenerator g = generator;
      g.writeStartObject();
      g.writeStringField("type", "SCHEMA");
      g.writeStringField("stream", stream);
      g.writeFieldName("schema");
      PythonJson.MAPPER.writeTree(g, schema);
      stringArray(g, "key_properties", keyProperties);
      if (!bookmarkProperties.isEmpty()) { // singer-python: only when truthy
        stringArray(g, "bookmark_properties", bookmarkProperties);
      }
      g.writeEndObject();
      commit();
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write SCHEMA of stream " + stream, e);
    }
  }

  /** {@code {"type": "STATE", "value": …}}. */
  synchronized void state(JsonNode value) {
    try {
      JsonGenerator g = generator;
      g.writeStartObject();
      g.writeStringField("type", "STATE");
      g.writeFieldName("value");
      PythonJson.MAPPER.writeTree(g, value);
      g.writeEndObject();
      commit();
      flush(); // a state is a resume point: let it reach the pipe now
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write STATE", e);
    }
  }

  /** {@code {"type": "ACTIVATE_VERSION", "stream": …, "version": n}}. */
  synchronized void activateVersion(String stream, long version) {
    try {
      JsonGenerator g = generator;
      g.writeStartObject();
      g.writeStringField("type", "ACTIVATE_VERSION");
      g.writeStringField("stream", stream);
      g.writeNumberField("version", version);
      g.writeEndObject();
      commit();
    } catch (IOException e) {
      rollback();
      throw new UncheckedIOException("cannot write ACTIVATE_VERSION of stream " + stream, e);
    }
  }

  /** Writes a preformatted text (the discovered catalog) followed by a newline. */
  synchronized void text(String text) {
    try {
      generator.flush();
      buffer.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      buffer.write('\n');
      buffer.commit();
      flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }

  private static void stringArray(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeFieldName(name);
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private void commit() throws IOException {
    generator.writeRaw('\n');
    generator.flush();
    buffer.commit();
    if (buffer.committed() >= FLUSH_THRESHOLD) {
      buffer.drainBlocks(sink, FLUSH_THRESHOLD);
    }
  }

  private void rollback() {
    buffer.rollback();
    generator = PythonJson.generator(buffer); // the old one is mid-object
  }

  synchronized void flush() {
    try {
      buffer.drainTo(sink);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to stdout", e);
    }
  }
}
