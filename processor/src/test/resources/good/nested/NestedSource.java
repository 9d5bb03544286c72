package com.example.nested;

import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import java.util.List;
import java.util.Optional;

/** Records nested deeper than the serializer writes inline, with nulls, optionals and lists of them. */
@Source(name = "nested", version = "1.0.0")
public class NestedSource {
  public record Config(int count) {}

  public record L5(String v) {}

  public record L4(String v, L5 next) {}

  public record L3(String v, L4 next) {}

  public record L2(String v, L3 next) {}

  public record L1(String v, L2 next) {}

  public record Top(long id, L1 next, Optional<L1> maybe, List<L2> many, L5 leaf) {}

  @Stream(primaryKey = "id")
  java.util.stream.Stream<Top> rows(Config config) {
    return java.util.stream.Stream.empty();
  }
}
