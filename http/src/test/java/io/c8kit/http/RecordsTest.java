package io.c8kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decoding records, following Link headers, and mapping cursor and page state to parameters. */
class RecordsTest {
  record Post(long id, String title, Instant updatedAt, List<String> tags) {}

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private HttpApi api() {
    return HttpApi.builder(server.url("/").toString()).timing(new FakeTiming()).build();
  }

  @Test
  void recordsDecodeWithSnakeCaseNamesAndTimestampsIgnoringUnknownFields() {
    server.enqueue(
        new MockResponse()
            .setBody(
                "[{\"id\":1,\"title\":\"t\",\"updated_at\":\"2024-01-02T03:04:05Z\","
                    + "\"tags\":[\"a\"],\"extra\":{}}]"));
    try (var s = api().get("posts").records("", Post.class)) {
      assertEquals(
          List.of(new Post(1, "t", Instant.parse("2024-01-02T03:04:05Z"), List.of("a"))),
          s.collect(Collectors.toList()));
    }
  }

  @Test
  void aRecordThatDoesNotDecodeNamesThePageAndType() {
    server.enqueue(new MockResponse().setBody("{\"items\":[{\"id\":\"not a number\"}]}"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> {
              try (var s = api().get("/posts").records("/items", Post.class)) {
                s.forEach(r -> {});
              }
            });
    assertTrue(
        e.getMessage()
            .startsWith(
                "Record 1 of page 1 of "
                    + server.url("/posts")
                    + " does not decode"
                    + " into Post"),
        e.getMessage());
  }

  @Test
  void aMissingRecordsPointerListsTheFieldsThere() {
    server.enqueue(new MockResponse().setBody("{\"results\":[],\"count\":0}"));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (var s = api().get("/posts").records("/data", Post.class)) {
                s.forEach(r -> {});
              }
            });
    assertTrue(
        e.getMessage()
            .contains(
                "has no records at JSON pointer \"/data\"; its top-level fields are"
                    + " [count, results]"),
        e.getMessage());
  }

  @Test
  void linkHeaderPagesAreFollowedLazily() throws Exception {
    String base = server.url("/posts").toString();
    server.enqueue(
        new MockResponse()
            .setBody("[{\"id\":1},{\"id\":2}]")
            .setHeader("Link", "<" + base + "?_page=2&_limit=2>; rel=\"next\""));
    server.enqueue(
        new MockResponse()
            .setBody("[{\"id\":3}]")
            .setHeader("Link", "<" + base + "?_page=1&_limit=2>; rel=\"first\""));
    try (var s =
        api()
            .get("/posts")
            .param("_limit", 2)
            .paginate(Paginator.linkHeader())
            .records("", Post.class)) {
      var it = s.iterator();
      assertEquals(1, it.next().id());
      assertEquals(1, server.getRequestCount(), "the second page is fetched only when needed");
      assertEquals(2, it.next().id());
      assertEquals(3, it.next().id());
      assertTrue(!it.hasNext());
    }
    assertEquals("/posts?_limit=2", server.takeRequest().getPath());
    assertEquals("/posts?_page=2&_limit=2", server.takeRequest().getPath());
  }

  @Test
  void cursorAndPageStateBecomeRequestParameters() throws Exception {
    server.enqueue(new MockResponse().setBody("[]"));
    server.enqueue(new MockResponse().setBody("[]"));
    server.enqueue(new MockResponse().setBody("[]"));
    HttpApi api = api();
    api.get("/posts")
        .since("updated_at_gte", Cursor.of(Instant.parse("2024-01-01T00:00:00Z")))
        .after("id_gt", Page.start())
        .send();
    api.get("/posts")
        .since("updated_at_gte", Cursor.empty())
        .after("id_gt", Page.after(41L))
        .send();
    api.get("/users/{id}/posts").pathParam("id", "a/b").send();
    assertEquals("/posts?updated_at_gte=2024-01-01T00%3A00%3A00Z", server.takeRequest().getPath());
    assertEquals("/posts?id_gt=41", server.takeRequest().getPath());
    assertEquals("/users/a%2Fb/posts", server.takeRequest().getPath());
  }
}
