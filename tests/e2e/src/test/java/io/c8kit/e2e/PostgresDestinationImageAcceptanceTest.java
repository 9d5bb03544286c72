package io.c8kit.e2e;

import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;

/**
 * The acceptance kit's destination suite against the PostgreSQL destination's Docker image, every
 * command a {@code docker run} on the host network, writing to schema {@code kit_dst_image} of the
 * kit's database and read back with {@code to_jsonb}.
 */
class PostgresDestinationImageAcceptanceTest extends DestinationAcceptanceTest {
  @Override
  protected DestinationAcceptanceConfig config() {
    try {
      return PostgresKit.destination(
          DestinationAcceptanceConfig.forImage(Images.of(Artifacts.DESTINATION_POSTGRES))
              .dockerNetwork("host"),
          "kit_dst_image");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
