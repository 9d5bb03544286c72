package io.c8kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each pagination strategy, page by page, without a server. */
class PaginatorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static PageInfo page(
      String body, int records, Map<String, String> params, Map<String, List<String>> headers) {
    try {
      JsonNode json = MAPPER.readTree(body);
      ApiResponse response =
          new ApiResponse(
              URI.create("https://api.test/items"),
              "https://api.test/items",
              200,
              HttpHeaders.of(headers, (a, b) -> true),
              body.getBytes(),
              json);
      return new PageInfo(response, json, records, params, 0);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static PageInfo page(String body, int records, Map<String, String> params) {
    return page(body, records, params, Map.of());
  }

  private static String next(Optional<NextPage> next) {
    return next.map(NextPage::toString).orElse("end");
  }

  @Test
  void cursorFromTheBodyUntilTheTokenIsMissingNullOrEmpty() {
    Paginator p = Paginator.cursor("/meta/next", "cursor");
    assertEquals("{cursor=abc}", next(p.next(page("{\"meta\":{\"next\":\"abc\"}}", 3, Map.of()))));
    assertEquals("{cursor=42}", next(p.next(page("{\"meta\":{\"next\":42}}", 3, Map.of()))));
    assertEquals("end", next(p.next(page("{\"meta\":{\"next\":null}}", 3, Map.of()))));
    assertEquals("end", next(p.next(page("{\"meta\":{\"next\":\"\"}}", 3, Map.of()))));
    assertEquals("end", next(p.next(page("{\"meta\":{}}", 3, Map.of()))));
  }

  @Test
  void nextUrlFromTheBody() {
    Paginator p = Paginator.nextUrl("/links/next");
    assertEquals(
        "https://api.test/items?page=2",
        next(
            p.next(page("{\"links\":{\"next\":\"https://api.test/items?page=2\"}}", 1, Map.of()))));
    assertEquals("end", next(p.next(page("{\"links\":{\"next\":null}}", 1, Map.of()))));
  }

  @Test
  void linkHeaderNext() {
    Paginator p = Paginator.linkHeader();
    Map<String, List<String>> headers =
        Map.of(
            "Link",
            List.of(
                "<https://api.test/items?_page=1>; rel=\"first\", <https://api.test/items?_page=3>; rel=\"next\""));
    assertEquals("https://api.test/items?_page=3", next(p.next(page("[]", 1, Map.of(), headers))));
    assertEquals(
        "end",
        next(
            p.next(
                page(
                    "[]",
                    1,
                    Map.of(),
                    Map.of("Link", List.of("<https://api.test/items?_page=1>; rel=\"first\""))))));
    assertEquals("end", next(p.next(page("[]", 1, Map.of()))));
  }

  @Test
  void offsetAdvancesByWhatWasReceivedAndStopsOnAShortPageWithoutATotal() {
    CountingPaginator p = Paginator.offset("offset", "limit", 10);
    assertEquals(Map.of("offset", "0", "limit", "10"), p.firstPage());
    assertEquals("{offset=10, limit=10}", next(p.next(page("[]", 10, Map.of("offset", "0")))));
    assertEquals("end", next(p.next(page("[]", 4, Map.of("offset", "10")))));
    assertEquals("end", next(p.next(page("[]", 0, Map.of("offset", "10")))));
  }

  @Test
  void offsetWithATotalFromTheBodyGoesOnAfterShortPages() {
    CountingPaginator p = Paginator.offset("offset", "limit", 10).totalFromBody("/total");
    assertEquals(
        "{offset=17, limit=10}", next(p.next(page("{\"total\":25}", 7, Map.of("offset", "10")))));
    assertEquals("end", next(p.next(page("{\"total\":25}", 8, Map.of("offset", "17")))));
  }

  @Test
  void pageNumbersFromOneOrAnotherStart() {
    CountingPaginator p = Paginator.pageNumber("page", "per_page", 2);
    assertEquals(Map.of("page", "1", "per_page", "2"), p.firstPage());
    assertEquals("{page=2, per_page=2}", next(p.next(page("[]", 2, Map.of("page", "1")))));
    assertEquals("end", next(p.next(page("[]", 1, Map.of("page", "2")))));
    CountingPaginator zero = p.startAt(0).totalFromHeader("X-Total");
    assertEquals(Map.of("page", "0", "per_page", "2"), zero.firstPage());
    Map<String, List<String>> total = Map.of("X-Total", List.of("4"));
    assertEquals(
        "{page=1, per_page=2}", next(zero.next(page("[]", 2, Map.of("page", "0"), total))));
    assertEquals("end", next(zero.next(page("[]", 2, Map.of("page", "1"), total))));
  }

  @Test
  void stopWhenEndsEarly() {
    Paginator p =
        Paginator.cursor("/next", "c").stopWhen(pg -> !pg.body().path("has_more").asBoolean());
    assertEquals("{c=x}", next(p.next(page("{\"next\":\"x\",\"has_more\":true}", 1, Map.of()))));
    assertEquals("end", next(p.next(page("{\"next\":\"x\",\"has_more\":false}", 1, Map.of()))));
  }

  @Test
  void linkHeadersParseQuotedCommasMultipleRelsAndUnquotedValues() {
    List<LinkHeader.Link> links =
        LinkHeader.parse(
            "<https://a.test/x?a=1,2>; rel=\"prev first\"; title=\"a, b\", <https://a.test/y>;rel=next");
    assertEquals(2, links.size());
    assertEquals("https://a.test/x?a=1,2", links.get(0).target());
    assertEquals(List.of("prev", "first"), links.get(0).rels());
    assertEquals(List.of("next"), links.get(1).rels());
    assertTrue(LinkHeader.next(List.of("<https://a.test/z>; rel=\"last\"")).isEmpty());
  }
}
