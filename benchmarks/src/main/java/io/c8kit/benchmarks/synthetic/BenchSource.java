package io.c8kit.benchmarks.synthetic;

import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.source.Emitter;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The synthetic source of the read benchmark: one full-refresh stream {@code rows} of {@code count}
 * faker-like records (ten fields, about 200 bytes of JSON), compiled by the c8kit processor like any
 * connector. Its generated main is {@code io.c8kit.benchmarks.synthetic.BenchMain}.
 */
@Source(
    name = "bench",
    version = "1.0.0",
    title = "Bench",
    description = "Synthetic rows for the c8kit benchmarks.",
    documentationUrl = "https://docs.airbyte.com/integrations/sources/faker")
public class BenchSource {
  /** The configuration: how many rows to emit. */
  public record Config(
      @Property(description = "How many rows the stream emits.", order = 0, minimum = 0)
          @DefaultValue("1000")
          long count) {}

  /** One synthetic row; the JSON field names are the snake_case component names. */
  public record Row(
      long id,
      String name,
      String email,
      int age,
      double score,
      boolean active,
      BigDecimal balance,
      String city,
      String country,
      Instant createdAt) {}

  @Check
  void check(Config config) {}

  /** Emits rows 1..count. */
  @Stream(primaryKey = "id")
  void rows(Config config, Emitter<Row> out) {
    long count = config.count();
    for (long i = 1; i <= count; i++) {
      out.emit(Rows.row(i));
    }
  }
}
