package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.BackwardCompatibility;
import io.c8kit.acceptance.checks.ConnectionChecks;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.checks.SpecChecks;
import io.c8kit.acceptance.checks.Violation;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicNode;

/** The {@code spec} and {@code connection} suites, shared by sources and destinations. */
final class CommonSuites {
  private CommonSuites() {}

  static List<DynamicNode> spec(AcceptanceSession<?> s) {
    Function<String, String> bypass = s::bypassReason;
    List<DynamicNode> tests = new ArrayList<>();
    RunResult run = s.specRun();
    tests.add(
        RuleTests.test(
            Rules.SPEC_EXACTLY_ONE_SPEC,
            bypass,
            () -> RuleTests.Outcome.of(SpecChecks.exactlyOneSpec(run), run)));
    Optional<JsonNode> spec = SpecChecks.specPayload(run);
    List<String> dependent = new ArrayList<>(SpecChecks.staticRules().keySet());
    dependent.add(Rules.SPEC_CONFIG_MATCH_SPEC);
    if (s.cfg.expectedSpec != null) {
      dependent.add(Rules.SPEC_MATCH_EXPECTED);
    }
    if (s.cfg.previousSpec != null) {
      dependent.add(Rules.SPEC_BACKWARD_COMPATIBILITY);
    }
    if (spec.isEmpty()) {
      tests.addAll(
          RuleTests.allFail(
              dependent,
              bypass,
              "the spec command did not print exactly one SPEC"
                  + " (see "
                  + Rules.SPEC_EXACTLY_ONE_SPEC
                  + ")",
              run));
      return tests;
    }
    JsonNode payload = spec.get();
    for (Map.Entry<String, Function<JsonNode, List<Violation>>> rule :
        SpecChecks.staticRules().entrySet()) {
      tests.add(
          RuleTests.test(
              rule.getKey(),
              bypass,
              () -> RuleTests.Outcome.of(rule.getValue().apply(payload), run)));
    }
    tests.add(
        RuleTests.test(
            Rules.SPEC_CONFIG_MATCH_SPEC,
            bypass,
            () -> {
              if (s.cfg.goodConfig == null) {
                return RuleTests.Outcome.of(
                    List.of(
                        Violation.of(
                            Rules.SPEC_CONFIG_MATCH_SPEC,
                            "config",
                            "no good config is configured (goodConfig(...))")));
              }
              return RuleTests.Outcome.of(
                  SpecChecks.configMatchSpec(payload, s.cfg.goodConfig), run);
            }));
    if (s.cfg.expectedSpec != null) {
      tests.add(
          RuleTests.test(
              Rules.SPEC_MATCH_EXPECTED,
              bypass,
              () ->
                  RuleTests.Outcome.of(
                      SpecChecks.matchExpected(payload, Json.parse(s.cfg.expectedSpec)), run)));
    }
    if (s.cfg.previousSpec != null) {
      tests.add(
          RuleTests.test(
              Rules.SPEC_BACKWARD_COMPATIBILITY,
              bypass,
              () ->
                  RuleTests.Outcome.of(
                      BackwardCompatibility.spec(Json.parse(s.cfg.previousSpec), payload), run)));
    }
    return tests;
  }

  static List<DynamicNode> connection(AcceptanceSession<?> s) {
    Function<String, String> bypass = s::bypassReason;
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        RuleTests.test(
            Rules.CONNECTION_CHECK_SUCCEED,
            bypass,
            () -> {
              if (s.cfg.goodConfig == null) {
                return RuleTests.Outcome.of(
                    List.of(
                        Violation.of(
                            Rules.CONNECTION_CHECK_SUCCEED,
                            "config",
                            "no good config is configured (goodConfig(...))")));
              }
              RunResult run = s.client.check(s.cfg.goodConfig);
              return RuleTests.Outcome.of(ConnectionChecks.checkSucceed(run), run);
            }));
    tests.add(
        RuleTests.test(
            Rules.CONNECTION_CHECK_FAILED,
            bypass,
            () -> {
              if (s.cfg.badConfig == null) {
                return RuleTests.Outcome.of(
                    List.of(
                        Violation.of(
                            Rules.CONNECTION_CHECK_FAILED,
                            "config",
                            "no bad config is configured (badConfig(...), or bypass(\""
                                + Rules.CONNECTION_CHECK_FAILED
                                + "\", reason))")));
              }
              RunResult run = s.client.check(s.cfg.badConfig);
              return RuleTests.Outcome.of(ConnectionChecks.checkFailed(run), run);
            }));
    if (s.cfg.exceptionConfig != null) {
      tests.add(
          RuleTests.test(
              Rules.CONNECTION_CHECK_EXCEPTION,
              bypass,
              () -> {
                RunResult run = s.client.check(s.cfg.exceptionConfig);
                return RuleTests.Outcome.of(ConnectionChecks.checkException(run), run);
              }));
    }
    return tests;
  }
}
