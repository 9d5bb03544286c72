package io.c8kit.acceptance;

import io.c8kit.acceptance.target.ConnectorClient;
import io.c8kit.acceptance.target.RunResult;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;

/**
 * The per-class state of an acceptance test (the author's config, the client of the selected
 * target, why it could not be set up, the SPEC run) which sources and destinations resolve the same
 * way, so it is built once here and extended with each kind's own cached runs.
 *
 * @param <C> the kind's config
 */
class AcceptanceSession<C extends AcceptanceConfig<C>> {
  final C cfg;
  final ConnectorClient client;

  /** Why the connector could not be set up, or null: every suite then fails with it. */
  final String error;

  /**
   * An assumption that failed in {@code config()} (e.g. no test server): every suite is skipped.
   */
  final TestAbortedException aborted;

  private RunResult specRun;

  AcceptanceSession(Supplier<C> config) {
    C c = null;
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
  }

  /** The spec run, computed once. */
  synchronized RunResult specRun() {
    if (specRun == null) {
      specRun = client.spec();
    }
    return specRun;
  }

  /** The bypass reason for a rule (or its suite), or null. */
  String bypassReason(String rule) {
    return cfg == null ? null : cfg.bypassReason(rule);
  }
}
