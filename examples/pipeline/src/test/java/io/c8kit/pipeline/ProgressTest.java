package io.c8kit.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static long s(double seconds) {
    return (long) (seconds * 1e9);
  }

  @Test
  void oneLinePerStreamThatMovedWithRateAndElapsedTime() {
    Progress p = new Progress(0);
    for (int i = 0; i < 12_000; i++) {
      p.record("users", s(1));
    }
    for (int i = 0; i < 500; i++) {
      p.record("purchases", s(2));
    }
    assertEquals(
        List.of(
            "  users                      12,000 records     4,000 rec/s 0:04 elapsed",
            "  purchases                     500 records       250 rec/s 0:04 elapsed"),
        p.lines(s(4)));
    // Nothing moved: no line; one stream moved: its line only, counts are per stream.
    assertEquals(List.of(), p.lines(s(6)));
    p.record("purchases", s(7));
    assertEquals(
        List.of("  purchases                     501 records        84 rec/s 0:08 elapsed"),
        p.lines(s(8)));
    assertEquals(12_000, p.records("users"));
  }

  @Test
  void clockShowsMinutesAndHours() {
    assertEquals("0:00", Progress.clock(0));
    assertEquals("1:05", Progress.clock(TimeUnit.SECONDS.toNanos(65)));
    assertEquals("1:01:01", Progress.clock(TimeUnit.SECONDS.toNanos(3661)));
  }
}
