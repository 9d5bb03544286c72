package io.c8kit.acceptance;

import io.c8kit.acceptance.checks.Violation;
import io.c8kit.acceptance.checks.Violations;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Builds the dynamic tests of the suites: one per rule (or per rule and stream). */
final class RuleTests {
  private RuleTests() {}

  /** The violations a rule found, plus the runs that explain them. */
  record Outcome(List<Violation> violations, List<RunResult> runs) {
    static Outcome of(List<Violation> violations, RunResult... runs) {
      return new Outcome(violations, new ArrayList<>(Arrays.asList(runs)));
    }
  }

  @FunctionalInterface
  interface Body {
    Outcome run() throws Exception;
  }

  /** A test named after the rule. */
  static DynamicTest test(String rule, Function<String, String> bypass, Body body) {
    return test(rule, rule, bypass, body);
  }

  /** A test with its own display name (e.g. a stream name inside a rule's container). */
  static DynamicTest test(String name, String rule, Function<String, String> bypass, Body body) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          String reason = bypass.apply(rule);
          if (reason != null) {
            throw new TestAbortedException("[" + rule + "] bypassed: " + reason);
          }
          Outcome outcome;
          try {
            outcome = body.run();
          } catch (AssertionError | TestAbortedException e) {
            throw e;
          } catch (Exception e) {
            throw new AssertionFailedError("[" + rule + "] could not be checked: " + e, e);
          }
          Violations.assertNone(
              rule, outcome.violations(), outcome.runs().toArray(new RunResult[0]));
        });
  }

  /** A test that fails because a prerequisite is missing. */
  static DynamicTest cannotRun(
      String rule, Function<String, String> bypass, String why, RunResult... runs) {
    return test(
        rule,
        bypass,
        () -> {
          throw new AssertionFailedError(
              "["
                  + rule
                  + "] cannot run: "
                  + why
                  + (runs.length == 0 || runs[0] == null
                      ? ""
                      : "\n  " + runs[0].describe().replace("\n", "\n  ")));
        });
  }

  /** Tests that all fail with the same reason (e.g. the target could not be created). */
  static List<DynamicNode> allFail(
      List<String> rules, Function<String, String> bypass, String why, RunResult... runs) {
    List<DynamicNode> out = new ArrayList<>();
    for (String r : rules) {
      out.add(cannotRun(r, bypass, why, runs));
    }
    return out;
  }
}
