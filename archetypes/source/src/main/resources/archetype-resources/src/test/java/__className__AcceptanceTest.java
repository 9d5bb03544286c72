package ${package};

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * Airbyte's connector acceptance tests (spec, connection, discovery, basic read, full refresh,
 * incremental) against the generated connector; -Dc8kit.acceptance.target=jar runs them on the jar.
 */
class ${className}AcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    return SourceAcceptanceConfig.forConnector(new ${className}Connector())
        .goodConfig("{}")
        .badConfig("{\"names\": \"not a list\"}");
  }
}
