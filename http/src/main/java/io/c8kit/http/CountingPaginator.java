package io.c8kit.http;

import io.c8kit.runtime.Log;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Offset/limit and page-number pagination. The position advances by what was actually received
 * (offsets) or by one (pages); a known total (body or header) wins over the "short page means last
 * page" rule, so a server that returns fewer records than asked for loses none of them.
 */
public final class CountingPaginator implements Paginator {
  private final boolean offsets;
  private final String positionParam;
  private final String sizeParam;
  private final int size;
  private final int start;
  private final String totalPointer;
  private final String totalHeader;

  CountingPaginator(boolean offsets, String positionParam, String sizeParam, int size, int start) {
    this(offsets, positionParam, sizeParam, size, start, null, null);
  }

  private CountingPaginator(
      boolean offsets,
      String positionParam,
      String sizeParam,
      int size,
      int start,
      String totalPointer,
      String totalHeader) {
    if (size <= 0) {
      throw new IllegalArgumentException("the page size must be positive, got " + size);
    }
    this.offsets = offsets;
    this.positionParam = positionParam;
    this.sizeParam = sizeParam;
    this.size = size;
    this.start = start;
    this.totalPointer = totalPointer;
    this.totalHeader = totalHeader;
  }

  /** The total number of records is in the body at this JSON pointer (e.g. {@code /meta/total}). */
  public CountingPaginator totalFromBody(String pointer) {
    return new CountingPaginator(
        offsets, positionParam, sizeParam, size, start, pointer, totalHeader);
  }

  /** The total number of records is in this response header (e.g. {@code X-Total-Count}). */
  public CountingPaginator totalFromHeader(String header) {
    return new CountingPaginator(
        offsets, positionParam, sizeParam, size, start, totalPointer, header);
  }

  /** The first page's number (page numbers only; default 1). */
  public CountingPaginator startAt(int first) {
    return new CountingPaginator(
        offsets, positionParam, sizeParam, size, first, totalPointer, totalHeader);
  }

  @Override
  public Map<String, String> firstPage() {
    return params(start);
  }

  @Override
  public Optional<NextPage> next(PageInfo page) {
    long position = parsePosition(page);
    Long total = total(page);
    long nextPosition = offsets ? position + page.records() : position + 1;
    // records seen so far: exact for offsets; for pages, full pages before this one plus this one
    long seen = offsets ? nextPosition : (position - start) * (long) size + page.records();
    if (page.records() == 0) {
      if (offsets && total != null && seen < total) {
        Log.warn(
            page.response().url()
                + ": the API promised "
                + total
                + " records but its pages ended after "
                + seen);
      }
      return Optional.empty();
    }
    if (total != null ? seen >= total : page.records() < size) {
      return Optional.empty();
    }
    return Optional.of(NextPage.params(params(nextPosition)));
  }

  private Map<String, String> params(long position) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(positionParam, Long.toString(position));
    params.put(sizeParam, Integer.toString(size));
    return params;
  }

  private long parsePosition(PageInfo page) {
    String value = page.params().get(positionParam);
    try {
      return value == null ? start : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "Query parameter "
              + positionParam
              + " of "
              + page.response().url()
              + " is not a number: "
              + value);
    }
  }

  private Long total(PageInfo page) {
    String text =
        totalHeader != null
            ? page.response().header(totalHeader).orElse(null)
            : totalPointer != null ? BodyValues.text(page.body(), totalPointer) : null;
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
