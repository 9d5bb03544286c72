package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.BackwardCompatibility;
import io.c8kit.acceptance.checks.ConnectionChecks;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.checks.SpecChecks;
import io.c8kit.acceptance.checks.Violation;
import io.c8kit.acceptance.target.ConnectorClient;
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

  /** What the shared suites need from a session. */
  interface Context {
    ConnectorClient client();

    /** The spec run, computed once. */
    RunResult specRun();

    String goodConfig();

    String badConfig();

    String exceptionConfig();

    String expectedSpec();

    String previousSpec();

    String bypassReason(String rule);
  }

  static List<DynamicNode> spec(Context ctx) {
    Function<String, String> bypass = ctx::bypassReason;
    List<DynamicNode> tests = new ArrayList<>();
    RunResult run = ctx.specRun();
    tests.add(RuleTests.test(Rules.SPEC_EXACTLY_ONE_SPEC, bypass,
        () -> RuleTests.Outcome.of(SpecChecks.exactlyOneSpec(run), run)));
    Optional<JsonNode> spec = SpecChecks.specPayload(run);
    List<String> dependent = new ArrayList<>(SpecChecks.staticRules().keySet());
    dependent.add(Rules.SPEC_CONFIG_MATCH_SPEC);
    if (ctx.expectedSpec() != null) {
      dependent.add(Rules.SPEC_MATCH_EXPECTED);
    }
    if (ctx.previousSpec() != null) {
      dependent.add(Rules.SPEC_BACKWARD_COMPATIBILITY);
    }
    if (spec.isEmpty()) {
      tests.addAll(RuleTests.allFail(dependent, bypass, "the spec command did not print exactly one SPEC"
          + " (see " + Rules.SPEC_EXACTLY_ONE_SPEC + ")", run));
      return tests;
    }
    JsonNode payload = spec.get();
    for (Map.Entry<String, Function<JsonNode, List<Violation>>> rule : SpecChecks.staticRules().entrySet()) {
      tests.add(RuleTests.test(rule.getKey(), bypass,
          () -> RuleTests.Outcome.of(rule.getValue().apply(payload), run)));
    }
    tests.add(RuleTests.test(Rules.SPEC_CONFIG_MATCH_SPEC, bypass, () -> {
      if (ctx.goodConfig() == null) {
        return RuleTests.Outcome.of(List.of(Violation.of(Rules.SPEC_CONFIG_MATCH_SPEC, "config",
            "no good config is configured (goodConfig(...))")));
      }
      return RuleTests.Outcome.of(SpecChecks.configMatchSpec(payload, ctx.goodConfig()), run);
    }));
    if (ctx.expectedSpec() != null) {
      tests.add(RuleTests.test(Rules.SPEC_MATCH_EXPECTED, bypass,
          () -> RuleTests.Outcome.of(SpecChecks.matchExpected(payload, Json.parse(ctx.expectedSpec())), run)));
    }
    if (ctx.previousSpec() != null) {
      tests.add(RuleTests.test(Rules.SPEC_BACKWARD_COMPATIBILITY, bypass,
          () -> RuleTests.Outcome.of(BackwardCompatibility.spec(Json.parse(ctx.previousSpec()), payload), run)));
    }
    return tests;
  }

  static List<DynamicNode> connection(Context ctx) {
    Function<String, String> bypass = ctx::bypassReason;
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(RuleTests.test(Rules.CONNECTION_CHECK_SUCCEED, bypass, () -> {
      if (ctx.goodConfig() == null) {
        return RuleTests.Outcome.of(List.of(Violation.of(Rules.CONNECTION_CHECK_SUCCEED, "config",
            "no good config is configured (goodConfig(...))")));
      }
      RunResult run = ctx.client().check(ctx.goodConfig());
      return RuleTests.Outcome.of(ConnectionChecks.checkSucceed(run), run);
    }));
    tests.add(RuleTests.test(Rules.CONNECTION_CHECK_FAILED, bypass, () -> {
      if (ctx.badConfig() == null) {
        return RuleTests.Outcome.of(List.of(Violation.of(Rules.CONNECTION_CHECK_FAILED, "config",
            "no bad config is configured (badConfig(...), or bypass(\"" + Rules.CONNECTION_CHECK_FAILED
                + "\", reason))")));
      }
      RunResult run = ctx.client().check(ctx.badConfig());
      return RuleTests.Outcome.of(ConnectionChecks.checkFailed(run), run);
    }));
    if (ctx.exceptionConfig() != null) {
      tests.add(RuleTests.test(Rules.CONNECTION_CHECK_EXCEPTION, bypass, () -> {
        RunResult run = ctx.client().check(ctx.exceptionConfig());
        return RuleTests.Outcome.of(ConnectionChecks.checkException(run), run);
      }));
    }
    return tests;
  }
}
