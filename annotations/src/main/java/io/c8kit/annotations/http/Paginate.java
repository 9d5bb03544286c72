package io.c8kit.annotations.http;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an {@link HttpStream}'s collection is split into pages; the members a kind needs (and those
 * it does not use) are checked at compile time. Sizes are numbers or integer properties ({@code
 * "{page_size}"}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Paginate {
  /** The paginators of c8kit-http. */
  enum Kind {
    /** A single page. */
    NONE,
    /** RFC 8288 {@code Link: <…>; rel="next"}. */
    LINK_HEADER,
    /**
     * Page numbers in {@link #param()}, {@link #size()} records per page in {@link #sizeParam()}.
     */
    PAGE_NUMBER,
    /** Offsets in {@link #param()}, {@link #size()} records per page in {@link #sizeParam()}. */
    OFFSET_LIMIT,
    /** A token in the body at {@link #pointer()}, sent back as query parameter {@link #param()}. */
    NEXT_TOKEN,
    /** The next page's URL in the body at {@link #pointer()}. */
    NEXT_URL
  }

  Kind kind() default Kind.NONE;

  /** The query parameter of the page number, offset or token. */
  String param() default "";

  /** The query parameter of the page size (page numbers and offsets). */
  String sizeParam() default "";

  /** The page size (page numbers and offsets). */
  String size() default "";

  /** The JSON pointer of the token or next URL in the body, e.g. {@code /meta/next_cursor}. */
  String pointer() default "";

  /**
   * The response header with the total record count (page numbers and offsets), e.g. {@code
   * X-Total-Count}.
   */
  String totalHeader() default "";
}
