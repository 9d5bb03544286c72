package io.c8kit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.acceptance.services.JsonServerTestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP source example against the real json-server (scripts/jsonserver-up.sh), into SQLite
 * through the pipeline runner's jar, twice: every user, post and comment arrives; the second run
 * resumes the incremental posts from the saved state and reads only the boundary again.
 */
class JsonServerPipelineTest {
  @TempDir Path work;

  private Proc.Result pipeline(Path sourceConfig, Path destinationConfig) {
    Path runner = Artifacts.jar(Artifacts.PIPELINE);
    List<String> cmd =
        Proc.javaJar(
            runner,
            Proc.fastStart(runner, "--help"),
            "--source",
            Artifacts.jar(Artifacts.SOURCE_JSONSERVER).toString(),
            "--source-config",
            sourceConfig.toString(),
            "--destination",
            Artifacts.jar(Artifacts.DESTINATION_SQLITE).toString(),
            "--destination-config",
            destinationConfig.toString(),
            "--workdir",
            work.toString());
    return Proc.exec(cmd, work, null, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1"), Proc.TIMEOUT);
  }

  @Test
  void jsonServerToSqliteTwiceResumesPostsFromTheSavedState() throws Exception {
    String url = JsonServerTestServer.url();
    long users = JsonServerTestServer.count(url, "/users");
    long posts = JsonServerTestServer.count(url, "/posts");
    long comments = JsonServerTestServer.count(url, "/comments");
    Path sqlite = work.resolve("jsonserver.sqlite");
    Path source =
        Proc.json(work, "source-config.json", "{\"base_url\": \"" + url + "\", \"page_size\": 10}");
    Path destination =
        Proc.json(
            work,
            "destination-config.json",
            Messages.JSON.createObjectNode().put("destination_path", sqlite.toString()));

    Proc.Result first = pipeline(source, destination);
    assertEquals(0, first.exitCode(), first::toString);
    assertTrue(first.stdout().contains("Sync succeeded."), first::toString);
    assertEquals(
        Map.of("users", users, "posts", posts, "comments", comments),
        PipelineRunnerTest.counts(sqlite));

    Proc.Result second = pipeline(source, destination);
    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stdout().contains("resuming from"), second::toString);
    // posts are incremental (append_dedup): only the boundary ties come again, one row per id
    // remains
    assertEquals(
        Map.of("users", users, "posts", posts, "comments", comments),
        PipelineRunnerTest.counts(sqlite));
  }
}
