package io.c8kit.benchmarks;

import io.c8kit.benchmarks.synthetic.RecordWriteBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnostic for a busy machine (not the JMH results): runs the {@link RecordWriteBenchmark}
 * operations in plain loops and reports <em>thread CPU time</em> per operation, the minimum over
 * several rounds. When other processes compete for the cores, JMH's wall-clock scores swing by
 * multiples; the time this thread actually ran does not (apart from cache effects), so relative
 * costs stay readable. Use JMH on a quiet machine for the real figures.
 *
 * <pre>java -cp c8kit-benchmarks.jar io.c8kit.benchmarks.CpuTimeMicro [rounds] [opsPerRound]</pre>
 *
 * <p>{@code CpuTimeMicro engine|hand [rounds] [records]} runs only one of the two whole reads, so
 * that the other's type profiles (shared Jackson and c8kit code) do not shape its JIT-compiled
 * code: the per-record CPU of the read path alone, as a fresh process would reach it.
 */
public final class CpuTimeMicro {
  private CpuTimeMicro() {}

  interface Op {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("engine") || args[0].equals("hand"))) {
      readsOnly(
          args[0].equals("engine"),
          args.length > 1 ? Integer.parseInt(args[1]) : 12,
          args.length > 2 ? Integer.parseInt(args[2]) : 200_000);
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    RecordWriteBenchmark b = new RecordWriteBenchmark();
    b.setUp();
    Map<String, Op> cases = new LinkedHashMap<>();
    cases.put("c8kitWriteRecord", b::c8kitWriteRecord);
    cases.put("rawJacksonLine", b::rawJacksonLine);
    cases.put("generatedSerializerOnly", b::generatedSerializerOnly);
    // whole reads in this JVM: the read engine with the generated connector, and the hand-written
    // loop
    int readRecords = 100_000;
    Map<String, Op> reads = reads(readRecords);
    io.c8kit.airbyte.input.LineParsingBenchmark lp =
        new io.c8kit.airbyte.input.LineParsingBenchmark();
    lp.setUp();
    org.openjdk.jmh.infra.Blackhole bh =
        new org.openjdk.jmh.infra.Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    cases.put("parse: c8kitEnvelopeAndCopy", lp::c8kitEnvelopeAndCopy);
    cases.put("parse: c8kitEnvelopeCopyAndTree", lp::c8kitEnvelopeCopyAndTree);
    cases.put("parse: jacksonReadTree", lp::jacksonReadTree);
    cases.put("parse: jacksonStreamingAllValues", () -> lp.jacksonStreamingAllValues(bh));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> readResults = new LinkedHashMap<>();
    for (int r = 0; r < Math.max(6, rounds / 2); r++) {
      for (Map.Entry<String, Op> c : reads.entrySet()) {
        long t0 = threads.getCurrentThreadCpuTime();
        c.getValue().run();
        long t1 = threads.getCurrentThreadCpuTime();
        readResults
            .computeIfAbsent(c.getKey(), k -> new ArrayList<>())
            .add((t1 - t0) / (double) readRecords);
      }
    }
    Map<String, List<Double>> results = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Op> c : cases.entrySet()) {
        Op op = c.getValue();
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < ops; i++) {
          op.run();
        }
        long t1 = threads.getCurrentThreadCpuTime();
        results.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add((t1 - t0) / (double) ops);
      }
    }
    b.tearDown();
    results.putAll(readResults);
    for (Map.Entry<String, List<Double>> e : results.entrySet()) {
      int n = e.getValue().size();
      List<Double> v = e.getValue().subList(n / 3, n); // the first third is warm-up
      System.out.printf(
          "%-28s min %6.0f  median %6.0f ns CPU/op%n",
          e.getKey(), v.stream().mapToDouble(Double::doubleValue).min().orElse(0), Stats.median(v));
    }
  }

  /** The two whole reads of {@code readRecords} records, in this JVM, to a null stream. */
  private static Map<String, Op> reads(int readRecords) throws Exception {
    io.c8kit.benchmarks.synthetic.BenchConnector connector =
        new io.c8kit.benchmarks.synthetic.BenchConnector();
    io.c8kit.protocol.ConfiguredAirbyteCatalog catalog =
        io.c8kit.protocol.Protocol.mapper()
            .treeToValue(
                Workspace.catalog(List.of("rows")),
                io.c8kit.protocol.ConfiguredAirbyteCatalog.class);
    io.c8kit.benchmarks.synthetic.BenchSource.Config config =
        new io.c8kit.benchmarks.synthetic.BenchSource.Config(readRecords);
    Map<String, Op> reads = new LinkedHashMap<>();
    reads.put(
        "read engine, per record",
        () -> {
          io.c8kit.runtime.secrets.SecretMasker masker =
              new io.c8kit.runtime.secrets.SecretMasker();
          io.c8kit.airbyte.output.ProtocolOutput out =
              new io.c8kit.airbyte.output.ProtocolOutput(
                  java.io.OutputStream.nullOutputStream(), masker);
          io.c8kit.runtime.read.ReadEngine.read(
              connector,
              config,
              catalog,
              null,
              new io.c8kit.airbyte.output.AirbyteReadSink(out),
              masker);
        });
    reads.put(
        "hand-written loop, per record",
        () -> {
          try (com.fasterxml.jackson.core.JsonGenerator g =
              new com.fasterxml.jackson.core.JsonFactory()
                  .createGenerator(
                      new java.io.BufferedOutputStream(
                          java.io.OutputStream.nullOutputStream(), 1 << 16))) {
            g.setRootValueSeparator(null);
            com.fasterxml.jackson.core.io.SerializedString rows =
                io.c8kit.benchmarks.baseline.RawRead.head("rows");
            for (long i = 1; i <= readRecords; i++) {
              io.c8kit.benchmarks.baseline.RawRead.write(
                  g, rows, io.c8kit.benchmarks.synthetic.Rows.row(i), System.currentTimeMillis());
            }
          }
        });
    return reads;
  }

  private static void readsOnly(boolean engine, int rounds, int readRecords) throws Exception {
    String name = engine ? "read engine, per record" : "hand-written loop, per record";
    Op read = reads(readRecords).get(name);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> perRecord = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      read.run();
      perRecord.add((threads.getCurrentThreadCpuTime() - t0) / (double) readRecords);
    }
    List<Double> v = perRecord.subList(rounds / 3, rounds); // the first third is warm-up
    System.out.printf(
        "%-28s min %6.0f  median %6.0f ns CPU/record%n",
        name, v.stream().mapToDouble(Double::doubleValue).min().orElse(0), Stats.median(v));
  }
}
