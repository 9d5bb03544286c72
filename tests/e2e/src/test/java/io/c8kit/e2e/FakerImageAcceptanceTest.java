package io.c8kit.e2e;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * The acceptance kit's source suites against the faker's Docker image (built from its generated
 * Dockerfile), every command a {@code docker run} with the files mounted, no network.
 */
class FakerImageAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    return inputs(SourceAcceptanceConfig.forImage(Images.of(Artifacts.SOURCE_FAKER)));
  }

  /**
   * The faker's inputs: stable records (so a second incremental read differs from the first), small
   * slices (so the sequential-slices rule has mid-stream checkpoints to resume from).
   */
  static SourceAcceptanceConfig inputs(SourceAcceptanceConfig config) {
    return config
        .goodConfig(
            "{\"count\": 25, \"seed\": 1, \"records_per_slice\": 10, \"always_updated\": false}")
        .badConfig("{\"count\": \"foo\"}");
  }
}
