package io.c8kit.e2e;

import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;

/**
 * The acceptance kit's destination suite against the PostgreSQL destination's runnable jar, run as
 * {@code java -jar} for every command, writing to schema {@code kit_dst_jar} of the kit's database
 * and read back with {@code to_jsonb}.
 */
class PostgresDestinationJarAcceptanceTest extends DestinationAcceptanceTest {
  @Override
  protected DestinationAcceptanceConfig config() {
    var jar = Artifacts.jar(Artifacts.DESTINATION_POSTGRES);
    try {
      return PostgresKit.destination(
          DestinationAcceptanceConfig.forJar(jar)
              .jvmArgs(Proc.fastStart(jar).toArray(String[]::new)),
          "kit_dst_jar");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
