package io.c8kit.benchmarks.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.Protocol;
import io.c8kit.runtime.config.ConfigPreparer;
import io.c8kit.runtime.config.ConnectorSpec;
import io.c8kit.runtime.secrets.SecretMasker;
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

/**
 * Config binding: the generated binder alone (no reflection), against the whole preparation the CLI
 * runs before it (secrets, draft-07 validation, defaults) and Jackson's reflective {@code
 * treeToValue} of the same record type.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConfigBindingBenchmark {
  private ObjectNode config;
  private ObjectNode prepared;
  private BenchSource_ConfigBinder binder;
  private ConnectorSpec spec;

  @Setup(Level.Trial)
  public void setUp() {
    config = Protocol.mapper().createObjectNode().put("count", 12345);
    binder = new BenchSource_ConfigBinder();
    BenchConnector connector = new BenchConnector();
    spec = ConnectorSpec.of(BenchConnector.class, connector.info());
    prepared = ConfigPreparer.prepare(spec, config, new SecretMasker());
  }

  @Benchmark
  public BenchSource.Config generatedBinder() {
    return binder.bind(prepared);
  }

  @Benchmark
  public BenchSource.Config validateDefaultsAndBind() {
    SecretMasker masker = new SecretMasker();
    return ConfigPreparer.bind(binder, ConfigPreparer.prepare(spec, config, masker), masker);
  }

  @Benchmark
  public BenchSource.Config jacksonReflection() throws Exception {
    return Protocol.mapper().treeToValue(prepared, BenchSource.Config.class);
  }
}
