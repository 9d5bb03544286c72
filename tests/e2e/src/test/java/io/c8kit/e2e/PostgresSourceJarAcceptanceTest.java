package io.c8kit.e2e;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * The acceptance kit's source suites against the PostgreSQL source's runnable jar, run as {@code
 * java -jar} for every command, reading a table and a view of the test server (the kit's own
 * database, schema {@code kit_src_jar}).
 */
class PostgresSourceJarAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    var jar = Artifacts.jar(Artifacts.SOURCE_POSTGRES);
    try {
      return PostgresKit.source(
          SourceAcceptanceConfig.forJar(jar).jvmArgs(Proc.fastStart(jar).toArray(String[]::new)),
          "kit_src_jar");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
