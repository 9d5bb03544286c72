package io.c8kit.acceptance.checks;

import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The {@code full_refresh} suite. */
public final class FullRefreshChecks {
  /** Pause between the two reads, as in CAT. */
  public static final long PAUSE_MILLIS = 100;

  private FullRefreshChecks() {}

  /**
   * Two sequential full-refresh reads: both exit 0, read 1 has records, read 2 has records, and
   * {@code max(emitted_at of read 1) < min(emitted_at of read 2)}.
   */
  public static List<Violation> sequentialReads(RunResult first, RunResult second) {
    String rule = Rules.FULL_REFRESH_SEQUENTIAL_READS;
    List<Violation> out = new ArrayList<>();
    if (first.exitCode() != 0) {
      out.add(Violation.of(rule, "read 1", "exited " + first.exitCode() + ", expected 0"));
    }
    if (second.exitCode() != 0) {
      out.add(Violation.of(rule, "read 2", "exited " + second.exitCode() + ", expected 0"));
    }
    if (first.records().isEmpty()) {
      out.add(
          Violation.of(
              rule, "read 1", "at least one record should be read using the full-refresh catalog"));
    }
    if (second.records().isEmpty()) {
      out.add(
          Violation.of(
              rule, "read 2", "returned no records; a full refresh must read the data again"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    Message maxFirst = null;
    for (Message m : first.records()) {
      if (!m.payload().path("emitted_at").isIntegralNumber()) {
        out.add(
            Violation.of(rule, "read 1", "emitted_at must be an integer (epoch milliseconds)")
                .withEvidence(m.evidence()));
        return out;
      }
      if (maxFirst == null || emittedAt(m) > emittedAt(maxFirst)) {
        maxFirst = m;
      }
    }
    Message minSecond = null;
    for (Message m : second.records()) {
      if (!m.payload().path("emitted_at").isIntegralNumber()) {
        out.add(
            Violation.of(rule, "read 2", "emitted_at must be an integer (epoch milliseconds)")
                .withEvidence(m.evidence()));
        return out;
      }
      if (minSecond == null || emittedAt(m) < emittedAt(minSecond)) {
        minSecond = m;
      }
    }
    if (emittedAt(maxFirst) >= emittedAt(minSecond)) {
      out.add(
          Violation.of(
                  rule,
                  "emitted_at",
                  "should increase on subsequent runs: max of read 1 is "
                      + emittedAt(maxFirst)
                      + ", min of read 2 is "
                      + emittedAt(minSecond)
                      + " (emitted_at must be the real extraction time, not a constant or a data value)")
              .withEvidence(minSecond.evidence()));
    }
    return out;
  }

  private static long emittedAt(Message m) {
    return m.payload().path("emitted_at").asLong();
  }
}
