package io.c8kit.e2e;

import io.c8kit.acceptance.DestinationAcceptanceConfig;
import io.c8kit.acceptance.DestinationAcceptanceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The acceptance kit's destination suite against the SQLite destination's runnable jar. */
class SqliteJarAcceptanceTest extends DestinationAcceptanceTest {
  private static Path dir;

  @Override
  protected DestinationAcceptanceConfig config() {
    try {
      Path jar = Artifacts.jar(Artifacts.DESTINATION_SQLITE);
      dir = Files.createTempDirectory("c8kit-e2e-sqlite-kit-");
      Path notADirectory = Files.createFile(dir.resolve("plain-file"));
      return DestinationAcceptanceConfig.forJar(jar)
          .jvmArgs(Proc.fastStart(jar).toArray(String[]::new))
          .goodConfig(
              Messages.JSON
                  .createObjectNode()
                  .put("destination_path", dir.resolve("db/acceptance.sqlite").toString()))
          .badConfig(
              Messages.JSON
                  .createObjectNode()
                  .put("destination_path", notADirectory.resolve("db.sqlite").toString())
                  .toString())
          .reader(
              (config, stream, namespace) ->
                  SqliteRows.read(
                      Path.of(config.get("destination_path").asText()), stream, namespace));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void deleteDatabase() {
    Proc.deleteTree(dir);
  }
}
