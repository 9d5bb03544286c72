package com.example.ranges;

import io.c8kit.annotations.Choice;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.OneOf;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every Java integer type in every position a config property can take. */
@Source(name = "ranges", version = "1.0.0")
public class RangesSource {
  @OneOf(discriminator = "kind")
  public sealed interface Mode permits Fast, Slow {}

  @Choice("fast")
  public record Fast(short burst, Optional<Byte> level) implements Mode {}

  @Choice("slow")
  public record Slow(long delay) implements Mode {}

  public record Inner(int count, Integer boxedCount, @Property(minimum = -5, maximum = 1e12) long big) {}

  public record Config(
      int count,
      long seed,
      short small,
      byte tiny,
      Integer boxedInt,
      Long boxedLong,
      Short boxedShort,
      Byte boxedByte,
      @DefaultValue("5432") @Property(minimum = 0, maximum = 65535) int port,
      @Property(minimum = -1e12, maximum = 1e3) short narrowed,
      Optional<Integer> maybe,
      List<Integer> ints,
      Set<Byte> bytes,
      List<Short> shorts,
      Optional<Inner> inner,
      List<Inner> inners,
      Mode mode) {}

  public record Row(long id) {}

  @Stream(primaryKey = "id")
  java.util.stream.Stream<Row> rows(Config config) {
    return java.util.stream.Stream.of(new Row(config.count()));
  }
}
