package io.c8kit.acceptance.checks;

import static io.c8kit.acceptance.support.Kit.assertClean;
import static io.c8kit.acceptance.support.Kit.assertFlags;
import static io.c8kit.acceptance.support.Kit.assertMentions;

import io.c8kit.acceptance.support.Out;
import org.junit.jupiter.api.Test;

class ConnectionChecksTest {
  @Test
  void succeed() {
    assertClean(
        ConnectionChecks.checkSucceed(
            Out.out().log("checking").connectionStatus("SUCCEEDED").ok()));
    assertFlags(
        Rules.CONNECTION_CHECK_SUCCEED,
        ConnectionChecks.checkSucceed(Out.out().connectionStatus("FAILED").ok()));
    assertMentions(
        assertFlags(
            Rules.CONNECTION_CHECK_SUCCEED,
            ConnectionChecks.checkSucceed(
                Out.out().connectionStatus("SUCCEEDED").connectionStatus("SUCCEEDED").ok())),
        "exactly once, got 2");
    assertFlags(
        Rules.CONNECTION_CHECK_SUCCEED,
        ConnectionChecks.checkSucceed(Out.out().log("no status").ok()));
    assertFlags(
        Rules.CONNECTION_CHECK_SUCCEED,
        ConnectionChecks.checkSucceed(Out.out().connectionStatus("SUCCEEDED").exit(1)));
  }

  @Test
  void failed() {
    assertClean(
        ConnectionChecks.checkFailed(Out.out().error("bad key").connectionStatus("FAILED").ok()));
    assertFlags(
        Rules.CONNECTION_CHECK_FAILED,
        ConnectionChecks.checkFailed(Out.out().connectionStatus("SUCCEEDED").ok()));
    assertMentions(
        assertFlags(
            Rules.CONNECTION_CHECK_FAILED,
            ConnectionChecks.checkFailed(Out.out().connectionStatus("FAILED").exit(1))),
        "exit 0");
    // the Java CDK bug: FAILED for the schema error, then the check's own status
    assertFlags(
        Rules.CONNECTION_CHECK_FAILED,
        ConnectionChecks.checkFailed(
            Out.out().connectionStatus("FAILED").connectionStatus("FAILED").ok()));
    assertFlags(
        Rules.CONNECTION_CHECK_FAILED,
        ConnectionChecks.checkFailed(Out.out().error("crash").exit(1)));
  }

  @Test
  void exception() {
    assertClean(ConnectionChecks.checkException(Out.out().log("x").error("boom").exit(1)));
    assertFlags(
        Rules.CONNECTION_CHECK_EXCEPTION,
        ConnectionChecks.checkException(Out.out().error("a").error("b").exit(1)));
    assertFlags(
        Rules.CONNECTION_CHECK_EXCEPTION,
        ConnectionChecks.checkException(Out.out().connectionStatus("FAILED").ok()));
    assertFlags(
        Rules.CONNECTION_CHECK_EXCEPTION,
        ConnectionChecks.checkException(Out.out().error("").exit(1)));
    assertFlags(
        Rules.CONNECTION_CHECK_EXCEPTION,
        ConnectionChecks.checkException(Out.out().status("users", "STARTED").exit(1)));
  }
}
