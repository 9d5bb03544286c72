package com.example.tickets;

import io.c8kit.annotations.Check;
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
import io.c8kit.source.Cursor;
import io.c8kit.source.StreamContext;
import java.time.Instant;

/** A declarative REST source: OAuth refresh token, token pages, incremental filter, path parameters. */
@Source(name = "tickets", version = "0.1.0", description = "Tickets of the Acme helpdesk API.")
@HttpSource(
    baseUrl = "{base_url}/v2",
    headers = {"X-Api-Version: 2024-01", "X-Tenant: {tenant}"},
    auth = @HttpAuth(scheme = HttpAuth.Scheme.OAUTH2_REFRESH_TOKEN, tokenUrl = "{base_url}/oauth/token",
        clientId = "client_id", clientSecret = "client_secret", refreshToken = "refresh_token",
        scope = "tickets:read"),
    rateLimit = @HttpRateLimit(requests = "100", perSeconds = 60, concurrent = 2))
public abstract class TicketsSource {
  public record Config(
      @Property(description = "API base URL.") String baseUrl,
      @Property(description = "Tenant.") String tenant,
      @Property(description = "Board id.") long board,
      @Property(description = "OAuth client id.") String clientId,
      @Property(description = "OAuth client secret.") @Secret String clientSecret,
      @Property(description = "OAuth refresh token.") @Secret String refreshToken,
      @Property(description = "Tickets per page.") int pageSize) {}

  public record Ticket(long id, String subject, String status, Instant updatedAt) {}

  public record Agent(long id, String name) {}

  protected abstract HttpApi api(Config config);

  @Check
  void check(Config config) {
    api(config).get("/tickets").param("per_page", 1).send();
  }

  @Stream(primaryKey = "id", cursor = "updated_at", ordered = true)
  @HttpStream(path = "/boards/{board}/tickets", records = "/data", params = {"sort=updated_at", "per_page={page_size}"},
      since = "updated_since", paginator = @Paginate(kind = Paginate.Kind.NEXT_TOKEN, pointer = "/meta/next_cursor",
          param = "cursor"))
  public abstract java.util.stream.Stream<Ticket> tickets(Config config, Cursor<Instant> since, StreamContext ctx);

  @Stream(primaryKey = "id")
  @HttpStream(path = "/agents", records = "/agents", paginator = @Paginate(kind = Paginate.Kind.PAGE_NUMBER,
      param = "page", sizeParam = "per_page", size = "{page_size}", totalHeader = "X-Total"))
  abstract java.util.stream.Stream<Agent> agents(Config config);
}
