package io.c8kit.acceptance.e2e;

import static io.c8kit.acceptance.e2e.SourceSuiteTest.assertOnlyFailures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;
import io.c8kit.acceptance.checks.Json;
import io.c8kit.acceptance.checks.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link DestinationAcceptanceTest} end to end, in-process, against a hand-written JSON-lines
 * destination: the correct one passes every rule; each broken one fails the rule aimed at its flaw.
 */
class DestinationSuiteTest {
  static DestinationAcceptanceConfig base(KitDestination.Flaw flaw) {
    Path dir;
    try {
      dir = Files.createTempDirectory("c8kit-kit-destination-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return DestinationAcceptanceConfig.forConnector(new KitDestination(flaw))
        .goodConfig(Json.write(Json.object().put("dir", dir.toString())))
        .badConfig("{\"dir\": \"/nonexistent/c8kit/acceptance\"}")
        .reader(KitDestination::read)
        .timeout(Duration.ofMinutes(2));
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class Good extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.NONE).largeBatchSize(1000);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class OverwriteAppends extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.OVERWRITE_APPENDS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class DropsCarriageReturns extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.DROPS_CARRIAGE_RETURNS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class AsciiOnly extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.ASCII_ONLY);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class DedupByArrival extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.DEDUP_BY_ARRIVAL);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class LosesRecords extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.LOSES_RECORDS);
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class AppendOnly extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.APPEND_ONLY);
    }
  }

  /** The reader looks in the wrong place: the kit must not pass a destination it cannot read. */
  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class WrongReader extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return base(KitDestination.Flaw.NONE)
          .reader((config, stream, ns) -> KitDestination.read(config, stream + "_x", ns));
    }
  }

  @Tag(SuiteRunner.FIXTURE_TAG)
  public static class NoReader extends DestinationAcceptanceTest {
    @Override
    protected DestinationAcceptanceConfig config() {
      return DestinationAcceptanceConfig.forConnector(new KitDestination())
          .goodConfig("{\"dir\":\"/tmp\"}")
          .badConfig("{\"dir\":\"/nonexistent\"}");
    }
  }

  @Test
  void aCorrectDestinationPassesEveryRule() {
    Map<String, SuiteRunner.Outcome> results = SuiteRunner.run(Good.class);
    assertOnlyFailures(results);
    for (String rule : Rules.all()) {
      String suite = Rules.suiteOf(rule);
      if ((suite.equals("destination") || suite.equals("spec") || suite.equals("connection"))
          && !rule.equals(Rules.CONNECTION_CHECK_EXCEPTION)
          && !rule.equals(Rules.SPEC_MATCH_EXPECTED)
          && !rule.equals(Rules.SPEC_BACKWARD_COMPATIBILITY)) {
        assertTrue(results.containsKey(rule), "no test ran for " + rule + ": " + results.keySet());
      }
    }
  }

  @Test
  void overwriteThatAppendsFailsTheSecondSync() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(OverwriteAppends.class);
    assertOnlyFailures(r, Rules.DESTINATION_SECOND_SYNC);
    assertTrue(
        r.get(Rules.DESTINATION_SECOND_SYNC).message().contains("unexpected row"),
        r.get(Rules.DESTINATION_SECOND_SYNC).message());
  }

  @Test
  void lostCarriageReturnsFailLineBreaks() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(DropsCarriageReturns.class);
    assertOnlyFailures(r, Rules.DESTINATION_LINE_BREAK_CHARACTERS);
    assertTrue(
        r.get(Rules.DESTINATION_LINE_BREAK_CHARACTERS).message().contains("carriage\\rreturn"),
        r.get(Rules.DESTINATION_LINE_BREAK_CHARACTERS).message());
  }

  @Test
  void lostUnicodeFailsUnicode() {
    // U+2028/U+2029 are not ASCII either, so the line-break rule catches this flaw too
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(AsciiOnly.class);
    assertOnlyFailures(
        r, Rules.DESTINATION_UNICODE_CHARACTERS, Rules.DESTINATION_LINE_BREAK_CHARACTERS);
    assertTrue(
        r.get(Rules.DESTINATION_LINE_BREAK_CHARACTERS).message().contains("line\\u2028separator"),
        r.get(Rules.DESTINATION_LINE_BREAK_CHARACTERS).message());
  }

  @Test
  void dedupByArrivalFailsDedup() {
    assertOnlyFailures(SuiteRunner.run(DedupByArrival.class), Rules.DESTINATION_DEDUP_SYNC);
  }

  @Test
  void lostRecordsFailTheLargeBatch() {
    assertOnlyFailures(
        SuiteRunner.run(LosesRecords.class), Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH);
  }

  @Test
  void unsupportedModesAreNotTested() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(AppendOnly.class);
    assertOnlyFailures(r);
    assertTrue(r.containsKey(Rules.DESTINATION_INCREMENTAL_SYNC));
    assertFalse(r.containsKey(Rules.DESTINATION_SECOND_SYNC), r.keySet().toString());
    assertFalse(r.containsKey(Rules.DESTINATION_DEDUP_SYNC), r.keySet().toString());
  }

  @Test
  void aReaderThatFindsNothingFailsEveryDataRule() {
    assertOnlyFailures(
        SuiteRunner.run(WrongReader.class),
        Rules.DESTINATION_SYNC,
        Rules.DESTINATION_SECOND_SYNC,
        Rules.DESTINATION_INCREMENTAL_SYNC,
        Rules.DESTINATION_DEDUP_SYNC,
        Rules.DESTINATION_LINE_BREAK_CHARACTERS,
        Rules.DESTINATION_UNICODE_CHARACTERS,
        Rules.DESTINATION_SYNC_WITH_LARGE_RECORD_BATCH);
  }

  @Test
  void aMissingReaderIsReported() {
    Map<String, SuiteRunner.Outcome> r = SuiteRunner.run(NoReader.class);
    SuiteRunner.Outcome sync = r.get(Rules.DESTINATION_SYNC);
    assertEquals(org.junit.platform.engine.TestExecutionResult.Status.FAILED, sync.status());
    assertTrue(sync.message().contains("no reader"), sync.message());
  }
}
