package io.c8kit.acceptance.checks;

import io.c8kit.acceptance.target.Message;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;

/** The {@code connection} suite: the outcome of {@code check}. */
public final class ConnectionChecks {
  private ConnectionChecks() {}

  /** Good config: exactly one CONNECTION_STATUS, SUCCEEDED, exit 0. */
  public static List<Violation> checkSucceed(RunResult run) {
    return status(Rules.CONNECTION_CHECK_SUCCEED, run, "SUCCEEDED");
  }

  /**
   * Bad config: exactly one CONNECTION_STATUS, FAILED, exit 0 (a wrong config is a result, not a
   * crash).
   */
  public static List<Violation> checkFailed(RunResult run) {
    return status(Rules.CONNECTION_CHECK_FAILED, run, "FAILED");
  }

  private static List<Violation> status(String rule, RunResult run, String expected) {
    List<Violation> out = new ArrayList<>();
    List<Message> statuses = run.ofType("CONNECTION_STATUS");
    if (statuses.size() != 1) {
      out.add(
          Violation.of(
              rule,
              "check output",
              "CONNECTION_STATUS must be emitted exactly once, got " + statuses.size()));
      for (Message m : statuses) {
        out.add(Violation.of(rule, "check output", "CONNECTION_STATUS").withEvidence(m.evidence()));
      }
    } else {
      Message m = statuses.get(0);
      String status = m.payload().path("status").asText("");
      if (!status.equals(expected)) {
        out.add(
            Violation.of(
                    rule,
                    "CONNECTION_STATUS",
                    "status is "
                        + (status.isEmpty() ? "missing" : status)
                        + ", expected "
                        + expected)
                .withEvidence(m.evidence()));
      }
    }
    if (run.exitCode() != 0) {
      out.add(
          Violation.of(
              rule,
              "check command",
              "exited "
                  + run.exitCode()
                  + ", expected 0"
                  + (expected.equals("FAILED")
                      ? " (a failed check is a result: emit FAILED and exit 0)"
                      : "")));
    }
    return out;
  }

  /** Exception config: exactly one TRACE message in total, with {@code error.message} set. */
  public static List<Violation> checkException(RunResult run) {
    String rule = Rules.CONNECTION_CHECK_EXCEPTION;
    List<Violation> out = new ArrayList<>();
    List<Message> traces = run.traces();
    if (traces.size() != 1) {
      out.add(
          Violation.of(
              rule, "check output", "expected exactly one TRACE message, got " + traces.size()));
      return out;
    }
    Message t = traces.get(0);
    if (!t.traceType().equals("ERROR")
        || t.payload().path("error").path("message").asText("").isBlank()) {
      out.add(
          Violation.of(rule, "TRACE", "must be an ERROR trace with error.message set")
              .withEvidence(t.evidence()));
    }
    return out;
  }
}
