package io.c8kit.examples.faker;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * Airbyte's connector acceptance suites (spec, connection, discovery, basic read, full refresh,
 * incremental) against the generated connector, in this JVM; {@code -Dc8kit.acceptance.target=jar}
 * or {@code =docker} runs the same class against the jar or the image.
 */
class FakerAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    return SourceAcceptanceConfig.forConnector(new FakerConnector())
        .goodConfig(
            "{\"count\": 25, \"seed\": 1, \"records_per_slice\": 10, \"always_updated\": false}")
        .badConfig("{\"count\": \"foo\"}");
  }
}
