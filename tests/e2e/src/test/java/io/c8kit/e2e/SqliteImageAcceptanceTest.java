package io.c8kit.e2e;

import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;

/**
 * The acceptance kit's destination suite against the SQLite destination's Docker image: the
 * database file is written by the container (uid 1000) into the mounted work directory and read on
 * the host.
 */
class SqliteImageAcceptanceTest extends DestinationAcceptanceTest {
  @Override
  protected DestinationAcceptanceConfig config() {
    KitDocker.use();
    return DestinationAcceptanceConfig.forImage(Images.of(Artifacts.DESTINATION_SQLITE))
        .goodConfig("{\"destination_path\": \"/data/db/acceptance.sqlite\"}")
        .badConfig("{\"destination_path\": \"/proc/version/db.sqlite\"}")
        .reader(
            (config, stream, namespace) ->
                SqliteRows.read(
                    KitDocker.hostPath(
                        connector().target().workDir(), config.get("destination_path").asText()),
                    stream,
                    namespace));
  }
}
