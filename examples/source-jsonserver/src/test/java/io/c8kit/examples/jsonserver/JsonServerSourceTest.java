package io.c8kit.examples.jsonserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c8kit.acceptance.services.JsonServerTestServer;
import io.c8kit.airbyte.ConnectorCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated connector in-process against the real json-server: pages, cursor, resume, nesting.
 */
class JsonServerSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void server() {
    url = JsonServerTestServer.url();
  }

  private List<JsonNode> run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ConnectorCli.run(
            new JsonServerConnector(),
            args,
            new ByteArrayInputStream(new byte[0]),
            out,
            new ByteArrayOutputStream());
    assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      messages.add(JSON.readTree(line));
    }
    return messages;
  }

  private List<JsonNode> read(String config, String stream, String mode, String state)
      throws Exception {
    Path c = Files.writeString(dir.resolve("config.json"), config);
    Path cat =
        Files.writeString(
            dir.resolve("catalog.json"),
            "{\"streams\":[{\"stream\":{\"name\":\""
                + stream
                + "\",\"json_schema\":{},\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]},\"sync_mode\":\""
                + mode
                + "\",\"destination_sync_mode\":\"append\""
                + (mode.equals("incremental") ? ",\"cursor_field\":[\"updated_at\"]" : "")
                + "}]}");
    if (state == null) {
      return run("read", "--config", c.toString(), "--catalog", cat.toString());
    }
    Path s = Files.writeString(dir.resolve("state.json"), state);
    return run(
        "read", "--config", c.toString(), "--catalog", cat.toString(), "--state", s.toString());
  }

  private static List<JsonNode> records(List<JsonNode> messages) {
    return messages.stream()
        .filter(m -> m.get("type").asText().equals("RECORD"))
        .map(m -> m.at("/record/data"))
        .toList();
  }

  private static List<JsonNode> states(List<JsonNode> messages) {
    return messages.stream()
        .filter(m -> m.get("type").asText().equals("STATE"))
        .map(m -> m.at("/state/stream/stream_state"))
        .toList();
  }

  private String config(int pageSize) {
    return "{\"base_url\":\"" + url + "\",\"page_size\":" + pageSize + "}";
  }

  @Test
  void usersFollowTheLinkHeaderAcrossPagesAndResumeAfterTheCheckpointedId() throws Exception {
    long total = JsonServerTestServer.count(url, "/users");
    List<JsonNode> all = records(read(config(7), "users", "full_refresh", null));
    assertEquals(total, all.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).get("id").asLong());
    }
    assertTrue(
        all.get(0).get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"),
        all.get(0).toString());

    List<JsonNode> resumed =
        records(
            read(
                config(7),
                "users",
                "full_refresh",
                "[{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"},\"stream_state\":{\"page\":20}}}]"));
    assertEquals(total - 20, resumed.size());
    assertEquals(21, resumed.get(0).get("id").asLong());
  }

  @Test
  void postsAreIncrementalByUpdatedAtAndTheNextSyncReadsOnlyTheBoundaryAndLater() throws Exception {
    long total = JsonServerTestServer.count(url, "/posts");
    List<JsonNode> first = read(config(11), "posts", "incremental", null);
    List<JsonNode> posts = records(first);
    assertEquals(total, posts.size());
    Set<Long> ids = new HashSet<>();
    String previous = "";
    for (JsonNode p : posts) {
      ids.add(p.get("id").asLong());
      assertTrue(p.get("updated_at").asText().compareTo(previous) >= 0, "ascending updated_at");
      previous = p.get("updated_at").asText();
    }
    assertEquals(total, ids.size(), "no post twice across offset pages");
    JsonNode last = states(first).get(states(first).size() - 1);
    assertEquals(previous, last.get("cursor").asText());

    String middle = posts.get(posts.size() / 2).get("updated_at").asText();
    long expected =
        posts.stream().filter(p -> p.get("updated_at").asText().compareTo(middle) >= 0).count();
    List<JsonNode> second =
        records(
            read(
                config(11),
                "posts",
                "incremental",
                "{\"posts\":{\"cursor_field\":[\"updated_at\"],\"cursor\":\"" + middle + "\"}}"));
    assertEquals(expected, second.size());
    assertEquals(
        JsonServerTestServer.count(url, "/posts?updated_at_gte=" + middle),
        second.size(),
        "the cursor reached the API as a filter");
  }

  @Test
  void commentsOfEveryPostComeFromTheNestedRoute() throws Exception {
    List<JsonNode> comments = records(read(config(13), "comments", "full_refresh", null));
    assertEquals(JsonServerTestServer.count(url, "/comments"), comments.size());
    Set<Long> ids = new HashSet<>();
    comments.forEach(c -> ids.add(c.get("id").asLong()));
    assertEquals(comments.size(), ids.size());
    JsonNode one = comments.get(0);
    assertEquals(
        JsonServerTestServer.count(url, "/posts/" + one.get("post_id").asLong() + "/comments"),
        comments.stream().filter(c -> c.get("post_id").equals(one.get("post_id"))).count());
  }

  @Test
  void checkFailsWithTheUrlWhenNothingListens() throws Exception {
    Path c = Files.writeString(dir.resolve("bad.json"), "{\"base_url\":\"http://127.0.0.1:1\"}");
    JsonNode status =
        run("check", "--config", c.toString()).stream()
            .filter(m -> m.get("type").asText().equals("CONNECTION_STATUS"))
            .findFirst()
            .orElseThrow()
            .get("connectionStatus");
    assertEquals("FAILED", status.get("status").asText());
    assertTrue(
        status.get("message").asText().contains("GET http://127.0.0.1:1/users?_limit=1"),
        status.toString());
  }
}
