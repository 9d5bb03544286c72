package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Singer mode inside the Docker images: the {@code tap-faker} and {@code target-sqlite} launchers
 * the connector parent adds to each image, run with {@code --entrypoint} (no network), piped image
 * to image, then an incremental rerun from the target's last state line.
 */
class SingerImageTest {
  @TempDir Path data;

  private DockerEngine.Run image(String connector, String launcher) {
    return DockerEngine.run(Images.of(connector)).mount(data, "/data").entrypoint(launcher);
  }

  @Test
  void tapAboutAndDiscoverInTheImage() {
    DockerEngine.Result about =
        image(Artifacts.SOURCE_FAKER, "tap-faker").exec("--about", "--format", "json");
    assertEquals(0, about.exitCode(), about::toString);
    JsonNode info = Proc.parse(about.stdout());
    assertEquals("tap-faker", info.path("name").asText(), about::toString);
    assertTrue(info.path("capabilities").toString().contains("discover"), about::toString);

    Proc.json(data, "faker.json", "{\"count\": 5}");
    DockerEngine.Result discover =
        image(Artifacts.SOURCE_FAKER, "tap-faker")
            .exec("--config", "/data/faker.json", "--discover");
    assertEquals(0, discover.exitCode(), discover::toString);
    List<String> ids = new ArrayList<>();
    Proc.parse(discover.stdout())
        .path("streams")
        .forEach(s -> ids.add(s.path("tap_stream_id").asText()));
    assertEquals(List.of("users", "products", "purchases"), ids, discover::toString);
  }

  @Test
  void tapImagePipedIntoTargetImageThenIncrementalRerun() throws Exception {
    Proc.json(data, "faker.json", "{\"count\": 30, \"seed\": 4, \"always_updated\": false}");
    Proc.json(data, "sqlite.json", "{\"destination_path\": \"/data/singer.sqlite\"}");

    Proc.PipeResult first =
        Proc.pipe(
            image(Artifacts.SOURCE_FAKER, "tap-faker").command("--config", "/data/faker.json"),
            image(Artifacts.DESTINATION_SQLITE, "target-sqlite")
                .interactive()
                .command("--config", "/data/sqlite.json"),
            data,
            Duration.ofMinutes(3));
    String state = lastState(first);
    JsonNode value = Proc.parse(state);
    assertEquals(
        "updated_at", value.at("/bookmarks/users/replication_key").asText(), first::toString);
    Path sqlite = data.resolve("singer.sqlite");
    Map<String, Long> counts = PipelineRunnerTest.counts(sqlite);
    assertEquals(30L, counts.get("users"), first::toString);
    assertEquals(100L, counts.get("products"), first::toString);

    Files.writeString(data.resolve("state.json"), state);
    Proc.PipeResult second =
        Proc.pipe(
            image(Artifacts.SOURCE_FAKER, "tap-faker")
                .command("--config", "/data/faker.json", "--state", "/data/state.json"),
            image(Artifacts.DESTINATION_SQLITE, "target-sqlite")
                .interactive()
                .command("--config", "/data/sqlite.json"),
            data,
            Duration.ofMinutes(3));
    lastState(second);
    assertEquals(
        counts, PipelineRunnerTest.counts(sqlite), "nothing lost, nothing duplicated:\n" + second);
  }

  /**
   * Both containers exit 0 and every line the target prints is a JSON state value; returns the
   * last.
   */
  private static String lastState(Proc.PipeResult pipe) {
    assertEquals(0, pipe.source().exitCode(), pipe::toString);
    assertEquals(0, pipe.destination().exitCode(), pipe::toString);
    List<String> lines = pipe.destination().stdout().lines().filter(l -> !l.isBlank()).toList();
    assertTrue(!lines.isEmpty(), "the target printed no state:\n" + pipe);
    lines.forEach(Proc::parse);
    return lines.get(lines.size() - 1);
  }
}
