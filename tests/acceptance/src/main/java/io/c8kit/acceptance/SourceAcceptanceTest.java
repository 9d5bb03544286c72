package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.BackwardCompatibility;
import io.c8kit.acceptance.checks.Catalogs;
import io.c8kit.acceptance.checks.DiscoveryChecks;
import io.c8kit.acceptance.checks.ExpectedRecords;
import io.c8kit.acceptance.checks.FullRefreshChecks;
import io.c8kit.acceptance.checks.FutureState;
import io.c8kit.acceptance.checks.IncrementalChecks;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.ReadChecks;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.checks.States;
import io.c8kit.acceptance.checks.StreamKey;
import io.c8kit.acceptance.checks.Violation;
import io.c8kit.acceptance.checks.Violations;
import io.c8kit.acceptance.target.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Airbyte's connector acceptance tests for a source, as JUnit 5 tests. Subclass it, implement
 * {@link #config()}, and every rule of the {@code spec}, {@code connection}, {@code discovery},
 * {@code basic_read}, {@code full_refresh} and {@code incremental} suites runs as a test named
 * after its rule id (see {@link Rules}); failures start with {@code [rule id]} and name the stream,
 * record or property and the offending protocol line.
 *
 * <pre>{@code
 * class FakerAcceptanceTest extends SourceAcceptanceTest {
 *   @Override protected SourceAcceptanceConfig config() {
 *     return SourceAcceptanceConfig.forConnector(new FakerConnector())
 *         .goodConfig("{\"count\": 10}").badConfig("{\"count\": \"foo\"}");
 *   }
 * }
 * }</pre>
 *
 * Connector outputs (spec, discover, the basic read) are computed once per class and shared.
 */
@ConnectorAcceptanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SourceAcceptanceTest
    extends AcceptanceTestBase<SourceAcceptanceConfig, SourceAcceptanceTest.Session> {

  /** The connector and inputs under test; called once per test class. */
  @Override
  protected abstract SourceAcceptanceConfig config();

  @Override
  final Session newSession(Supplier<SourceAcceptanceConfig> config) {
    return new Session(config);
  }

  @TestFactory
  @Order(3)
  final Stream<DynamicNode> discovery() {
    Session s = session();
    Function<String, String> bypass = s::bypassReason;
    if (s.error != null) {
      return RuleTests.allFail(List.of(Rules.DISCOVERY_DISCOVER), bypass, s.error).stream();
    }
    if (s.cfg.bypassed.containsKey("discovery")) {
      return Stream.of(
          RuleTests.test(Rules.DISCOVERY_DISCOVER, bypass, () -> RuleTests.Outcome.of(List.of())));
    }
    List<DynamicNode> tests = new ArrayList<>();
    RunResult run = s.discoverRun();
    tests.add(
        RuleTests.test(
            Rules.DISCOVERY_DISCOVER,
            bypass,
            () -> RuleTests.Outcome.of(DiscoveryChecks.discover(run), run)));
    Optional<JsonNode> catalog = DiscoveryChecks.catalogPayload(run);
    List<String> dependent = new ArrayList<>(DiscoveryChecks.staticRules().keySet());
    if (s.cfg.previousCatalog != null) {
      dependent.add(Rules.DISCOVERY_BACKWARD_COMPATIBILITY);
    }
    if (catalog.isEmpty()) {
      tests.addAll(
          RuleTests.allFail(
              dependent,
              bypass,
              "discover did not print exactly one CATALOG (see " + Rules.DISCOVERY_DISCOVER + ")",
              run));
      return tests.stream();
    }
    for (Map.Entry<String, Function<JsonNode, List<Violation>>> rule :
        DiscoveryChecks.staticRules().entrySet()) {
      tests.add(
          RuleTests.test(
              rule.getKey(),
              bypass,
              () -> RuleTests.Outcome.of(rule.getValue().apply(catalog.get()), run)));
    }
    if (s.cfg.previousCatalog != null) {
      tests.add(
          RuleTests.test(
              Rules.DISCOVERY_BACKWARD_COMPATIBILITY,
              bypass,
              () ->
                  RuleTests.Outcome.of(
                      BackwardCompatibility.catalog(
                          Json.parse(s.cfg.previousCatalog), catalog.get()),
                      run)));
    }
    return tests.stream();
  }

  @TestFactory
  @Order(4)
  final Stream<DynamicNode> basicRead() {
    Session s = session();
    Function<String, String> bypass = s::bypassReason;
    List<String> rules =
        List.of(
            Rules.BASIC_READ_READ,
            Rules.BASIC_READ_EMPTY_STREAMS,
            Rules.BASIC_READ_VALIDATE_SCHEMA,
            Rules.BASIC_READ_VALIDATE_RECORDS_STRUCTURE,
            Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE,
            Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
            Rules.BASIC_READ_VALIDATE_STATE_MESSAGES,
            Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE);
    if (s.error != null) {
      return RuleTests.allFail(rules, bypass, s.error).stream();
    }
    if (s.cfg.bypassed.containsKey("basic_read")) {
      return rules.stream()
          .map(r -> RuleTests.test(r, bypass, () -> RuleTests.Outcome.of(List.of())));
    }
    Optional<JsonNode> discovered = DiscoveryChecks.catalogPayload(s.discoverRun());
    if (discovered.isEmpty()) {
      return RuleTests.allFail(
          rules,
          bypass,
          "discover produced no catalog (see " + Rules.DISCOVERY_DISCOVER + ")",
          s.discoverRun())
          .stream();
    }
    JsonNode catalog = Catalogs.basicRead(discovered.get(), s.cfg.emptyStreams);
    RunResult run = s.client.read(s.cfg.goodConfig, catalog, null);
    List<StreamKey> streams = Catalogs.configuredKeys(catalog);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        RuleTests.test(
            Rules.BASIC_READ_READ,
            bypass,
            () -> RuleTests.Outcome.of(ReadChecks.read(run, catalog), run)));
    tests.add(
        RuleTests.test(
            Rules.BASIC_READ_EMPTY_STREAMS,
            bypass,
            () -> RuleTests.Outcome.of(ReadChecks.emptyStreams(run, catalog), run)));
    tests.add(
        perStream(
            Rules.BASIC_READ_VALIDATE_SCHEMA,
            streams,
            bypass,
            ReadChecks.validateSchema(run, catalog),
            run));
    tests.add(
        perStream(
            Rules.BASIC_READ_VALIDATE_RECORDS_STRUCTURE,
            streams,
            bypass,
            ReadChecks.validateRecordsStructure(run, catalog),
            run));
    tests.add(
        perStream(
            Rules.BASIC_READ_VALIDATE_PRIMARY_KEYS_DATA_TYPE,
            streams,
            bypass,
            ReadChecks.validatePrimaryKeysDataType(run, catalog),
            run));
    tests.add(
        RuleTests.test(
            Rules.BASIC_READ_VALIDATE_STREAM_STATUSES,
            bypass,
            () -> RuleTests.Outcome.of(ReadChecks.validateStreamStatuses(run, catalog), run)));
    tests.add(
        RuleTests.test(
            Rules.BASIC_READ_VALIDATE_STATE_MESSAGES,
            bypass,
            () -> RuleTests.Outcome.of(ReadChecks.validateStateMessages(run, catalog), run)));
    tests.add(
        RuleTests.test(
            Rules.BASIC_READ_AIRBYTE_TRACE_MESSAGE_ON_FAILURE,
            bypass,
            () -> {
              RunResult invalid = s.client.read(s.cfg.goodConfig, Catalogs.invalid(), null);
              return RuleTests.Outcome.of(
                  ReadChecks.airbyteTraceMessageOnFailure(invalid), invalid);
            }));
    if (s.cfg.expectedRecords != null) {
      tests.add(
          RuleTests.test(
              Rules.BASIC_READ_EXPECT_RECORDS,
              bypass,
              () ->
                  RuleTests.Outcome.of(
                      ReadChecks.expectRecords(
                          run,
                          catalog,
                          ExpectedRecords.parse(s.cfg.expectedRecords),
                          s.cfg.exactOrder),
                      run)));
    }
    return tests.stream();
  }

  @TestFactory
  @Order(5)
  final Stream<DynamicNode> fullRefresh() {
    Session s = session();
    String rule = Rules.FULL_REFRESH_SEQUENTIAL_READS;
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    JsonNode catalog = Catalogs.fullRefresh(s.sourceCatalog().orElseThrow());
    if (Catalogs.configuredStreams(catalog).isEmpty()) {
      return Stream.empty();
    }
    return Stream.of(
        RuleTests.test(
            rule,
            s::bypassReason,
            () -> {
              RunResult first = s.client.read(s.cfg.goodConfig, catalog, null);
              Thread.sleep(FullRefreshChecks.PAUSE_MILLIS);
              RunResult second = s.client.read(s.cfg.goodConfig, catalog, null);
              return RuleTests.Outcome.of(
                  FullRefreshChecks.sequentialReads(first, second), first, second);
            }));
  }

  @TestFactory
  @Order(6)
  final Stream<DynamicNode> incremental() {
    Session s = session();
    Function<String, String> bypass = s::bypassReason;
    List<String> rules =
        List.of(
            Rules.INCREMENTAL_CURSOR_FIELD_DEFINED,
            Rules.INCREMENTAL_TWO_SEQUENTIAL_READS,
            Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
            Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES);
    Optional<List<DynamicNode>> blocked = s.blocked(rules);
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    JsonNode catalog = Catalogs.incremental(s.sourceCatalog().orElseThrow());
    List<StreamKey> streams = Catalogs.configuredKeys(catalog);
    if (streams.isEmpty()) {
      return Stream.empty();
    }
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        RuleTests.test(
            Rules.INCREMENTAL_CURSOR_FIELD_DEFINED,
            bypass,
            () -> RuleTests.Outcome.of(IncrementalChecks.cursorFieldDefined(catalog))));
    tests.add(
        RuleTests.test(
            Rules.INCREMENTAL_TWO_SEQUENTIAL_READS,
            bypass,
            () -> {
              RunResult first = s.client.read(s.cfg.goodConfig, catalog, null);
              RunResult second =
                  s.client.read(s.cfg.goodConfig, catalog, States.latestPerStream(first));
              return RuleTests.Outcome.of(
                  IncrementalChecks.twoSequentialReads(first, second), first, second);
            }));
    List<DynamicNode> slices = new ArrayList<>();
    for (StreamKey stream : streams) {
      slices.add(
          RuleTests.test(
              stream.toString(),
              Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES,
              bypass,
              () -> sequentialSlices(s, catalog, stream)));
    }
    tests.add(DynamicContainer.dynamicContainer(Rules.INCREMENTAL_READ_SEQUENTIAL_SLICES, slices));
    tests.add(
        RuleTests.test(
            Rules.INCREMENTAL_STATE_WITH_ABNORMALLY_LARGE_VALUES,
            bypass,
            () -> {
              JsonNode state =
                  s.cfg.futureState != null
                      ? Json.parse(s.cfg.futureState)
                      : FutureState.forCatalog(catalog);
              RunResult run = s.client.read(s.cfg.goodConfig, catalog, state);
              return RuleTests.Outcome.of(
                  IncrementalChecks.stateWithAbnormallyLargeValues(run), run);
            }));
    return tests.stream();
  }

  private static RuleTests.Outcome sequentialSlices(Session s, JsonNode catalog, StreamKey stream) {
    JsonNode single = Catalogs.only(catalog, stream);
    RunResult full = s.client.read(s.cfg.goodConfig, single, null);
    IncrementalChecks.Checkpoints checkpoints = IncrementalChecks.checkpoints(full, stream);
    List<Violation> violations = new ArrayList<>(checkpoints.problems());
    List<RunResult> runs = new ArrayList<>(List.of(full));
    for (IncrementalChecks.Checkpoint cp : IncrementalChecks.sample(checkpoints.usable())) {
      RunResult resumed = s.client.read(s.cfg.goodConfig, single, cp.stateInput());
      List<Violation> found = IncrementalChecks.resumedRead(stream, full, checkpoints, cp, resumed);
      if (!found.isEmpty()) {
        runs.add(resumed);
      }
      violations.addAll(found);
    }
    return new RuleTests.Outcome(violations, runs);
  }

  /**
   * A container with one test per stream; violations without a stream go to an extra "(all
   * streams)" test.
   */
  static DynamicNode perStream(
      String rule,
      List<StreamKey> streams,
      Function<String, String> bypass,
      List<Violation> violations,
      RunResult run) {
    List<DynamicNode> children = new ArrayList<>();
    for (StreamKey stream : streams) {
      children.add(
          RuleTests.test(
              stream.toString(),
              rule,
              bypass,
              () -> RuleTests.Outcome.of(Violations.ofStream(stream, violations), run)));
    }
    List<Violation> other = new ArrayList<>();
    for (Violation v : violations) {
      if (v.stream() == null || !streams.contains(v.stream())) {
        other.add(v);
      }
    }
    if (!other.isEmpty() || streams.isEmpty()) {
      children.add(
          RuleTests.test("(all streams)", rule, bypass, () -> RuleTests.Outcome.of(other, run)));
    }
    return DynamicContainer.dynamicContainer(rule, children);
  }

  /** The source's per-class state: the common one plus the cached discover run. */
  static final class Session extends AcceptanceSession<SourceAcceptanceConfig> {
    private RunResult discoverRun;

    Session(Supplier<SourceAcceptanceConfig> config) {
      super(config);
    }

    synchronized RunResult discoverRun() {
      if (discoverRun == null) {
        discoverRun = client.discover(cfg.goodConfig);
      }
      return discoverRun;
    }

    /**
     * Failing tests when a suite that starts from {@link #sourceCatalog()} cannot run: the
     * connector could not be set up, or there is no catalog.
     */
    Optional<List<DynamicNode>> blocked(List<String> rules) {
      Function<String, String> bypass = this::bypassReason;
      if (error != null) {
        return Optional.of(RuleTests.allFail(rules, bypass, error));
      }
      if (sourceCatalog().isEmpty()) {
        return Optional.of(
            RuleTests.allFail(
                rules, bypass, "no catalog (see " + Rules.DISCOVERY_DISCOVER + ")", discoverRun()));
      }
      return Optional.empty();
    }

    /** The configured catalog override, or the discovered catalog. */
    Optional<JsonNode> sourceCatalog() {
      if (cfg.configuredCatalog != null) {
        return Optional.of(Json.parse(cfg.configuredCatalog));
      }
      return DiscoveryChecks.catalogPayload(discoverRun());
    }
  }
}
