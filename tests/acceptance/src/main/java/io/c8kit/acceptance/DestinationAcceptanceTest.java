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
import io.c8kit.acceptance.target.ConnectorClient;
import io.c8kit.acceptance.target.RunResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

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
public abstract class DestinationAcceptanceTest {
  private Session session;

  /** The destination and inputs under test; called once per test class. */
  protected abstract DestinationAcceptanceConfig config();

  /** The client of the destination under test, for extra author tests. */
  protected final ConnectorClient connector() {
    Session s = session();
    if (s.error != null) {
      throw new IllegalStateException(s.error);
    }
    return s.client;
  }

  private synchronized Session session() {
    if (session == null) {
      session = new Session(this::config);
    }
    if (session.aborted != null) {
      throw session.aborted;
    }
    return session;
  }

  @AfterAll
  final void closeConnector() {
    if (session != null && session.client != null) {
      session.client.close();
    }
  }

  @TestFactory
  @Order(1)
  final Stream<DynamicNode> spec() {
    Session s = session();
    if (s.error != null) {
      return RuleTests.allFail(List.of(Rules.SPEC_EXACTLY_ONE_SPEC), s::bypassReason, s.error).stream();
    }
    List<DynamicNode> tests = new ArrayList<>(CommonSuites.spec(s));
    RunResult run = s.specRun();
    Optional<JsonNode> spec = SpecChecks.specPayload(run);
    tests.add(spec.isPresent()
        ? RuleTests.test(Rules.DESTINATION_SPEC, s::bypassReason,
            () -> RuleTests.Outcome.of(DestinationChecks.spec(spec.get()), run))
        : RuleTests.cannotRun(Rules.DESTINATION_SPEC, s::bypassReason, "no SPEC", run));
    return tests.stream();
  }

  @TestFactory
  @Order(2)
  final Stream<DynamicNode> connection() {
    Session s = session();
    if (s.error != null) {
      return RuleTests.allFail(List.of(Rules.CONNECTION_CHECK_SUCCEED), s::bypassReason, s.error).stream();
    }
    return CommonSuites.connection(s).stream();
  }

