package io.c8kit.benchmarks.baseline;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.SerializedString;
import io.c8kit.benchmarks.synthetic.BenchSource.Row;
import io.c8kit.benchmarks.synthetic.Rows;
import io.c8kit.runtime.JsonValues;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The read baseline ("the limit"): what a competent hand-written Java program does to print the
 * same RECORD lines as the c8kit benchmark source — the same rows from {@link Rows}, written with
 * Jackson's streaming generator and pre-encoded field names into a 64 KiB buffer on the raw stdout
 * descriptor, the envelope around the data as pre-encoded raw bytes (the constant head up to {@code
 * "data":} and the tail with {@code emitted_at}; c8kit's own envelope, so the limit has it too),
 * timestamps with the fastest formatter available to it (c8kit's own {@code
 * JsonValues.writeInstant}, 45 ns against 195 ns for {@code Instant.toString()}), one clock read
 * per record. No framework, no state, no status messages. Its RECORD lines are byte for byte those
 * of the benchmark source's {@code read} except the {@code emitted_at} values (the harness checks).
 *
 * <p>Usage: {@code RawRead COUNT [instant-tostring]}. With {@code instant-tostring} the timestamps
 * are written with {@code Instant.toString()} instead (the same text, slower): the baseline as it
 * was before issue 15, kept as an informational row.
 */
public final class RawRead {
  private static final SerializedString ROWS = head("rows");
  private static final SerializedString EMITTED_AT = new SerializedString(",\"emitted_at\":");
  private static final SerializedString END = new SerializedString("}}\n");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString EMAIL = new SerializedString("email");
  private static final SerializedString AGE = new SerializedString("age");
  private static final SerializedString SCORE = new SerializedString("score");
  private static final SerializedString ACTIVE = new SerializedString("active");
  private static final SerializedString BALANCE = new SerializedString("balance");
  private static final SerializedString TAGS = new SerializedString("tags");
  private static final SerializedString ADDRESS = new SerializedString("address");
  private static final SerializedString STREET = new SerializedString("street");
  private static final SerializedString CITY = new SerializedString("city");
  private static final SerializedString POSTAL_CODE = new SerializedString("postal_code");
  private static final SerializedString COUNTRY = new SerializedString("country");
  private static final SerializedString CREATED_AT = new SerializedString("created_at");

  private static boolean instantToString;

  private RawRead() {}

  public static void main(String[] args) throws IOException {
    long count = Long.parseLong(args[0]);
    instantToString = args.length > 1 && args[1].equals("instant-tostring");
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    try (JsonGenerator g = new JsonFactory().createGenerator(stdout, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (long i = 1; i <= count; i++) {
        write(g, Rows.row(i), System.currentTimeMillis());
      }
    }
  }

  /** One RECORD line of stream {@code rows}. */
  static void write(JsonGenerator g, Row r, long emittedAt) throws IOException {
    write(g, ROWS, r, emittedAt);
  }

  /**
   * The constant start of a stream's RECORD lines, up to the data, pre-encoded once (as c8kit
   * does): {@code "type"}, the {@code record} object and its {@code stream} and {@code data} names.
   */
  public static SerializedString head(String stream) {
    return new SerializedString(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\""
            + new String(JsonStringEncoder.getInstance().quoteAsString(stream))
            + "\",\"data\":");
  }

  /**
   * One RECORD line of the stream whose {@link #head} is given; the generator's root value
   * separator must be off (the data and the timestamp are root values to it).
   */
  public static void write(JsonGenerator g, SerializableString head, Row r, long emittedAt)
      throws IOException {
    g.writeRaw(head);
    g.writeStartObject();
    g.writeFieldName(ID);
    g.writeNumber(r.id());
    g.writeFieldName(NAME);
    g.writeString(r.name());
    g.writeFieldName(EMAIL);
    g.writeString(r.email());
    g.writeFieldName(AGE);
    g.writeNumber(r.age());
    g.writeFieldName(SCORE);
    g.writeNumber(r.score());
    g.writeFieldName(ACTIVE);
    g.writeBoolean(r.active());
    g.writeFieldName(BALANCE);
    g.writeNumber(r.balance());
    g.writeFieldName(TAGS);
    g.writeStartArray();
    for (String tag : r.tags()) {
      g.writeString(tag);
    }
    g.writeEndArray();
    g.writeFieldName(ADDRESS);
    g.writeStartObject();
    g.writeFieldName(STREET);
    g.writeString(r.address().street());
    g.writeFieldName(CITY);
    g.writeString(r.address().city());
    g.writeFieldName(POSTAL_CODE);
    g.writeString(r.address().postalCode());
    g.writeFieldName(COUNTRY);
    g.writeString(r.address().country());
    g.writeEndObject();
    g.writeFieldName(CREATED_AT);
    if (instantToString) {
      g.writeString(r.createdAt().toString());
    } else {
      JsonValues.writeInstant(g, r.createdAt());
    }
    g.writeEndObject();
    g.writeRaw(EMITTED_AT);
    g.writeNumber(emittedAt);
    g.writeRaw(END);
  }
}
