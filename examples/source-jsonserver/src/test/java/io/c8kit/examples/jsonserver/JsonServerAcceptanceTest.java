package io.c8kit.examples.jsonserver;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;
import io.c8kit.acceptance.services.JsonServerTestServer;

/**
 * Airbyte's connector acceptance suites (spec, connection, discovery, basic read, full refresh,
 * incremental) against the generated connector reading the real json-server of
 * scripts/jsonserver-up.sh; small pages, so that every read crosses several of them.
 */
class JsonServerAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    String url = JsonServerTestServer.url();
    return SourceAcceptanceConfig.forConnector(new JsonServerConnector())
        .goodConfig("{\"base_url\": \"" + url + "\", \"page_size\": 9}")
        .badConfig("{\"base_url\": \"http://127.0.0.1:1\"}");
  }
}