  @TestFactory
  @Order(3)
  final Stream<DynamicNode> sync() {
    Session s = session();
    List<String> rules = List.of(Rules.DESTINATION_SYNC, Rules.DESTINATION_STATE_ECHO, Rules.DESTINATION_LAST_STATE);
    Optional<List<DynamicNode>> blocked = s.blocked(rules);
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    String mode = s.defaultMode();
    StreamSetup users = StreamSetup.users(s.name("sync_users"), s.cfg.namespace, mode, 1);
    StreamSetup events = mode.equals("append_dedup") ? null
        : StreamSetup.events(s.name("sync_events"), s.cfg.namespace, mode, 1);
    List<JsonNode> firstUsers = DestinationTestData.users(1, 2, "sync", 1);
    List<JsonNode> moreUsers = DestinationTestData.users(3, 3, "sync", 1);
    List<JsonNode> eventRows = DestinationTestData.events(3, "click");
    Messages m = new Messages().records(users.key(), firstUsers)
        .state(users.key(), DestinationTestData.cursorState(firstUsers.get(1).path("updated_at").asText()));
    if (events != null) {
      m.records(events.key(), eventRows).state(events.key(), Json.object().put("offset", 3));
    }
    m.log("c8kit acceptance: LOG messages must be ignored")
        .records(users.key(), moreUsers)
        .state(users.key(), DestinationTestData.cursorState(moreUsers.get(2).path("updated_at").asText()));
    List<JsonNode> input = m.build();
    List<StreamSetup> streams = events == null ? List.of(users) : List.of(users, events);
    Lazy<RunResult> run = new Lazy<>(() -> s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, streams), input));
    List<JsonNode> expectedUsers = new ArrayList<>(firstUsers);
    expectedUsers.addAll(moreUsers);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(RuleTests.test(Rules.DESTINATION_SYNC, s::bypassReason, () -> {
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(Rules.DESTINATION_SYNC, run.get()));
      v.addAll(s.compare(Rules.DESTINATION_SYNC, users.key(), expectedUsers));
      if (events != null) {
        v.addAll(s.compare(Rules.DESTINATION_SYNC, events.key(), eventRows));
      }
      return RuleTests.Outcome.of(v, run.get());
    }));
    tests.add(RuleTests.test(Rules.DESTINATION_STATE_ECHO, s::bypassReason,
        () -> RuleTests.Outcome.of(DestinationChecks.stateEcho(input, run.get()), run.get())));
    tests.add(RuleTests.test(Rules.DESTINATION_LAST_STATE, s::bypassReason,
        () -> RuleTests.Outcome.of(DestinationChecks.lastState(input, run.get()), run.get())));
    return tests.stream();
  }

  @TestFactory
  @Order(4)
  final Stream<DynamicNode> secondSync() {
    Session s = session();
    String rule = Rules.DESTINATION_SECOND_SYNC;
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    if (!s.supports("overwrite")) {
      return Stream.empty();
    }
    return Stream.of(RuleTests.test(rule, s::bypassReason, () -> {
      StreamSetup users1 = StreamSetup.users(s.name("overwrite_users"), s.cfg.namespace, "overwrite", 1);
      StreamSetup events1 = StreamSetup.events(s.name("overwrite_events"), s.cfg.namespace, "overwrite", 1);
      List<JsonNode> usersA = DestinationTestData.users(1, 4, "first", 1);
      List<JsonNode> eventsA = DestinationTestData.events(3, "first");
      List<JsonNode> input1 = new Messages().records(users1.key(), usersA)
          .state(users1.key(), DestinationTestData.cursorState("a"))
          .records(events1.key(), eventsA).state(events1.key(), Json.object().put("offset", 3)).build();
      RunResult first = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(users1, events1)), input1);
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, first));
      v.addAll(s.compare(rule, users1.key(), usersA));
      v.addAll(s.compare(rule, events1.key(), eventsA));
      if (!v.isEmpty()) {
        return RuleTests.Outcome.of(v, first);
      }
      StreamSetup users2 = StreamSetup.users(users1.name(), s.cfg.namespace, "overwrite", 2);
      List<JsonNode> usersB = DestinationTestData.users(10, 3, "second", 2);
      List<JsonNode> input2 = new Messages().records(users2.key(), usersB)
          .state(users2.key(), DestinationTestData.cursorState("b")).build();
      RunResult second = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(2, List.of(users2)), input2);
      v.addAll(DestinationChecks.writeSucceeded(rule, second));
      for (Violation x : s.compare(rule, users2.key(), usersB)) {
        v.add(x.withEvidence((x.evidence() == null ? "" : x.evidence() + " ")
            + "(after the second sync in overwrite mode the stream must hold only the second sync's rows)"));
      }
      for (Violation x : s.compare(rule, events1.key(), eventsA)) {
        v.add(x.withEvidence((x.evidence() == null ? "" : x.evidence() + " ")
            + "(a stream absent from the second sync must be left untouched)"));
      }
      return RuleTests.Outcome.of(v, first, second);
    }));
  }

  @TestFactory
  @Order(5)
  final Stream<DynamicNode> incrementalSync() {
    Session s = session();
    String rule = Rules.DESTINATION_INCREMENTAL_SYNC;
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    if (!s.supports("append")) {
      return Stream.empty();
    }
    return Stream.of(RuleTests.test(rule, s::bypassReason, () -> {
      StreamSetup users = StreamSetup.users(s.name("append_users"), s.cfg.namespace, "append", 1);
      List<JsonNode> rowsA = DestinationTestData.users(1, 3, "first", 1);
      List<JsonNode> rowsB = new ArrayList<>(DestinationTestData.users(4, 3, "second", 2));
      rowsB.add(DestinationTestData.users(2, 1, "second", 2).get(0));
      RunResult first = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(users)),
          new Messages().records(users.key(), rowsA).state(users.key(), DestinationTestData.cursorState("a")).build());
      RunResult second = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(2, List.of(users)),
          new Messages().records(users.key(), rowsB).state(users.key(), DestinationTestData.cursorState("b")).build());
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, first));
      v.addAll(DestinationChecks.writeSucceeded(rule, second));
      List<JsonNode> expected = new ArrayList<>(rowsA);
      expected.addAll(rowsB);
      v.addAll(s.compare(rule, users.key(), expected));
      return RuleTests.Outcome.of(v, first, second);
    }));
  }

  @TestFactory
  @Order(6)
  final Stream<DynamicNode> dedupSync() {
    Session s = session();
    String rule = Rules.DESTINATION_DEDUP_SYNC;
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    if (!s.supports("append_dedup")) {
      return Stream.empty();
    }
    return Stream.of(RuleTests.test(rule, s::bypassReason, () -> {
      StreamSetup users = StreamSetup.users(s.name("dedup_users"), s.cfg.namespace, "append_dedup", 1);
      List<JsonNode> rowsA = DestinationTestData.users(1, 3, "first", 1);
      JsonNode updated2 = DestinationTestData.users(2, 1, "updated", 2).get(0);
      JsonNode newer3 = DestinationTestData.users(3, 1, "newer", 3).get(0);
      JsonNode older3 = DestinationTestData.users(3, 1, "older", 2).get(0);
      JsonNode new4 = DestinationTestData.users(4, 1, "new", 2).get(0);
      // id 3 arrives with the newer cursor first: dedup keeps the latest cursor, not the last arrival
      List<JsonNode> rowsB = List.of(updated2, newer3, older3, new4);
      RunResult first = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(users)),
          new Messages().records(users.key(), rowsA).state(users.key(), DestinationTestData.cursorState("a")).build());
      RunResult second = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(2, List.of(users)),
          new Messages().records(users.key(), rowsB).state(users.key(), DestinationTestData.cursorState("b")).build());
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, first));
      v.addAll(DestinationChecks.writeSucceeded(rule, second));
      v.addAll(s.compare(rule, users.key(), List.of(rowsA.get(0), updated2, newer3, new4)));
      return RuleTests.Outcome.of(v, first, second);
    }));
  }

  @TestFactory
  @Order(7)
  final Stream<DynamicNode> specialCharacters() {
    Session s = session();
    List<String> rules = List.of(Rules.DESTINATION_LINE_BREAK_CHARACTERS, Rules.DESTINATION_UNICODE_CHARACTERS);
    Optional<List<DynamicNode>> blocked = s.blocked(rules);
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    String mode = s.defaultMode();
    StreamSetup lines = StreamSetup.text(s.name("line_breaks"), s.cfg.namespace, mode, 1);
    StreamSetup unicode = StreamSetup.text(s.name("unicode"), s.cfg.namespace, mode, 1);
    List<JsonNode> lineRows = DestinationTestData.texts(DestinationTestData.LINE_BREAK_VALUES, 1);
    List<JsonNode> unicodeRows = DestinationTestData.texts(DestinationTestData.UNICODE_VALUES, 101);
    List<JsonNode> input = new Messages().records(lines.key(), lineRows)
        .state(lines.key(), Json.object().put("done", true))
        .records(unicode.key(), unicodeRows).state(unicode.key(), Json.object().put("done", true)).build();
    Lazy<RunResult> run = new Lazy<>(() ->
        s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(lines, unicode)), input));
    return Stream.of(
        RuleTests.test(Rules.DESTINATION_LINE_BREAK_CHARACTERS, s::bypassReason, () -> {
          List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(Rules.DESTINATION_LINE_BREAK_CHARACTERS, run.get()));
          v.addAll(s.compare(Rules.DESTINATION_LINE_BREAK_CHARACTERS, lines.key(), lineRows));
          return RuleTests.Outcome.of(v, run.get());
        }),
        RuleTests.test(Rules.DESTINATION_UNICODE_CHARACTERS, s::bypassReason, () -> {
          List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(Rules.DESTINATION_UNICODE_CHARACTERS, run.get()));
          v.addAll(s.compare(Rules.DESTINATION_UNICODE_CHARACTERS, unicode.key(), unicodeRows));
          return RuleTests.Outcome.of(v, run.get());
        }));
  }

  @TestFactory
  @Order(8)
  final Stream<DynamicNode> largeBatch() {
    Session s = session();
    String rule = Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH;
    Optional<List<DynamicNode>> blocked = s.blocked(List.of(rule));
    if (blocked.isPresent()) {
      return blocked.get().stream();
    }
    return Stream.of(RuleTests.test(rule, s::bypassReason, () -> {
      StreamSetup users = StreamSetup.users(s.name("large_users"), s.cfg.namespace, s.defaultMode(), 1);
      List<JsonNode> rows = DestinationTestData.users(1, s.cfg.largeBatchSize, "large", 1);
      Messages m = new Messages();
      for (int i = 0; i < rows.size(); i += 100) {
        m.records(users.key(), rows.subList(i, Math.min(rows.size(), i + 100)))
            .state(users.key(), Json.object().put("offset", Math.min(rows.size(), i + 100)));
      }
      List<JsonNode> input = m.build();
      RunResult run = s.client.write(s.cfg.goodConfig, DestinationTestData.catalog(1, List.of(users)), input);
      List<Violation> v = new ArrayList<>(DestinationChecks.writeSucceeded(rule, run));
      v.addAll(s.compare(rule, users.key(), rows));
      return RuleTests.Outcome.of(v, run);
    }));
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

  /** The per-class state. */
  private static final class Session implements CommonSuites.Context {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    final DestinationAcceptanceConfig cfg;
    final ConnectorClient client;
    final String error;
    /** An assumption that failed in {@code config()} (e.g. no test server): every suite is skipped. */
    final TestAbortedException aborted;
    final String runId;
    private RunResult specRun;

    Session(Supplier<DestinationAcceptanceConfig> config) {
      DestinationAcceptanceConfig c = null;
      ConnectorClient cl = null;
      String err = null;
      TestAbortedException aborted = null;
      try {
        c = config.get();
        if (c == null) {
          err = "config() returned null";
        } else if (c.goodConfig == null) {
          err = "the config has no goodConfig(...)";
        } else {
          cl = new ConnectorClient(c.target.create());
        }
      } catch (TestAbortedException e) {
        aborted = e;
      } catch (RuntimeException e) {
        err = "cannot set up the connector under test: " + e.getMessage();
      }
      this.cfg = c;
      this.client = cl;
      this.error = err;
      this.aborted = aborted;
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
        return Optional.of(RuleTests.allFail(rules, bypass, "the config has no reader(...) to read back what was written"));
      }
      if (SpecChecks.specPayload(specRun()).isEmpty()) {
        return Optional.of(RuleTests.allFail(rules, bypass,
            "the supported sync modes are unknown: no SPEC (see " + Rules.SPEC_EXACTLY_ONE_SPEC + ")", specRun()));
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

    List<Violation> compare(String rule, StreamKey stream, List<JsonNode> expected) throws Exception {
      List<JsonNode> actual = cfg.reader.read(Json.parse(cfg.goodConfig), stream.name(), stream.namespace());
      return DestinationChecks.sameRows(rule, stream, expected, actual == null ? List.of() : actual, cfg.normalizer);
    }

    @Override
    public ConnectorClient client() {
      return client;
    }

    @Override
    public synchronized RunResult specRun() {
      if (specRun == null) {
        specRun = client.spec();
      }
      return specRun;
    }

    @Override
    public String goodConfig() {
      return cfg.goodConfig;
    }

    @Override
    public String badConfig() {
      return cfg.badConfig;
    }

    @Override
    public String exceptionConfig() {
      return cfg.exceptionConfig;
    }

    @Override
    public String expectedSpec() {
      return cfg.expectedSpec;
    }

    @Override
    public String previousSpec() {
      return cfg.previousSpec;
    }

    @Override
    public String bypassReason(String rule) {
      return cfg == null ? null : cfg.bypassReason(rule);
    }
  }
}
