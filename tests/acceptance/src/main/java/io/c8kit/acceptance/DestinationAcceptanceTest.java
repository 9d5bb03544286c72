package io.c8kit.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.acceptance.checks.DestinationChecks;
import io.c8kit.acceptance.checks.DestinationTestData;
import io.c8kit.acceptance.checks.DestinationTestData.Messages;
import io.c8kit.acceptance.checks.DestinationTestData.StreamSetup;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.checks.SpecChecks;
import io.c8kit.acceptance.checks.StreamKey;
import io.c8kit.acceptance.checks.Violation;
import io.c8kit.acceptance.target.RunResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The destination suite, in the spirit of Airbyte's Java {@code DestinationAcceptanceTest}: spec,
 * check, sync (read back through the author's {@link DestinationReader}), overwrite/append/dedup
 * second syncs (only for the modes the SPEC declares in {@code supported_destination_sync_modes}),
 * line breaks and unicode, a large batch, and STATE echo.
 *
 * <p>Every test writes to its own streams, named {@code c8kit_<run id>_<test>_<stream>}, so tests
 * do not interfere and nothing needs to be cleaned between them.
 */
@ConnectorAcceptanceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DestinationAcceptanceTest
    extends AcceptanceTestBase<DestinationAcceptanceConfig, DestinationAcceptanceTest.Session> {

  /** The destination and inputs under test; called once per test class. */
  @Override
  protected abstract DestinationAcceptanceConfig config();

  @Override
  final Session newSession(Supplier<DestinationAcceptanceConfig> config) {
    return new Session(config);
  }

  /** {@code destination.spec}, on the SPEC the common spec suite checked. */
  @Override
  final List<DynamicNode> kindSpecTests(Session s) {
    RunResult run = s.specRun();
    Optional<JsonNode> spec = SpecChecks.specPayload(run);
    return List.of(
        spec.isPresent()
            ? RuleTests.test(
                Rules.DESTINATION_SPEC,
                s::bypassReason,
                () -> RuleTests.Outcome.of(DestinationChecks.spec(spec.get()), run))
            : RuleTests.cannotRun(Rules.DESTINATION_SPEC, s::bypassReason, "no SPEC", run));
  }

  @TestFactory
  @Order(3)
  final Stream<DynamicNode> sync() {
    Session s = session();
    List<String> rules =
        List.of(Rules.DESTINATION_SYNC, Rules.DESTINATION_STATE_ECHO, Rules.DESTINATION_LAST_STATE);
    Optional<List<DynamicNode>> blocked = s.blocked(rules);
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    String mode = s.defaultMode();
    StreamSetup users = StreamSetup.users(s.name("sync_users"), s.cfg.namespace, mode, 1);
    StreamSetup events =
        mode.equals("append_dedup")
            ? null
            : StreamSetup.events(s.name("sync_events"), s.cfg.namespace, mode, 1);
    List<JsonNode> firstUsers = DestinationTestData.users(1, 2, "sync", 1);
    List<JsonNode> moreUsers = DestinationTestData.users(3, 3, "sync", 1);
    List<JsonNode> eventRows = DestinationTestData.events(3, "click");
    Messages m =
        new Messages()
            .records(users.key(), firstUsers)
            .state(
                users.key(),
                DestinationTestData.cursorState(firstUsers.get(1).path("updated_at").asText()));
    if (events != null) {
      m.records(events.key(), eventRows).state(events.key(), Json.object().put("offset", 3));
    }
    m.log("c8kit acceptance: LOG messages must be ignored")
        .records(users.key(), moreUsers)
        .state(
            users.key(),
            DestinationTestData.cursorState(moreUsers.get(2).path("updated_at").asText()));
    List<JsonNode> input = m.build();
    List<StreamSetup> streams = events == null ? List.of(users) : List.of(users, events);
    Lazy<RunResult> run =
        new Lazy<>(
            () -> s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, streams), input));
    List<JsonNode> expectedUsers = new ArrayList<>(firstUsers);
    expectedUsers.addAll(moreUsers);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        RuleTests.test(
            Rules.DESTINATION_SYNC,
            s::bypassReason,
            () -> {
              List<Violation> v =
                  s.stored(Rules.DESTINATION_SYNC, run.get(), users.key(), expectedUsers);
              if (events != null) {
                v.addAll(s.compare(Rules.DESTINATION_SYNC, events.key(), eventRows));
              }
              return RuleTests.Outcome.of(v, run.get());
            }));
    tests.add(
        RuleTests.test(
            Rules.DESTINATION_STATE_ECHO,
            s::bypassReason,
            () -> RuleTests.Outcome.of(DestinationChecks.stateEcho(input, run.get()), run.get())));
    tests.add(
        RuleTests.test(
            Rules.DESTINATION_LAST_STATE,
            s::bypassReason,
            () -> RuleTests.Outcome.of(DestinationChecks.lastState(input, run.get()), run.get())));
    return tests.stream();
  }

  @TestFactory
  @Order(4)
  final Stream<DynamicNode> secondSync() {
    Session s = session();
    String rule = Rules.DESTINATION_SECOND_SYNC;
    return oneTest(
        s,
        rule,
        "overwrite",
        () -> {
          StreamSetup users1 =
              StreamSetup.users(s.name("overwrite_users"), s.cfg.namespace, "overwrite", 1);
          StreamSetup events1 =
              StreamSetup.events(s.name("overwrite_events"), s.cfg.namespace, "overwrite", 1);
          List<JsonNode> usersA = DestinationTestData.users(1, 4, "first", 1);
          List<JsonNode> eventsA = DestinationTestData.events(3, "first");
          List<JsonNode> input1 =
              new Messages()
                  .records(users1.key(), usersA)
                  .state(users1.key(), DestinationTestData.cursorState("a"))
                  .records(events1.key(), eventsA)
                  .state(events1.key(), Json.object().put("offset", 3))
                  .build();
          RunResult first =
              s.client.write(
                  s.cfg.goodConfig,
                  DestinationTestData.catalog(1, List.of(users1, events1)),
                  input1);
          List<Violation> v = s.stored(rule, first, users1.key(), usersA);
          v.addAll(s.compare(rule, events1.key(), eventsA));
          if (!v.isEmpty()) {
            return RuleTests.Outcome.of(v, first);
          }
          StreamSetup users2 = StreamSetup.users(users1.name(), s.cfg.namespace, "overwrite", 2);
          List<JsonNode> usersB = DestinationTestData.users(10, 3, "second", 2);
          RunResult second = s.write(2, users2, usersB, "b");
          v.addAll(DestinationChecks.writeSucceeded(rule, second));
          for (Violation x : s.compare(rule, users2.key(), usersB)) {
            v.add(
                x.withEvidence(
                    (x.evidence() == null ? "" : x.evidence() + " ")
                        + "(after the second sync in overwrite mode the stream must hold only the second sync's rows)"));
          }
          for (Violation x : s.compare(rule, events1.key(), eventsA)) {
            v.add(
                x.withEvidence(
                    (x.evidence() == null ? "" : x.evidence() + " ")
                        + "(a stream absent from the second sync must be left untouched)"));
          }
          return RuleTests.Outcome.of(v, first, second);
        });
  }

  @TestFactory
  @Order(5)
  final Stream<DynamicNode> incrementalSync() {
    Session s = session();
    String rule = Rules.DESTINATION_INCREMENTAL_SYNC;
    return oneTest(
        s,
        rule,
        "append",
        () -> {
          List<JsonNode> rowsA = DestinationTestData.users(1, 3, "first", 1);
          List<JsonNode> rowsB = new ArrayList<>(DestinationTestData.users(4, 3, "second", 2));
          rowsB.add(DestinationTestData.users(2, 1, "second", 2).get(0));
          List<JsonNode> expected = new ArrayList<>(rowsA);
          expected.addAll(rowsB);
          return twoSyncs(s, rule, "append", "append_users", rowsA, rowsB, expected);
        });
  }

  @TestFactory
  @Order(6)
  final Stream<DynamicNode> dedupSync() {
    Session s = session();
    String rule = Rules.DESTINATION_DEDUP_SYNC;
    return oneTest(
        s,
        rule,
        "append_dedup",
        () -> {
          List<JsonNode> rowsA = DestinationTestData.users(1, 3, "first", 1);
          JsonNode updated2 = DestinationTestData.users(2, 1, "updated", 2).get(0);
          JsonNode newer3 = DestinationTestData.users(3, 1, "newer", 3).get(0);
          JsonNode older3 = DestinationTestData.users(3, 1, "older", 2).get(0);
          JsonNode new4 = DestinationTestData.users(4, 1, "new", 2).get(0);
          // id 3 arrives with the newer cursor first: dedup keeps the latest cursor, not the last
          // arrival
          List<JsonNode> rowsB = List.of(updated2, newer3, older3, new4);
          return twoSyncs(
              s,
              rule,
              "append_dedup",
              "dedup_users",
              rowsA,
              rowsB,
              List.of(rowsA.get(0), updated2, newer3, new4));
        });
  }

  @TestFactory
  @Order(7)
  final Stream<DynamicNode> specialCharacters() {
    Session s = session();
    List<String> rules =
        List.of(Rules.DESTINATION_LINE_BREAK_CHARACTERS, Rules.DESTINATION_UNICODE_CHARACTERS);
    Optional<List<DynamicNode>> blocked = s.blocked(rules);
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    String mode = s.defaultMode();
    StreamSetup lines = StreamSetup.text(s.name("line_breaks"), s.cfg.namespace, mode, 1);
    StreamSetup unicode = StreamSetup.text(s.name("unicode"), s.cfg.namespace, mode, 1);
    List<JsonNode> lineRows = DestinationTestData.texts(DestinationTestData.LINE_BREAK_VALUES, 1);
    List<JsonNode> unicodeRows = DestinationTestData.texts(DestinationTestData.UNICODE_VALUES, 101);
    List<JsonNode> input =
        new Messages()
            .records(lines.key(), lineRows)
            .state(lines.key(), Json.object().put("done", true))
            .records(unicode.key(), unicodeRows)
            .state(unicode.key(), Json.object().put("done", true))
            .build();
    Lazy<RunResult> run =
        new Lazy<>(
            () ->
                s.client.write(
                    s.cfg.goodConfig,
                    DestinationTestData.catalog(1, List.of(lines, unicode)),
                    input));
    return Stream.of(
        RuleTests.test(
            Rules.DESTINATION_LINE_BREAK_CHARACTERS,
            s::bypassReason,
            () ->
                RuleTests.Outcome.of(
                    s.stored(
                        Rules.DESTINATION_LINE_BREAK_CHARACTERS, run.get(), lines.key(), lineRows),
                    run.get())),
        RuleTests.test(
            Rules.DESTINATION_UNICODE_CHARACTERS,
            s::bypassReason,
            () ->
                RuleTests.Outcome.of(
                    s.stored(
                        Rules.DESTINATION_UNICODE_CHARACTERS,
                        run.get(),
                        unicode.key(),
                        unicodeRows),
                    run.get())));
  }

  @TestFactory
  @Order(8)
  final Stream<DynamicNode> largeBatch() {
    Session s = session();
    String rule = Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH;
    return oneTest(
        s,
        rule,
        null,
        () -> {
          StreamSetup users =
              StreamSetup.users(s.name("large_users"), s.cfg.namespace, s.defaultMode(), 1);
          List<JsonNode> rows = DestinationTestData.users(1, s.cfg.largeBatchSize, "large", 1);
          Messages m = new Messages();
          for (int i = 0; i < rows.size(); i += 100) {
            m.records(users.key(), rows.subList(i, Math.min(rows.size(), i + 100)))
                .state(users.key(), Json.object().put("offset", Math.min(rows.size(), i + 100)));
          }
          List<JsonNode> input = m.build();
          RunResult run =
              s.client.write(
                  s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(users)), input);
          return RuleTests.Outcome.of(s.stored(rule, run, users.key(), rows), run);
        });
  }

  /**
   * The single test of a rule, or nothing when the SPEC does not declare {@code mode} (null: any
   * SPEC), or a failing test when the suite cannot run.
   */
  private static Stream<DynamicNode> oneTest(
      Session s, String rule, String mode, RuleTests.Body body) {
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    if (mode != null && !s.supports(mode)) {
      return Stream.empty();
    }
    return Stream.of(RuleTests.test(rule, s::bypassReason, body));
  }

  /** Two syncs in {@code mode} of one users stream, after which it must hold {@code expected}. */
  private static RuleTests.Outcome twoSyncs(
      Session s,
      String rule,
      String mode,
      String stream,
      List<JsonNode> rowsA,
      List<JsonNode> rowsB,
      List<JsonNode> expected)
      throws Exception {
    StreamSetup users = StreamSetup.users(s.name(stream), s.cfg.namespace, mode, 1);
    RunResult first = s.write(1, users, rowsA, "a");
    RunResult second = s.write(2, users, rowsB, "b");
    List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, first));
    v.addAll(s.stored(rule, second, users.key(), expected));
    return RuleTests.Outcome.of(v, first, second);
  }

  /** A value computed on first use. */
  private static final class Lazy<T> {
    private final Supplier<T> supplier;
    private T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    synchronized T get() {
      if (value == null) {
        value = supplier.get();
      }
      return value;
    }
  }

  /** The destination's per-class state: the common one plus the run id that names its streams. */
  static final class Session extends AcceptanceSession<DestinationAcceptanceConfig> {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    final String runId;

    Session(Supplier<DestinationAcceptanceConfig> config) {
      super(config);
      SecureRandom random = new SecureRandom();
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      this.runId = id.toString();
    }

    String name(String test) {
      return "c8kit_" + runId + "_" + test;
    }

    /** Failing tests when the suite cannot run (no target, no reader, no spec). */
    Optional<List<DynamicNode>> blocked(List<String> rules) {
      Function<String, String> bypass = this::bypassReason;
      if (error != null) {
        return Optional.of(RuleTests.allFail(rules, bypass, error));
      }
      if (cfg.reader == null) {
        return Optional.of(
            RuleTests.allFail(
                rules, bypass, "the config has no reader(...) to read back what was written"));
      }
      if (SpecChecks.specPayload(specRun()).isEmpty()) {
        return Optional.of(
            RuleTests.allFail(
                rules,
                bypass,
                "the supported sync modes are unknown: no SPEC (see "
                    + Rules.SPEC_EXACTLY_ONE_SPEC
                    + ")",
                specRun()));
      }
      return Optional.empty();
    }

    List<String> modes() {
      return DestinationChecks.supportedModes(SpecChecks.specPayload(specRun()).orElseThrow());
    }

    boolean supports(String mode) {
      return modes().contains(mode);
    }

    /** append if supported, else overwrite, else append_dedup (append when nothing is declared). */
    String defaultMode() {
      for (String m : List.of("append", "overwrite", "append_dedup")) {
        if (supports(m)) {
          return m;
        }
      }
      return "append";
    }

    /** Writes {@code rows} to one stream with one STATE {@code cursorState(cursor)} after them. */
    RunResult write(int generation, StreamSetup stream, List<JsonNode> rows, String cursor) {
      return client.write(
          cfg.goodConfig,
          DestinationTestData.catalog(generation, List.of(stream)),
          new Messages()
              .records(stream.key(), rows)
              .state(stream.key(), DestinationTestData.cursorState(cursor))
              .build());
    }

    /**
     * The write succeeded and {@code stream} holds exactly {@code expected} (a list open for more
     * violations).
     */
    List<Violation> stored(String rule, RunResult run, StreamKey stream, List<JsonNode> expected)
        throws Exception {
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, run));
      v.addAll(compare(rule, stream, expected));
      return v;
    }

    List<Violation> compare(String rule, StreamKey stream, List<JsonNode> expected)
        throws Exception {
      List<JsonNode> actual =
          cfg.reader.read(Json.parse(cfg.goodConfig), stream.name(), stream.namespace());
      return DestinationChecks.sameRows(
          rule, stream, expected, actual == null ? List.of() : actual, cfg.normalizer);
    }
  }
}
