package io.c8kit.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How an API splits a collection into pages. Stateless: the next page is computed from the page
 * just read (its body, headers and request parameters), so one paginator serves any number of
 * reads. Whatever the strategy, a read fails instead of looping when the API asks for a page it
 * already served (see {@code docs/HTTP.md}).
 *
 * <pre>{@code
 * Paginator.cursor("/meta/next_cursor", "cursor")   // token in the body
 * Paginator.nextUrl("/links/next")                  // next URL in the body
 * Paginator.linkHeader()                            // RFC 8288 Link: <…>; rel="next"
 * Paginator.offset("offset", "limit", 100).totalFromHeader("X-Total-Count")
 * Paginator.pageNumber("page", "per_page", 50)
 * }</pre>
 */
public interface Paginator {
  /** Query parameters of the first page, e.g. the page size. */
  default Map<String, String> firstPage() {
    return Map.of();
  }

  /** The page after {@code page}, or empty when {@code page} was the last one. */
  Optional<NextPage> next(PageInfo page);

  /**
   * This paginator, stopping early when {@code stop} holds for a page (e.g. {@code has_more:
   * false}).
   */
  default Paginator stopWhen(Predicate<PageInfo> stop) {
    Paginator self = this;
    return new Paginator() {
      @Override
      public Map<String, String> firstPage() {
        return self.firstPage();
      }

      @Override
      public Optional<NextPage> next(PageInfo page) {
        return stop.test(page) ? Optional.empty() : self.next(page);
      }
    };
  }

  /** A single page. */
  static Paginator none() {
    return page -> Optional.empty();
  }

  /**
   * A next-page token in the body at JSON pointer {@code tokenPointer}, sent back as query
   * parameter {@code param}; the last page has no token (missing, null or empty).
   */
  static Paginator cursor(String tokenPointer, String param) {
    return page -> {
      String token = BodyValues.text(page.body(), tokenPointer);
      return token == null ? Optional.empty() : Optional.of(NextPage.params(Map.of(param, token)));
    };
  }

  /** The next page's URL in the body at JSON pointer {@code pointer}; the last page has none. */
  static Paginator nextUrl(String pointer) {
    return page -> Optional.ofNullable(BodyValues.text(page.body(), pointer)).map(NextPage::url);
  }

  /** The {@code rel="next"} target of the RFC 8288 {@code Link} header; the last page has none. */
  static Paginator linkHeader() {
    return page -> LinkHeader.next(page.response().headers().allValues("Link")).map(NextPage::url);
  }

  /**
   * {@code offsetParam}/{@code limitParam} pages of {@code limit} records. The offset advances by
   * the records actually received (a short page loses nothing); it stops at an empty page, at the
   * total when one is known, else at the first page shorter than {@code limit}.
   */
  static CountingPaginator offset(String offsetParam, String limitParam, int limit) {
    return new CountingPaginator(true, offsetParam, limitParam, limit, 0);
  }

  /**
   * Page numbers from 1 ({@link CountingPaginator#startAt} changes it) with {@code size} records
   * per page; stops like {@link #offset}.
   */
  static CountingPaginator pageNumber(String pageParam, String sizeParam, int size) {
    return new CountingPaginator(false, pageParam, sizeParam, size, 1);
  }
}
