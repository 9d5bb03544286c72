package io.c8kit.http;

import io.c8kit.source.StreamContext;
import java.net.URI;
import java.util.Map;

/**
 * One logical request as the {@link Exchange} sends it (perhaps several times).
 *
 * @param uri the full URL, query included, without the auth's query parameters
 * @param body the request body, or null
 * @param ctx the stream to report rate-limit waits and config changes to, or null
 * @param authenticate false for the OAuth token request itself
 * @param clientErrorsReturned true when 4xx responses are returned to the caller instead of thrown
 */
record Call(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    StreamContext ctx,
    boolean expectJson,
    boolean authenticate,
    boolean clientErrorsReturned) {}
