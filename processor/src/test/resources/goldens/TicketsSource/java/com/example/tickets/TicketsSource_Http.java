package com.example.tickets;

import io.c8kit.http.HttpApi;
import io.c8kit.http.OAuth2;
import io.c8kit.http.Paginator;
import io.c8kit.http.RateLimit;
import io.c8kit.source.Cursor;
import io.c8kit.source.StreamContext;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;

/**
 * The declared REST streams of {@link TicketsSource}, implemented on c8kit-http.
 */
@Generated("io.c8kit.processor.C8kitProcessor")
public final class TicketsSource_Http extends TicketsSource {
  /**
   * The API as {@code @HttpSource} declares it, for one config.
   */
  private static HttpApi.Builder c8kitHttpApi(TicketsSource.Config config) {
    HttpApi.Builder api = HttpApi.builder(String.valueOf(config.baseUrl()) + "/v2");
    api.header("X-Api-Version", "2024-01");
    api.header("X-Tenant", String.valueOf(config.tenant()));
    api.rateLimit(RateLimit.perInterval(100, Duration.ofSeconds(60)).concurrent(2));
    api.auth(OAuth2.refreshToken(String.valueOf(config.baseUrl()) + "/oauth/token", config.clientId(), config.clientSecret(), config.refreshToken()).property("refresh_token").refreshTokenProperty("refresh_token").scope("tickets:read"));
    return api;
  }

  @Override
  protected HttpApi api(TicketsSource.Config config) {
    return c8kitHttpApi(config).build();
  }

  @Override
  public Stream<TicketsSource.Ticket> tickets(TicketsSource.Config config, Cursor<Instant> since,
      StreamContext ctx) {
    HttpApi api = c8kitHttpApi(config).build();
    return api.get("/boards/{board}/tickets")
      .pathParam("board", config.board())
      .param("sort", "updated_at")
      .param("per_page", config.pageSize())
      .since("updated_since", since)
      .paginate(Paginator.cursor("/meta/next_cursor", "cursor"))
      .context(ctx)
      .records("/data", TicketsSource.Ticket.class)
      .onClose(api::close);
  }

  @Override
  Stream<TicketsSource.Agent> agents(TicketsSource.Config config) {
    HttpApi api = c8kitHttpApi(config).build();
    return api.get("/agents")
      .paginate(Paginator.pageNumber("page", "per_page", config.pageSize()).totalFromHeader("X-Total"))
      .records("/agents", TicketsSource.Agent.class)
      .onClose(api::close);
  }
}
