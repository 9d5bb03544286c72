package io.c8kit.acceptance.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs an acceptance test class (a subclass of the kit's base classes) through the JUnit launcher,
 * the way a build would, and records each test's outcome under its path of display names, e.g.
 * {@code basic_read.validate_schema/users}.
 */
final class SuiteRunner {
  /**
   * Tag of the deliberately broken fixture classes: surefire excludes it (see the module POM), so
   * they run only through this runner, whose results the e2e tests assert.
   */
  static final String FIXTURE_TAG = "kit-fixture";

  /** One executed test. */
  record Outcome(TestExecutionResult.Status status, String message) {
    boolean passed() {
      return status == TestExecutionResult.Status.SUCCESSFUL;
    }
  }

  private SuiteRunner() {}

  static Map<String, Outcome> run(Class<?> testClass) {
    Map<String, Outcome> results = new LinkedHashMap<>();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    Launcher launcher = LauncherFactory.create();
    TestExecutionListener listener =
        new TestExecutionListener() {
          private TestPlan plan;

          @Override
          public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String type = id.getUniqueIdObject().getLastSegment().getType();
            boolean factory = type.equals("test-factory");
            if (id.isTest()
                || (factory && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL)) {
              // a factory that failed or was aborted as a whole is reported as "factory <method>"
              results.put(
                  factory ? "factory " + id.getDisplayName() : path(id),
                  new Outcome(
                      result.getStatus(),
                      result.getThrowable().map(Throwable::getMessage).orElse("")));
            }
          }

          @Override
          public void executionSkipped(TestIdentifier id, String reason) {
            results.put(path(id), new Outcome(TestExecutionResult.Status.ABORTED, reason));
          }

          /**
           * Display names of the dynamic containers and test, e.g. {@code
           * basic_read.validate_schema/users}.
           */
          private String path(TestIdentifier id) {
            List<String> names = new ArrayList<>();
            Optional<TestIdentifier> cur = Optional.of(id);
            while (cur.isPresent()
                && cur.get()
                    .getUniqueIdObject()
                    .getLastSegment()
                    .getType()
                    .startsWith("dynamic-")) {
              names.add(0, cur.get().getDisplayName());
              cur = plan.getParent(cur.get());
            }
            return String.join("/", names);
          }
        };
    launcher.execute(request, listener);
    return results;
  }
}
