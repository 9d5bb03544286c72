package io.c8kit.http;

import java.time.Duration;

/**
 * A connector's request budget: at most {@code requests} per {@code interval}, at most {@code
 * concurrent} requests in flight, and (unless turned off) the server's own {@code
 * X-RateLimit-Remaining}/{@code RateLimit-Remaining} and {@code -Reset} headers: when none remain,
 * the next request waits for the reset. A wait longer than {@link #maxWait} fails with a {@code
 * TransientException} instead. Immutable.
 */
public final class RateLimit {
  private static final RateLimit NONE =
      new RateLimit(0, Duration.ZERO, 0, true, Duration.ofMinutes(15));

  final int requests;
  final Duration interval;
  final int concurrent;
  final boolean readHeaders;
  final Duration maxWait;

  private RateLimit(
      int requests, Duration interval, int concurrent, boolean readHeaders, Duration maxWait) {
    this.requests = requests;
    this.interval = interval;
    this.concurrent = concurrent;
    this.readHeaders = readHeaders;
    this.maxWait = maxWait;
  }

  /** No budget of its own; the server's rate-limit headers are still honoured. */
  public static RateLimit none() {
    return NONE;
  }

  /** At most {@code requests} requests in any {@code interval}. */
  public static RateLimit perInterval(int requests, Duration interval) {
    if (requests <= 0 || interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive request count and interval");
    }
    return new RateLimit(requests, interval, NONE.concurrent, NONE.readHeaders, NONE.maxWait);
  }

  /** At most {@code requests} requests in flight at once (0 = unlimited). */
  public RateLimit concurrent(int requests) {
    return new RateLimit(this.requests, interval, requests, readHeaders, maxWait);
  }

  /** Ignores the server's rate-limit headers (when they are known to be wrong). */
  public RateLimit ignoreHeaders() {
    return new RateLimit(requests, interval, concurrent, false, maxWait);
  }

  /** The longest single wait for a limit before giving up (default 15 minutes). */
  public RateLimit maxWait(Duration wait) {
    return new RateLimit(requests, interval, concurrent, readHeaders, wait);
  }
}
