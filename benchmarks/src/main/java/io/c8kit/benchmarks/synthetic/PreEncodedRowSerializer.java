package io.c8kit.benchmarks.synthetic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.c8kit.runtime.JsonValues;
import io.c8kit.runtime.RecordSerializer;
import java.io.IOException;

/**
 * A prototype of what the processor could generate instead of {@code BenchSource_RowSerializer}: the
 * same calls, but every field name a {@code static final SerializedString}, so Jackson copies
 * pre-encoded UTF-8 bytes instead of encoding and escape-checking each name's characters on every
 * record. Byte-identical output. Used by {@link RecordWriteBenchmark} to measure the proposal.
 */
final class PreEncodedRowSerializer implements RecordSerializer<BenchSource.Row> {
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString EMAIL = new SerializedString("email");
  private static final SerializedString AGE = new SerializedString("age");
  private static final SerializedString SCORE = new SerializedString("score");
  private static final SerializedString ACTIVE = new SerializedString("active");
  private static final SerializedString BALANCE = new SerializedString("balance");
  private static final SerializedString CITY = new SerializedString("city");
  private static final SerializedString COUNTRY = new SerializedString("country");
  private static final SerializedString CREATED_AT = new SerializedString("created_at");

  @Override
  public void write(BenchSource.Row record, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName(ID);
    gen.writeNumber(record.id());
    gen.writeFieldName(NAME);
    JsonValues.writeString(gen, record.name());
    gen.writeFieldName(EMAIL);
    JsonValues.writeString(gen, record.email());
    gen.writeFieldName(AGE);
    gen.writeNumber(record.age());
    gen.writeFieldName(SCORE);
    JsonValues.writeDouble(gen, record.score());
    gen.writeFieldName(ACTIVE);
    gen.writeBoolean(record.active());
    gen.writeFieldName(BALANCE);
    JsonValues.writeBigDecimal(gen, record.balance());
    gen.writeFieldName(CITY);
    JsonValues.writeString(gen, record.city());
    gen.writeFieldName(COUNTRY);
    JsonValues.writeString(gen, record.country());
    gen.writeFieldName(CREATED_AT);
    JsonValues.writeInstant(gen, record.createdAt());
    gen.writeEndObject();
  }
}
