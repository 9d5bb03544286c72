package io.c8kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client under the faults real APIs produce, against a scripted server and a fake clock. */
class FaultInjectionTest {
  record Item(long id, String name) {}

  private final MockWebServer server = new MockWebServer();
  private final FakeTiming timing = new FakeTiming();
  private final RecordingContext ctx = new RecordingContext();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private HttpApi.Builder api() {
    return HttpApi.builder(server.url("/v1").toString()).timing(timing);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setBody("{\"error\":\"status " + code + "\"}");
  }

  private List<Item> items(HttpApi api) {
    try (var records = api.get("/items").context(ctx).records("/data", Item.class)) {
      return records.collect(Collectors.toList());
    }
  }

  @Test
  void retryAfterInSecondsIsWaitedExactlyAndReportedAsRateLimited() {
    server.enqueue(status(429).setHeader("Retry-After", "7"));
    server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"}]}"));
    HttpApi api = api().build();

    assertEquals(List.of(new Item(1, "a")), items(api));
    assertEquals(List.of(Duration.ofSeconds(7)), timing.sleeps);
    assertEquals(List.of(Instant.parse("2024-06-01T12:00:07Z")), ctx.rateLimited);
    assertEquals(2, api.stats().requests());
    assertEquals(1, api.stats().retries());
    assertEquals(1, api.stats().rateLimitWaits());
    assertEquals(7000, api.stats().waitMillis());
  }

  @Test
  void retryAfterAsHttpDateIsWaitedUntilThatDate() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            timing.now.plusSeconds(42).atOffset(ZoneOffset.UTC));
    server.enqueue(status(429).setHeader("Retry-After", date));
    server.enqueue(json("{\"data\":[]}"));

    assertEquals(List.of(), items(api().build()));
    assertEquals(List.of(Duration.ofSeconds(42)), timing.sleeps);
  }

  @Test
  void aRetryAfterPastTheTotalWaitGivesUpAtOnceWithATransientError() {
    server.enqueue(status(429).setHeader("Retry-After", "3600"));
    HttpApi api = api().retry(RetryPolicy.defaults().maxTotalWait(Duration.ofMinutes(5))).build();

    TransientException e = assertThrows(TransientException.class, () -> items(api));
    assertTrue(e.getMessage().contains("3600.0 s more (Retry-After)"), e.getMessage());
    assertTrue(e.getMessage().contains("RetryPolicy.maxTotalWait"), e.getMessage());
    assertEquals(List.of(), timing.sleeps);
  }

  @Test
  void a503BurstIsRetriedWithExponentialBackoffAndJitter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(503));
    }
    server.enqueue(json("{\"data\":[{\"id\":2,\"name\":\"b\"}]}"));
    HttpApi api = api().retry(RetryPolicy.defaults().baseDelay(Duration.ofSeconds(2))).build();

    assertEquals(List.of(new Item(2, "b")), items(api));
    assertEquals(3, timing.sleeps.size());
    for (int i = 0; i < 3; i++) {
      long full = 2000L << i;
      long slept = timing.sleeps.get(i).toMillis();
      assertTrue(slept >= full / 2 && slept <= full, "retry " + (i + 1) + " slept " + slept);
    }
    assertEquals(List.of(), ctx.rateLimited, "a 503 is not a rate limit");
    assertEquals(3, api.stats().retries());
  }

  @Test
  void endless503sGiveUpAfterMaxRetriesWithATransientErrorNamingTheUrl() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503));
    }
    HttpApi api = api().retry(RetryPolicy.defaults().maxRetries(3)).build();

    TransientException e = assertThrows(TransientException.class, () -> items(api));
    assertTrue(e.getMessage().startsWith("Gave up on GET http://"), e.getMessage());
    assertTrue(e.getMessage().contains("/v1/items after 4 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 503 Service Unavailable"), e.getMessage());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void aResponseSlowerThanTheTimeoutIsRetried() {
    server.enqueue(json("{\"data\":[]}").setHeadersDelay(1, TimeUnit.SECONDS));
    server.enqueue(json("{\"data\":[{\"id\":3,\"name\":\"c\"}]}"));
    HttpApi api = api().timeout(Duration.ofMillis(300)).build();

    assertEquals(List.of(new Item(3, "c")), items(api));
    assertEquals(1, api.stats().retries());
  }

  @Test
  void alwaysSlowResponsesEndInATransientErrorSayingSo() {
    server.enqueue(json("{}").setHeadersDelay(1, TimeUnit.SECONDS));
    server.enqueue(json("{}").setHeadersDelay(1, TimeUnit.SECONDS));
    HttpApi api =
        api().timeout(Duration.ofMillis(200)).retry(RetryPolicy.defaults().maxRetries(1)).build();

    TransientException e = assertThrows(TransientException.class, () -> items(api));
    assertTrue(e.getMessage().contains("no response within"), e.getMessage());
  }

  @Test
  void truncatedJsonIsRetriedAndThenParsed() {
    server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,"));
    server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}"));
    HttpApi api = api().build();

    assertEquals(List.of(new Item(1, "a"), new Item(2, "b")), items(api));
    assertEquals(1, api.stats().retries());
  }

  @Test
  void aBodyCutOffByTheServerIsRetried() {
    server.enqueue(
        json("{\"data\":[{\"id\":1,\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]}")
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"}]}"));

    assertEquals(List.of(new Item(1, "a")), items(api().build()));
  }

  @Test
  void alwaysTruncatedJsonEndsInATransientErrorNamingTheProblem() {
    server.enqueue(json("{\"data\":["));
    server.enqueue(json("{\"data\":["));
    HttpApi api = api().retry(RetryPolicy.defaults().maxRetries(1)).build();

    TransientException e = assertThrows(TransientException.class, () -> items(api));
    assertTrue(e.getMessage().contains("not valid JSON (truncated?)"), e.getMessage());
  }

  @Test
  void anExpiredOAuthTokenIsReplacedOnceAfterA401() throws Exception {
    server.enqueue(json("{\"access_token\":\"tok-one\",\"expires_in\":3600}"));
    server.enqueue(status(401));
    server.enqueue(json("{\"access_token\":\"tok-two\",\"expires_in\":3600}"));
    server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"}]}"));
    HttpApi api =
        api()
            .auth(
                OAuth2.clientCredentials(
                    server.url("/oauth/token").toString(), "cid", "client-secret-value"))
            .build();

    assertEquals(List.of(new Item(1, "a")), items(api));
    RecordedRequest token = server.takeRequest();
    assertEquals("/oauth/token", token.getPath());
    assertEquals(
        "grant_type=client_credentials&client_id=cid&client_secret=client-secret-value",
        token.getBody().readUtf8());
    assertEquals("Bearer tok-one", server.takeRequest().getHeader("Authorization"));
    assertEquals("/oauth/token", server.takeRequest().getPath());
    assertEquals("Bearer tok-two", server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void aTokenIsRefreshedBeforeItExpiresAndARotatedRefreshTokenIsHandedToTheStream()
      throws Exception {
    server.enqueue(
        json("{\"access_token\":\"tok-a\",\"expires_in\":120,\"refresh_token\":\"refresh-2\"}"));
    server.enqueue(json("{\"data\":[]}"));
    server.enqueue(json("{\"access_token\":\"tok-b\",\"expires_in\":120}"));
    server.enqueue(json("{\"data\":[]}"));
    OAuth2 oauth =
        OAuth2.refreshToken(server.url("/token").toString(), "cid", "secret-x", "refresh-1")
            .refreshTokenProperty("credentials.refresh_token");
    HttpApi api = api().auth(oauth).build();

    items(api);
    timing.advance(Duration.ofSeconds(70)); // 50 s left, less than the 60 s margin
    items(api);

    assertEquals(List.of("credentials.refresh_token=refresh-2"), ctx.configChanges);
    assertEquals("refresh-2", oauth.currentRefreshToken());
    assertTrue(server.takeRequest().getBody().readUtf8().contains("refresh_token=refresh-1"));
    assertEquals("Bearer tok-a", server.takeRequest().getHeader("Authorization"));
    assertTrue(server.takeRequest().getBody().readUtf8().contains("refresh_token=refresh-2"));
    assertEquals("Bearer tok-b", server.takeRequest().getHeader("Authorization"));
  }

  @Test
  void aRefusedTokenRequestIsAConfigErrorNamingTheProperty() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setBody(
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh-old is expired\"}"));
    HttpApi api =
        api()
            .auth(
                OAuth2.refreshToken(
                    server.url("/token").toString(), "cid", "sec-ret", "refresh-old"))
            .build();

    ConfigException e = assertThrows(ConfigException.class, () -> items(api));
    assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
    assertTrue(
        e.getMessage().contains("check the config property refresh_token (****)"), e.getMessage());
    assertFalse(e.getMessage().contains("refresh-old"), e.getMessage());
  }

  @Test
  void unauthorizedIsAConfigErrorNamingTheMaskedCredential() {
    server.enqueue(new MockResponse().setResponseCode(401).setBody("bad key key-12345"));
    HttpApi api = api().auth(Auth.apiKeyQuery("api_key", "key-12345", "api_key")).build();

    ConfigException e = assertThrows(ConfigException.class, () -> items(api));
    assertTrue(e.getMessage().contains("HTTP 401 Unauthorized"), e.getMessage());
    assertTrue(e.getMessage().contains("check the config property api_key (****)"), e.getMessage());
    assertFalse(e.getMessage().contains("key-12345"), e.getMessage());
  }

  @Test
  void forbiddenIsAConfigErrorToo() {
    server.enqueue(new MockResponse().setResponseCode(403).setBody("no"));
    HttpApi api = api().auth(Auth.bearer("bearer-token-1", "api_token")).build();

    ConfigException e = assertThrows(ConfigException.class, () -> items(api));
    assertTrue(
        e.getMessage()
            .contains(
                "HTTP 403 Forbidden: the credential lacks access; check the config"
                    + " property api_token (****)"),
        e.getMessage());
  }

  @Test
  void otherClientErrorsNameTheMaskedUrlStatusAndBody() {
    server.enqueue(
        new MockResponse().setResponseCode(404).setBody("{\"message\":\"no such\nthing\"}"));
    HttpApi api = api().auth(Auth.apiKeyQuery("key", "sekrit-key", "api_key")).build();

    HttpStatusException e =
        assertThrows(
            HttpStatusException.class,
            () ->
                api.get("/things/{id}")
                    .pathParam("id", "a b")
                    .param("token", "t0k3n")
                    .param("q", "x")
                    .send());
    assertEquals(404, e.status());
    assertEquals(
        "GET "
            + server.url("/v1/things/a%20b")
            + "?token=****&q=x failed with HTTP 404 Not Found:"
            + " {\"message\":\"no such thing\"}",
        e.getMessage());
    assertFalse(e.getMessage().contains("sekrit-key"));
  }

  @Test
  void anEndlessCursorIsDetectedAndStopped() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json("{\"data\":[{\"id\":" + i + ",\"name\":\"x\"}],\"next\":\"same\"}"));
    }
    HttpApi api = api().build();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (var s =
                  api.get("/items")
                      .paginate(Paginator.cursor("/next", "cursor"))
                      .records("/data", Item.class)) {
                s.forEach(r -> {});
              }
            });
    assertTrue(
        e.getMessage().startsWith("Endless pagination stopped: page 3 of GET /items asks for"),
        e.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anApiIgnoringThePageParameterIsDetectedByItsRepeatedRecords() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json("{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}"));
    }
    HttpApi api = api().build();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              try (var s =
                  api.get("/items")
                      .paginate(Paginator.pageNumber("page", "size", 2))
                      .records("/data", Item.class)) {
                s.forEach(r -> {});
              }
            });
    assertTrue(
        e.getMessage().contains("returned the same 2 records as the page before"), e.getMessage());
  }

  @Test
  void pagesWithFewerItemsThanPromisedLoseNothing() throws Exception {
    server.enqueue(json(page(0, 10)).setHeader("X-Total-Count", "25"));
    server.enqueue(json(page(10, 7)).setHeader("X-Total-Count", "25"));
    server.enqueue(json(page(17, 8)).setHeader("X-Total-Count", "25"));
    HttpApi api = api().build();

    List<Item> all;
    try (var s =
        api.get("/items")
            .paginate(Paginator.offset("offset", "limit", 10).totalFromHeader("X-Total-Count"))
            .records("/data", Item.class)) {
      all = s.collect(Collectors.toList());
    }
    assertEquals(25, all.size());
    assertEquals(24, all.get(24).id());
    assertEquals("/v1/items?offset=0&limit=10", server.takeRequest().getPath());
    assertEquals("/v1/items?offset=10&limit=10", server.takeRequest().getPath());
    assertEquals("/v1/items?offset=17&limit=10", server.takeRequest().getPath());
    assertEquals(3, server.getRequestCount());
  }

  private static String page(int from, int count) {
    StringBuilder sb = new StringBuilder("{\"data\":[");
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":").append(from + i).append(",\"name\":\"n\"}");
    }
    return sb.append("]}").toString();
  }

  @Test
  void exhaustedRateLimitHeadersPauseTheNextRequestUntilTheReset() {
    server.enqueue(
        json("{\"data\":[]}")
            .setHeader("X-RateLimit-Remaining", "0")
            .setHeader("X-RateLimit-Reset", Long.toString(timing.now.getEpochSecond() + 30)));
    server.enqueue(
        json("{\"data\":[]}")
            .setHeader("RateLimit-Remaining", "0")
            .setHeader("RateLimit-Reset", "5"));
    server.enqueue(json("{\"data\":[]}"));
    HttpApi api = api().build();

    items(api);
    items(api);
    items(api);
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(5)), timing.sleeps);
    assertEquals(
        List.of(Instant.parse("2024-06-01T12:00:30Z"), Instant.parse("2024-06-01T12:00:35Z")),
        ctx.rateLimited);
    assertEquals(2, api.stats().rateLimitWaits());
  }

  @Test
  void theRequestBudgetPerIntervalIsKept() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json("{\"data\":[]}"));
    }
    HttpApi api =
        api().rateLimit(RateLimit.perInterval(2, Duration.ofMinutes(1)).concurrent(1)).build();

    items(api);
    timing.advance(Duration.ofSeconds(10));
    items(api);
    items(api);
    assertEquals(List.of(Duration.ofSeconds(50)), timing.sleeps);
    assertEquals(1, ctx.rateLimited.size());
  }

  @Test
  void aRateLimitResetBeyondTheLongestWaitFails() {
    server.enqueue(
        json("{\"data\":[]}")
            .setHeader("X-RateLimit-Remaining", "0")
            .setHeader("X-RateLimit-Reset", Long.toString(timing.now.getEpochSecond() + 7200)));
    HttpApi api = api().build();

    items(api);
    TransientException e = assertThrows(TransientException.class, () -> items(api));
    assertTrue(e.getMessage().contains("RateLimit.maxWait"), e.getMessage());
  }

  @Test
  void gzipBodiesAreDecompressed() throws Exception {
    okio.Buffer gz = new okio.Buffer();
    try (var out = new java.util.zip.GZIPOutputStream(gz.outputStream())) {
      out.write(
          "{\"data\":[{\"id\":9,\"name\":\"zipped\"}]}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    server.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip").setBody(gz));

    assertEquals(List.of(new Item(9, "zipped")), items(api().build()));
    assertEquals("gzip", server.takeRequest().getHeader("Accept-Encoding"));
  }

  @Test
  void debugLogsShowRequestsWithEveryCredentialMasked() {
    server.enqueue(json("{\"data\":[],\"echo\":\"key-abcdef\"}"));
    server.enqueue(json("{\"data\":[]}"));
    try (LogCapture log = new LogCapture()) {
      HttpApi api =
          api()
              .auth(Auth.apiKeyHeader("X-Api-Key", "key-abcdef", "api_key"))
              .header("X-Trace", "1")
              .build();
      items(api);
      api.get("/search").param("access_token", "qs-token").param("q", "x").send();
      api.close();
      String all = log.all();
      assertTrue(all.contains("FINE HTTP GET " + server.url("/v1/items") + " headers {"), all);
      assertTrue(all.contains("X-Api-Key=****"), all);
      assertTrue(all.contains("\"echo\":\"****\""), all);
      assertTrue(all.contains("/v1/search?access_token=****&q=x"), all);
      assertFalse(all.contains("key-abcdef"), all);
      assertFalse(all.contains("qs-token"), all);
      assertTrue(
          all.contains("FINE HTTP GET /items: 1 pages, 0 records, 1 requests, 0 retries"), all);
      assertTrue(
          all.contains(
              "INFO HTTP "
                  + server.url("/v1")
                  + " in all: 1 pages, 0 records, 2 requests, 0 retries,"
                  + " 0 rate-limit waits"),
          all);
    }
  }
}
