package io.c8kit.examples.jsonserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.c8kit.annotations.Check;
import io.c8kit.annotations.DefaultValue;
import io.c8kit.annotations.Property;
import io.c8kit.annotations.Secret;
import io.c8kit.annotations.Source;
import io.c8kit.annotations.Stream;
import io.c8kit.http.Auth;
import io.c8kit.http.HttpApi;
import io.c8kit.http.Paginator;
import io.c8kit.http.RateLimit;
import io.c8kit.http.RetryPolicy;
import io.c8kit.source.Cursor;
import io.c8kit.source.Page;
import io.c8kit.source.StreamContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A REST API source on c8kit-http, reading a json-server 0.17 API (the fake REST server of many
 * tutorials): three streams that show the three shapes most APIs need: pages linked by the
 * {@code Link} header and resumable by id, an incremental read by an {@code updated_at} filter with
 * offset pages, and a nested resource addressed by a path parameter.
 */
@Source(
    name = "jsonserver",
    version = "0.1.0",
    title = "json-server",
    description = "Users, posts and comments from a json-server REST API.",
    documentationUrl = "https://github.com/typicode/json-server/tree/v0.17.4")
public class JsonServerSource {
  public record Config(
      @Property(description = "Base URL of the json-server API.", order = 0,
              examples = "http://127.0.0.1:3000", pattern = "^https?://.+")
          String baseUrl,
      @Property(description = "Records per page.", order = 1, minimum = 1, maximum = 1000)
          @DefaultValue("25")
          int pageSize,
      @Property(description = "At most this many requests per second.", order = 2, minimum = 1)
          @DefaultValue("50")
          int requestsPerSecond,
      @Property(description = "Bearer token, if the API is behind an authenticating proxy.", order = 3)
          @Secret
          Optional<String> apiToken) {}

  public record User(long id, String name, String email, Instant createdAt) {}

  public record Post(long id, long userId, String title, String body, Instant updatedAt) {}

  /** json-server's nested routes need the camelCase foreign key {@code postId} in the data. */
  public record Comment(long id, @JsonProperty("postId") long postId, String author, String text) {}

  static HttpApi api(Config config, RetryPolicy retry) {
    HttpApi.Builder api = HttpApi.builder(config.baseUrl())
        .rateLimit(RateLimit.perInterval(config.requestsPerSecond(), Duration.ofSeconds(1)).concurrent(4))
        .retry(retry)
        .timeout(Duration.ofSeconds(30));
    config.apiToken().ifPresent(token -> api.auth(Auth.bearer(token, "api_token")));
    return api.build();
  }

  /** One request without retries: a check should answer quickly. */
  @Check
  void check(Config config) {
    api(config, RetryPolicy.none()).get("/users").param("_limit", 1).send();
  }

  /**
   * Every user in id order, page after page by the Link header (json-server sends it when {@code _page}
   * is set); a resumed read asks for ids from the last checkpointed one on (the engine drops that one).
   */
  @Stream(primaryKey = "id", pageKey = "id", ordered = true)
  java.util.stream.Stream<User> users(Config config, Page<Long> after, StreamContext ctx) {
    HttpApi api = api(config, RetryPolicy.defaults());
    return api.get("/users")
        .param("_sort", "id").param("_page", 1).param("_limit", config.pageSize())
        .after("id_gte", after)
        .paginate(Paginator.linkHeader())
        .context(ctx)
        .records("", User.class)
        .onClose(api::close);
  }

  /** Posts updated at or after the cursor, oldest first, by offset pages up to X-Total-Count. */
  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  java.util.stream.Stream<Post> posts(Config config, Cursor<Instant> since, StreamContext ctx) {
    HttpApi api = api(config, RetryPolicy.defaults());
    return api.get("/posts")
        .param("_sort", "updated_at,id").param("_order", "asc,asc")
        .since("updated_at_gte", since)
        .paginate(Paginator.offset("_start", "_limit", config.pageSize()).totalFromHeader("X-Total-Count"))
        .context(ctx)
        .records("", Post.class)
        .onClose(api::close);
  }

  /** The comments of every post, from the nested route /posts/{id}/comments. */
  @Stream(primaryKey = "id")
  java.util.stream.Stream<Comment> comments(Config config, StreamContext ctx) {
    HttpApi api = api(config, RetryPolicy.defaults());
    return api.get("/posts").param("_sort", "id").param("_page", 1).param("_limit", config.pageSize())
        .paginate(Paginator.linkHeader()).context(ctx).records("", Post.class)
        .flatMap(post -> api.get("/posts/{id}/comments").pathParam("id", post.id())
            .param("_sort", "id").context(ctx).records("", Comment.class))
        .onClose(api::close);
  }
}
