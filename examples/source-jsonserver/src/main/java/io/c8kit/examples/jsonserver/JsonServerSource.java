package io.c8kit.examples.jsonserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.annotations.http.HttpAuth;
import io.c8kit.annotations.http.HttpRateLimit;
import io.c8kit.annotations.http.HttpSource;
import io.c8kit.annotations.http.HttpStream;
import io.c8kit.annotations.http.Paginate;
import io.c8kit.http.HttpApi;
import io.c8kit.http.Paginator;
import io.c8kit.http.RetryPolicy;
import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import io.c8kit.source.StreamContext;
import java.time.Instant;
import java.util.Optional;

/**
 * A REST API source on c8kit-http, reading a json-server 0.17 API (the fake REST server of many
 * tutorials): three streams that show the three shapes most APIs need: pages linked by the {@code
 * Link} header and resumable by id, an incremental read by an {@code updated_at} filter with offset
 * pages, and a nested resource addressed by a path parameter. The first two are declared
 * ({@code @HttpStream}, no body: the processor checks them against the config and record types and
 * generates {@code JsonServerSource_Http}); the nested one is written by hand on the declared API.
 */
@Source(
    name = "jsonserver",
    version = "0.1.0",
    title = "json-server",
    description = "Users, posts and comments from a json-server REST API.",
    documentationUrl = "https://github.com/typicode/json-server/tree/v0.17.4")
@HttpSource(
    baseUrl = "{base_url}",
    auth = @HttpAuth(scheme = HttpAuth.Scheme.BEARER, token = "api_token"),
    rateLimit = @HttpRateLimit(requests = "{requests_per_second}", perSeconds = 1, concurrent = 4))
public abstract class JsonServerSource {
  public record Config(
      @Property(
              description = "Base URL of the json-server API.",
              order = 0,
              examples = "http://127.0.0.1:3000",
              pattern = "^https?://.+")
          String baseUrl,
      @Property(description = "Records per page.", order = 1, minimum = 1, maximum = 1000)
          @DefaultValue("25")
          int pageSize,
      @Property(description = "At most this many requests per second.", order = 2, minimum = 1)
          @DefaultValue("50")
          int requestsPerSecond,
      @Property(
              description = "Bearer token, if the API is behind an authenticating proxy.",
              order = 3)
          @Secret
          Optional<String> apiToken) {}

  public record User(long id, String name, String email, Instant createdAt) {}

  public record Post(long id, long userId, String title, String body, Instant updatedAt) {}

  /** json-server's nested routes need the camelCase foreign key {@code postId} in the data. */
  public record Comment(long id, @JsonProperty("postId") long postId, String author, String text) {}

  /** The API as {@code @HttpSource} declares it (implemented by the generated subclass). */
  abstract HttpApi.Builder api(Config config);

  /** One request without retries: a check should answer quickly. */
  @Check
  void check(Config config) {
    api(config).retry(RetryPolicy.none()).build().get("/users").param("_limit", 1).send();
  }

  /**
   * Every user in id order, page after page by the Link header (json-server sends it when {@code
   * _page} is set); a resumed read asks for ids from the last checkpointed one on (the engine drops
   * that one).
   */
  @Stream(primaryKey = "id", pageKey = "id", ordered = true)
  @HttpStream(
      path = "/users",
      params = {"_sort=id", "_page=1", "_limit={page_size}"},
      after = "id_gte",
      paginator = @Paginate(kind = Paginate.Kind.LINK_HEADER))
  abstract java.util.stream.Stream<User> users(Config config, Page<Long> after, StreamContext ctx);

  /** Posts updated at or after the cursor, oldest first, by offset pages up to X-Total-Count. */
  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  @HttpStream(
      path = "/posts",
      params = {"_sort=updated_at,id", "_order=asc,asc"},
      since = "updated_at_gte",
      paginator =
          @Paginate(
              kind = Paginate.Kind.OFFSET_LIMIT,
              param = "_start",
              sizeParam = "_limit",
              size = "{page_size}",
              totalHeader = "X-Total-Count"))
  abstract java.util.stream.Stream<Post> posts(
      Config config, Cursor<Instant> since, StreamContext ctx);

  /** The comments of every post, from the nested route /posts/{id}/comments. */
  @Stream(primaryKey = "id")
  java.util.stream.Stream<Comment> comments(Config config, StreamContext ctx) {
    HttpApi api = api(config).build();
    return api.get("/posts")
        .param("_sort", "id")
        .param("_page", 1)
        .param("_limit", config.pageSize())
        .paginate(Paginator.linkHeader())
        .context(ctx)
        .records("", Post.class)
        .flatMap(
            post ->
                api.get("/posts/{id}/comments")
                    .pathParam("id", post.id())
                    .param("_sort", "id")
                    .context(ctx)
                    .records("", Comment.class))
        .onClose(api::close);
  }
}
