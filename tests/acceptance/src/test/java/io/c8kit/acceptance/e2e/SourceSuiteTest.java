package io.c8kit.acceptance.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.support.Kit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs {@link SourceAcceptanceTest} end to end, in-process, against a hand-written source: the
 * correct one passes every rule; each deliberately broken one fails the rule that targets its flaw.
 */
class SourceSuiteTest {
  static final String GOOD = "{\"count\": 10, \"token\": \"s3cr3t\"}";
  static final String BAD = "{\"count\": \"foo\"}";
  static final Set<String> SOURCE_SUITES =
      Set.of("spec", "connection", "discovery", "basic_read", "full_refresh", "incremental");

  static SourceAcceptanceConfig base(KitSource.Flaw flaw) {
    return SourceAcceptanceConfig.forConnector(new KitSource(flaw))
        .goodConfig(GOOD)
        .badConfig(BAD)
        .timeout(Duration.ofMinutes(2));
  }

  /** The correct source with every optional input configured. */
  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class Good extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.NONE)
          .expectedRecordsJsonl(Kit.resource("/kit/kit-source-expected-records.jsonl"), true)
          .expectedSpec(Kit.resource("/META-INF/c8kit/kit-source/spec.json"))
          .previousSpec(Kit.resource("/META-INF/c8kit/kit-source/spec.json"))
          .previousCatalog(Kit.resource("/kit/kit-source-previous-catalog.json"));
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class SecretNotMarked extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.SECRET_NOT_MARKED);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class ClosedSchema extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.CLOSED_SCHEMA);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class CheckAlwaysFails extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.CHECK_ALWAYS_FAILS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class FloatIds extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.FLOAT_IDS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class EmptyOrders extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.EMPTY_ORDERS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class ConstantCursor extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.CONSTANT_CURSOR);
    }
  }

  /** A correct source compared with incompatible previous versions and wrong expected records. */
  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class BreakingChanges extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.NONE)
          .previousSpec(Kit.resource("/kit/kit-source-previous-spec.json"))
          .previousCatalog(Kit.resource("/kit/kit-source-breaking-previous-catalog.json"))
          .expectedSpec("{\"connectionSpecification\":{\"type\":\"object\"}}")
          .expectedRecordsJsonl(
              "{\"stream\":\"users\",\"data\":{\"id\":2}}\n{\"stream\":\"users\",\"data\":{\"id\":1}}",
              true);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class Bypassed extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return base(KitSource.Flaw.CONSTANT_CURSOR)
          .bypass("incremental", "the cursor is not monotonic by design");
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class NoGoodConfig extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      return SourceAcceptanceConfig.forConnector(new KitSource());
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class ServerUnavailable extends SourceAcceptanceTest {
    @Override
    protected SourceAcceptanceConfig config() {
      throw new org.opentest4j.TestAbortedException("no test server");
    }
  }

  @Test
  void anAssumptionFailingInConfigSkipsTheSuites() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(ServerUnavailable.class);
    assertEquals(6, r.size(), r.keySet().toString());
    r.forEach(
        (name, o) -> {
          assertEquals(TestExecutionResult.Status.ABORTED, o.status(), name);
          assertTrue(o.message().contains("no test server"), o.message());
        });
  }

  @Test
  void aCorrectSourcePassesEveryRule() {
    Map<String, SuiteRunner.Outcome> results = SuiteRunner.run(Good.class);
    assertAllPassed(results);
    for (String rule : Rules.all()) {
      // the c8kit runtime turns every check failure into FAILED, so it has no "exception" config
      // case
      if (SOURCE_SUITES.contains(Rules.suiteOf(rule))
          && !rule.equals(Rules.CONNECTION_CHECK_EXCEPTION)) {
        assertTrue(
            results.keySet().stream().anyMatch(k -> k.equals(rule) || k.startsWith(rule + "/")),
            "no test ran for " + rule + ": " + results.keySet());
      }
    }
    assertTrue(
        results.containsKey("basic_read.validate_schema/users"), results.keySet().toString());
    assertTrue(
        results.containsKey("basic_read.validate_schema/orders"), results.keySet().toString());
    assertTrue(
        results.containsKey("incremental.read_sequential_slices/users"),
        results.keySet().toString());
  }

  @Test
  void unmarkedSecretFailsTheSpecRule() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(SecretNotMarked.class);
    assertOnlyFailures(r, "spec.secret_is_properly_marked");
    assertTrue(
        r.get("spec.secret_is_properly_marked").message().contains("/properties/token"),
        r.get("spec.secret_is_properly_marked").message());
  }

  @Test
  void closedSchemaFailsDiscovery() {
    assertOnlyFailures(
        SuiteRunner.run(ClosedSchema.class), "discovery.additional_properties_is_true");
  }

  @Test
  void failingCheckFailsConnection() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(CheckAlwaysFails.class);
    assertOnlyFailures(r, "connection.check_succeed");
    assertTrue(
        r.get("connection.check_succeed").message().contains("status is FAILED"),
        r.get("connection.check_succeed").message());
  }

  @Test
  void floatIdsFailSchemaValidationOfThatStreamOnly() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(FloatIds.class);
    assertOnlyFailures(r, "basic_read.validate_schema/users");
    String message = r.get("basic_read.validate_schema/users").message();
    assertTrue(message.contains("[basic_read.validate_schema] stream 'users' record #"), message);
    assertTrue(message.contains("offending: stdout line"), message);
    assertTrue(message.contains("\"id\":1.0"), message);
  }

  @Test
  void emptyStreamFailsEmptyStreams() {
    assertOnlyFailures(SuiteRunner.run(EmptyOrders.class), "basic_read.empty_streams");
  }

  @Test
  void constantCursorFailsIncrementalRules() {
    assertOnlyFailures(
        SuiteRunner.run(ConstantCursor.class),
        "incremental.two_sequential_reads",
        "incremental.read_sequential_slices/users");
  }

  @Test
  void incompatibleVersionsAndWrongExpectationsFail() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(BreakingChanges.class);
    assertOnlyFailures(
        r,
        "spec.backward_compatibility",
        "discovery.backward_compatibility",
        "spec.match_expected",
        "basic_read.expect_records");
    assertTrue(r.get("discovery.backward_compatibility").message().contains("archived_users"));
  }

  @Test
  void bypassedSuitesAreSkippedWithTheReason() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(Bypassed.class);
    assertOnlyFailures(r);
    SuiteRunner.Outcome o = r.get("incremental.two_sequential_reads");
    assertEquals(TestExecutionResult.Status.ABORTED, o.status());
    assertTrue(o.message().contains("not monotonic by design"), o.message());
  }

  @Test
  void aMissingGoodConfigFailsEverySuiteWithTheReason() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(NoGoodConfig.class);
    assertFalse(r.isEmpty());
    for (Map.Entry<String, SuiteRunner.Outcome> e : r.entrySet()) {
      assertEquals(TestExecutionResult.Status.FAILED, e.getValue().status(), e.getKey());
      assertTrue(e.getValue().message().contains("no goodConfig"), e.getValue().message());
    }
  }

  static void assertAllPassed(Map<String, SuiteRunner.Outcome> results) {
    assertOnlyFailures(results);
  }

  /** Exactly these tests failed; every other test passed. */
  static void assertOnlyFailures(Map<String, SuiteRunner.Outcome> results, String... expected) {
    assertTrue(results.size() > 5, "too few tests ran: " + results.keySet());
    Set<String> failed =
        results.entrySet().stream()
            .filter(e -> e.getValue().status() == TestExecutionResult.Status.FAILED)
            .map(Map.Entry::getKey)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!failed.equals(Set.copyOf(List.of(expected)))) {
      StringBuilder sb =
          new StringBuilder("expected failures " + List.of(expected) + ", got " + failed);
      for (String f : failed) {
        sb.append("\n--- ").append(f).append(":\n").append(results.get(f).message());
      }
      fail(sb.toString());
    }
  }
}
