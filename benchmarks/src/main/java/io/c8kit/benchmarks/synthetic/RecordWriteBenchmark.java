package io.c8kit.benchmarks.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.c8kit.airbyte.output.ProtocolOutput;
import io.c8kit.benchmarks.baseline.RawRead;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.secrets.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The read hot path, one RECORD line per operation into a discarding stream: {@code
 * ProtocolOutput.writeRecord} with the serializer the c8kit processor generated for the benchmark
 * row, against a raw Jackson generator loop writing the same bytes (the limit), and the pieces in
 * between. Rows are made beforehand, so the generator of test data is not measured.
 *
 * <pre>
 * java -jar benchmarks/target/c8kit-benchmarks.jar … or: java -cp c8kit-benchmarks.jar org.openjdk.jmh.Main RecordWrite
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class RecordWriteBenchmark {
  private static final int ROWS = 4096;
  private static final ProtocolOutput.RecordHead STREAM = ProtocolOutput.recordHead("rows", null);
  private static final SerializedString RAW_STREAM = RawRead.head("rows");

  private BenchSource.Row[] rows;
  private int next;
  private ProtocolOutput out;
  private JsonGenerator raw;
  private BenchSource_RowSerializer generated;
  private long emittedAt;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    rows = new BenchSource.Row[ROWS];
    for (int i = 0; i < ROWS; i++) {
      rows[i] = Rows.row(i + 1);
    }
    out = new ProtocolOutput(OutputStream.nullOutputStream(), new SecretMasker());
    raw =
        Protocol.mapper()
            .getFactory()
            .createGenerator(OutputStream.nullOutputStream(), JsonEncoding.UTF8);
    raw.setRootValueSeparator(null);
    generated = new BenchSource_RowSerializer();
    emittedAt = System.currentTimeMillis();
    checkSameBytes();
  }

  /** The limit must write exactly the lines of ProtocolOutput with the generated serializer. */
  private void checkSameBytes() throws IOException {
    java.io.ByteArrayOutputStream a = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    ProtocolOutput reference = new ProtocolOutput(a, new SecretMasker());
    try (JsonGenerator limit =
        Protocol.mapper().getFactory().createGenerator(b, JsonEncoding.UTF8)) {
      limit.setRootValueSeparator(null);
      for (BenchSource.Row r : rows) {
        reference.writeRecord(STREAM, generated, r, emittedAt);
        RawRead.write(limit, RAW_STREAM, r, emittedAt);
      }
    }
    reference.flush();
    if (!java.util.Arrays.equals(a.toByteArray(), b.toByteArray())) {
      throw new IllegalStateException(
          "the hand-written limit writes other bytes than ProtocolOutput"
              + " with the generated serializer");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    out.close();
    raw.close();
  }

  private BenchSource.Row row() {
    return rows[next++ & (ROWS - 1)];
  }

  /** The c8kit path: ProtocolOutput.writeRecord with the generated serializer. */
  @Benchmark
  public void c8kitWriteRecord() {
    out.writeRecord(STREAM, generated, row(), emittedAt);
  }

  /** The limit: a raw Jackson generator loop writing the same line (benchmarks' RawRead). */
  @Benchmark
  public void rawJacksonLine() throws IOException {
    RawRead.write(raw, RAW_STREAM, row(), emittedAt);
  }

  /** Only the generated serializer's {@code data} object, on a raw generator. */
  @Benchmark
  public void generatedSerializerOnly() throws IOException {
    generated.write(row(), raw);
    raw.writeRaw('\n');
  }
}
