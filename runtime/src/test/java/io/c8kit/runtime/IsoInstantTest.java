package io.c8kit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written instant format must be {@link Instant#toString()}, character for character. */
class IsoInstantTest {
  private static String written(Instant value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      JsonValues.writeInstant(g, value);
    }
    return out.toString();
  }

  private static void assertLikeToString(Instant value) throws IOException {
    assertEquals(
        "\"" + value + "\"",
        written(value),
        () -> "epoch second " + value.getEpochSecond() + ", nano " + value.getNano());
  }

  @Test
  void edgesOfTheCalendarAndOfTheFraction() throws IOException {
    List<Instant> edges =
        new ArrayList<>(
            List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-02-29T12:00:00Z"),
                Instant.parse("0000-03-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1900-02-28T23:59:59Z"),
                Instant.parse("1900-03-01T00:00:00Z"),
                Instant.parse("2000-02-29T00:00:00Z"),
                Instant.parse("2000-03-01T00:00:00Z"),
                Instant.parse("2100-03-01T00:00:00Z"),
                Instant.parse("2024-12-31T23:59:59Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"),
                Instant.parse("1600-01-01T00:00:00Z"),
                // outside 0000..9999: signed years, from toString()
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN,
                Instant.MAX));
    for (int nano :
        new int[] {
          1,
          10,
          100,
          1_000,
          10_000,
          100_000,
          1_000_000,
          10_000_000,
          100_000_000,
          120_000_000,
          123_400_000,
          123_456_000,
          123_456_700,
          999_999_999
        }) {
      edges.add(Instant.ofEpochSecond(1_700_000_000L, nano));
    }
    for (Instant value : edges) {
      assertLikeToString(value);
    }
  }

  @Test
  void everyDayOfFourHundredYearsAndRandomInstantsOfTheWholeRange() throws IOException {
    long start = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
    for (long day = 0; day < 146_097 + 10; day++) {
      assertLikeToString(Instant.ofEpochSecond(start + day * 86_400L + (day * 7_919L) % 86_400L));
    }
    SplittableRandom random = new SplittableRandom(20261122);
    long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      assertLikeToString(
          Instant.ofEpochSecond(random.nextLong(min - 86_400L, end + 86_400L), nano));
    }
  }

  @Test
  void nullIsJsonNull() throws IOException {
    assertEquals("null", written(null));
  }
}
