package io.c8kit.e2e;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * The acceptance kit's source suites against the PostgreSQL source's Docker image, every command a
 * {@code docker run} on the host network (the engine has no bridge network; the test server listens
 * on 127.0.0.1), reading a table and a view (the kit's own database, schema {@code kit_src_image}).
 */
class PostgresSourceImageAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    try {
      return PostgresKit.source(
          SourceAcceptanceConfig.forImage(Images.of(Artifacts.SOURCE_POSTGRES))
              .dockerNetwork("host"),
          "kit_src_image");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
