package io.c8kit.e2e;

import io.c8kit.acceptance.SourceAcceptanceConfig;
import io.c8kit.acceptance.SourceAcceptanceTest;

/**
 * The acceptance kit's source suites (spec, connection, discovery, basic_read, full_refresh,
 * incremental) against the faker's runnable jar, run as {@code java -jar} for every command.
 */
class FakerJarAcceptanceTest extends SourceAcceptanceTest {
  @Override
  protected SourceAcceptanceConfig config() {
    var jar = Artifacts.jar(Artifacts.SOURCE_FAKER);
    return FakerImageAcceptanceTest.inputs(
        SourceAcceptanceConfig.forJar(jar).jvmArgs(Proc.fastStart(jar).toArray(String[]::new)));
  }
}
