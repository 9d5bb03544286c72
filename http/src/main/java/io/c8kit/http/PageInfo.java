package io.c8kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What a {@link Paginator} sees of the page just read.
 *
 * @param response the page's response (status, headers such as {@code Link} or {@code
 *     X-Total-Count})
 * @param body the parsed JSON body
 * @param records how many records the page held
 * @param params the query parameters the page was requested with (decoded)
 * @param index 0 for the first page
 */
public record PageInfo(
    ApiResponse response, JsonNode body, int records, Map<String, String> params, int index) {}
