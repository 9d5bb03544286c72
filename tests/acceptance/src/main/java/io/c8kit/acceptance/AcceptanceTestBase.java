package io.c8kit.acceptance;

import io.c8kit.acceptance.checks.Rules;
import io.c8kit.acceptance.target.ConnectorClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * The JUnit plumbing that {@link SourceAcceptanceTest} and {@link DestinationAcceptanceTest} share
 * (one session per class from {@code config()}, the {@code connector()} client and its closing, the
 * {@code spec} and {@code connection} suites), kept here once so each holds only its own suites.
 *
 * @param <C> the kind's config
 * @param <S> the kind's session
 */
abstract class AcceptanceTestBase<C extends AcceptanceConfig<C>, S extends AcceptanceSession<C>> {
  private S session;

  /** The connector and inputs under test; called once per test class. */
  protected abstract C config();

  /** The kind's session, resolved from {@code config}. */
  abstract S newSession(Supplier<C> config);

  /** Tests the kind adds to the spec suite after the common ones; none by default. */
  List<DynamicNode> kindSpecTests(S s) {
    return List.of();
  }

  /** The client of the connector under test, for extra author tests. */
  protected final ConnectorClient connector() {
    S s = session();
    if (s.error != null) {
      throw new IllegalStateException(s.error);
    }
    return s.client;
  }

  final synchronized S session() {
    if (session == null) {
      session = newSession(this::config);
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
    S s = session();
    if (s.error != null) {
      return RuleTests.allFail(List.of(Rules.SPEC_EXACTLY_ONE_SPEC), s::bypassReason, s.error)
          .stream();
    }
    List<DynamicNode> tests = new ArrayList<>(CommonSuites.spec(s));
    tests.addAll(kindSpecTests(s));
    return tests.stream();
  }

  @TestFactory
  @Order(2)
  final Stream<DynamicNode> connection() {
    S s = session();
    if (s.error != null) {
      return RuleTests.allFail(List.of(Rules.CONNECTION_CHECK_SUCCEED), s::bypassReason, s.error)
          .stream();
    }
    return CommonSuites.connection(s).stream();
  }
}
