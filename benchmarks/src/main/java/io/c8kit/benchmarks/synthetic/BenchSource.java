package io.c8kit.benchmarks.synthetic;

import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.source.Emitter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The synthetic source of the read benchmark: full-refresh streams of {@code count} faker-like
 * records each (ten fields, among them a {@code tags} array and an {@code address} object; about
 * 300 bytes of JSON), compiled by the c8kit processor like any connector. {@code rows} is the one
 * the read, write and scaling benchmarks use (rows 1 to count); {@code rows_2} to {@code rows_4}
 * emit the next ranges (rows count+1 to 2 count, and so on), so that four streams of N/4 carry
 * exactly the records of one stream of N. Its generated main is named in {@code
 * Workspace.BENCH_MAIN}.
 */
@Source(
    name = "bench",
    version = "1.0.0",
    title = "Bench",
    description = "Synthetic rows for the c8kit benchmarks.",
    documentationUrl = "https://docs.airbyte.com/integrations/sources/faker",
    concurrency = 4)
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
      List<String> tags,
      Address address,
      Instant createdAt) {}

  /** A postal address, written as a nested JSON object. */
  public record Address(String street, String city, String postalCode, String country) {}

  @Check
  void check(Config config) {}

  /** Emits rows 1..count. */
  @Stream(primaryKey = "id")
  void rows(Config config, Emitter<Row> out) {
    emit(config, 0, out);
  }

  /** Rows count+1..2 count (the parallel-streams benchmark). */
  @Stream(name = "rows_2", primaryKey = "id")
  void rows2(Config config, Emitter<Row> out) {
    emit(config, 1, out);
  }

  /** Rows 2 count+1..3 count. */
  @Stream(name = "rows_3", primaryKey = "id")
  void rows3(Config config, Emitter<Row> out) {
    emit(config, 2, out);
  }

  /** Rows 3 count+1..4 count. */
  @Stream(name = "rows_4", primaryKey = "id")
  void rows4(Config config, Emitter<Row> out) {
    emit(config, 3, out);
  }

  /** Emits the {@code part}-th range of {@code count} rows. */
  private static void emit(Config config, int part, Emitter<Row> out) {
    long count = config.count();
    long first = part * count + 1;
    for (long i = first; i < first + count; i++) {
      out.emit(Rows.row(i));
    }
  }
}
