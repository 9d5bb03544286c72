package io.c8kit.airbyte.input;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.c8kit.benchmarks.baseline.RawRead;
import io.c8kit.benchmarks.synthetic.Rows;
import io.c8kit.protocol.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Airbyte write's per-line stdin parsing (in the Airbyte target's package, to reach the
 * package-private {@link MessageParser}): the envelope pass that classifies a line and locates
 * {@code data}, the copy into the buffer, and the tree the batch builds when the writer reads the
 * record — against a single streaming pass that reads every value (what a hand-written loader does)
 * and a plain {@code readTree} of the line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class LineParsingBenchmark {
  private static final int LINES = 1024;

  /**
   * The reader {@code runtime.write.RecordBatch.parseData} uses (package-private in the engine,
   * which this benchmark no longer shares a package with).
   */
  private static final ObjectReader DATA_READER =
      Protocol.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private byte[][] lines;
  private int next;
  private MessageParser parser;
  private ObjectMapper mapper;
  private JsonFactory factory;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    lines = new byte[LINES][];
    long now = System.currentTimeMillis();
    for (int i = 0; i < LINES; i++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (JsonGenerator g = Protocol.mapper().getFactory().createGenerator(b, JsonEncoding.UTF8)) {
        g.setRootValueSeparator(null);
        RawRead.write(g, RawRead.head("rows"), Rows.row(i + 1), now);
      }
      byte[] line = b.toByteArray();
      lines[i] =
          Arrays.copyOf(line, line.length - 1); // without the newline, as InputLines hands it over
    }
    parser = new MessageParser();
    mapper = Protocol.mapper();
    factory = mapper.getFactory();
  }

  private byte[] line() {
    return lines[next++ & (LINES - 1)];
  }

  /** What the write engine does per RECORD line when it arrives: envelope pass and data copy. */
  @Benchmark
  public byte[] c8kitEnvelopeAndCopy() {
    byte[] l = line();
    parser.parse(l, 0, l.length, 1);
    return Arrays.copyOfRange(l, parser.dataStart, parser.dataEnd);
  }

  /**
   * ... plus the data tree that the engine's {@code RecordBatch} builds when the writer reads the
   * record (with its reader, {@link #DATA_READER}).
   */
  @Benchmark
  public JsonNode c8kitEnvelopeCopyAndTree() throws IOException {
    byte[] l = line();
    parser.parse(l, 0, l.length, 1);
    return DATA_READER.readTree(Arrays.copyOfRange(l, parser.dataStart, parser.dataEnd));
  }

  /** A plain tree of the whole line. */
  @Benchmark
  public JsonNode jacksonReadTree() throws IOException {
    return mapper.readTree(line());
  }

  /** One streaming pass reading every value (a hand-written loader's parse). */
  @Benchmark
  public void jacksonStreamingAllValues(Blackhole bh) throws IOException {
    try (JsonParser p = factory.createParser(line())) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case VALUE_STRING -> bh.consume(p.getText());
          case VALUE_NUMBER_INT -> bh.consume(p.getLongValue());
          case VALUE_NUMBER_FLOAT -> bh.consume(p.getDoubleValue());
          case FIELD_NAME -> bh.consume(p.currentName());
          default -> bh.consume(t);
        }
      }
    }
  }
}
