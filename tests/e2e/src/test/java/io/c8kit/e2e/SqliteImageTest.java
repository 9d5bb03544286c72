package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite destination's image: check, and a sync from the faker image piped into it ({@code
 * docker run ... read | docker run -i ... write}, both without network) whose SQLite file is then
 * opened on the host; and a sync driven by the pipeline runner with both images.
 */
class SqliteImageTest {
  @TempDir Path data;

  private DockerEngine.Run image(String connector) {
    return DockerEngine.run(Images.of(connector)).mount(data, "/data");
  }

  @Test
  void checkCreatesNothingHarmfulAndFailsOnAnUnwritablePath() throws Exception {
    Proc.json(data, "good.json", "{\"destination_path\": \"/data/check.sqlite\"}");
    Proc.json(data, "bad.json", "{\"destination_path\": \"/proc/no/such/dir/x.sqlite\"}");
    DockerEngine.Result good =
        image(Artifacts.DESTINATION_SQLITE).exec("check", "--config", "/data/good.json");
    assertEquals(0, good.exitCode(), good::toString);
    assertEquals(
        "SUCCEEDED",
        Messages.parse(good.stdout(), good::toString)
            .only("CONNECTION_STATUS")
            .at("/connectionStatus/status")
            .asText(),
        good::toString);
    DockerEngine.Result bad =
        image(Artifacts.DESTINATION_SQLITE).exec("check", "--config", "/data/bad.json");
    assertEquals(0, bad.exitCode(), bad::toString);
    assertEquals(
        "FAILED",
        Messages.parse(bad.stdout(), bad::toString)
            .only("CONNECTION_STATUS")
            .at("/connectionStatus/status")
            .asText(),
        bad::toString);
  }

  @Test
  void fakerImagePipedIntoSqliteImageWritesTheFileOnTheHost() throws Exception {
    Proc.json(data, "faker.json", "{\"count\": 25, \"seed\": 6}");
    Proc.json(data, "sqlite.json", "{\"destination_path\": \"/data/out.sqlite\"}");
    DockerEngine.Result discover =
        image(Artifacts.SOURCE_FAKER).exec("discover", "--config", "/data/faker.json");
    assertEquals(0, discover.exitCode(), discover::toString);
    JsonNode catalog = Messages.parse(discover.stdout(), discover::toString).only("CATALOG");
    Proc.json(data, "catalog.json", Catalogs.incremental(catalog, "append_dedup", "overwrite", 1));

    Proc.PipeResult pipe =
        Proc.pipe(
            image(Artifacts.SOURCE_FAKER)
                .command("read", "--config", "/data/faker.json", "--catalog", "/data/catalog.json"),
            image(Artifacts.DESTINATION_SQLITE)
                .interactive()
                .command(
                    "write", "--config", "/data/sqlite.json", "--catalog", "/data/catalog.json"),
            data,
            Duration.ofMinutes(3));
    Syncs.Sync sync = new Syncs.Sync(pipe).assertSucceeded();
    Path file = data.resolve("out.sqlite");
    assertTrue(Files.isRegularFile(file), pipe::toString);
    Map<String, Integer> sent = sync.recordsSent();
    assertEquals(25, sent.get("users"));
    Map<String, Long> counts = PipelineRunnerTest.counts(file);
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      assertEquals((long) e.getValue(), counts.get(e.getKey()), () -> e.getKey() + ": " + counts);
    }
  }

  @Test
  void thePipelineRunnerDrivesBothImages() throws Exception {
    Proc.json(
        data, "source-config.json", "{\"count\": 30, \"seed\": 42, \"always_updated\": false}");
    // The runner mounts its work directory at /data in each container.
    Proc.json(data, "destination-config.json", "{\"destination_path\": \"/data/faker.sqlite\"}");
    {
      DockerEngine.require();
      Path runner = Artifacts.jar(Artifacts.PIPELINE);
      List<String> cmd =
          Proc.javaJar(
              runner,
              Proc.fastStart(runner, "--help"),
              "--source",
              Images.of(Artifacts.SOURCE_FAKER),
              "--source-config",
              data.resolve("source-config.json").toString(),
              "--destination",
              Images.of(Artifacts.DESTINATION_SQLITE),
              "--destination-config",
              data.resolve("destination-config.json").toString(),
              "--workdir",
              data.toString());
      // The containers run as uid 1000: let them write into the work directory.
      DockerEngine.openUp(data);
      Proc.Result r = Proc.exec(cmd, data, null, Map.of(), Proc.TIMEOUT);
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stdout().contains("Sync succeeded."), r::toString);
      Map<String, Long> counts = PipelineRunnerTest.counts(data.resolve("faker.sqlite"));
      assertEquals(30L, counts.get("users"), counts::toString);
      assertEquals(100L, counts.get("products"), counts::toString);
    }
  }
}
