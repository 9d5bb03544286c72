package io.c8kit.acceptance.checks;

import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Turns violations into a JUnit failure whose message names the rule, the subject and the evidence.
 */
public final class Violations {
  /** Violations printed in one failure message. */
  public static final int MAX_PRINTED = 40;

  private Violations() {}

  /** Fails when {@code violations} is not empty; the message lists them and summarises the runs. */
  public static void assertNone(String rule, List<Violation> violations, RunResult... runs) {
    if (violations.isEmpty()) {
      return;
    }
    throw new AssertionFailedError(format(rule, violations, Arrays.asList(runs)));
  }

  /** The failure message for {@link #assertNone}. */
  public static String format(String rule, List<Violation> violations, List<RunResult> runs) {
    StringBuilder sb = new StringBuilder();
    sb.append('[')
        .append(rule)
        .append("] failed with ")
        .append(violations.size())
        .append(violations.size() == 1 ? " violation:" : " violations:");
    int n = 0;
    for (Violation v : violations) {
      if (++n > MAX_PRINTED) {
        sb.append("\n  … and ").append(violations.size() - MAX_PRINTED).append(" more");
        break;
      }
      sb.append("\n  ").append(v.toString().replace("\n", "\n  "));
    }
    List<RunResult> shown = new ArrayList<>();
    for (RunResult r : runs) {
      if (r != null && !shown.contains(r)) {
        shown.add(r);
      }
    }
    if (!shown.isEmpty()) {
      sb.append("\n  connector runs:");
      for (RunResult r : shown) {
        sb.append("\n    ").append(Objects.toString(r.describe()).replace("\n", "\n    "));
      }
    }
    return sb.toString();
  }

  /** Only the violations of one rule. */
  public static List<Violation> ofRule(String rule, List<Violation> violations) {
    List<Violation> out = new ArrayList<>();
    for (Violation v : violations) {
      if (v.rule().equals(rule)) {
        out.add(v);
      }
    }
    return out;
  }

  /** Only the violations concerning one stream. */
  public static List<Violation> ofStream(StreamKey stream, List<Violation> violations) {
    List<Violation> out = new ArrayList<>();
    for (Violation v : violations) {
      if (stream.equals(v.stream())) {
        out.add(v);
      }
    }
    return out;
  }
}
