package io.c8kit.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed request is tried again: 429, 5xx, timeouts, connection errors and truncated bodies,
 * with exponential backoff and jitter, or exactly the server's {@code Retry-After}; at most {@link
 * #maxRetries} times and {@link #maxTotalWait} in all, then a {@code TransientException}.
 * Immutable: each {@code with} method returns a copy.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));

  private final int maxRetries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration maxTotalWait;

  private RetryPolicy(
      int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxTotalWait) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
    }
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.maxTotalWait = maxTotalWait;
  }

  /** 5 retries, 1 s doubling up to 60 s, at most 10 minutes of waiting per request. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Fails on the first error. */
  public static RetryPolicy none() {
    return DEFAULTS.maxRetries(0);
  }

  public RetryPolicy maxRetries(int retries) {
    return new RetryPolicy(retries, baseDelay, maxDelay, maxTotalWait);
  }

  public RetryPolicy baseDelay(Duration delay) {
    return new RetryPolicy(maxRetries, delay, maxDelay, maxTotalWait);
  }

  public RetryPolicy maxDelay(Duration delay) {
    return new RetryPolicy(maxRetries, baseDelay, delay, maxTotalWait);
  }

  /** The most one request may wait in all (backoff and Retry-After) before giving up. */
  public RetryPolicy maxTotalWait(Duration wait) {
    return new RetryPolicy(maxRetries, baseDelay, maxDelay, wait);
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration maxTotalWait() {
    return maxTotalWait;
  }

  /**
   * The wait before retry number {@code retry} (1-based) without a Retry-After: {@code base *
   * 2^(retry-1)}, capped at the max delay, then a random point in its upper half (jitter keeps
   * parallel clients apart).
   */
  Duration backoff(int retry) {
    long base = baseDelay.toMillis();
    long capped = Math.min(maxDelay.toMillis(), base << Math.min(retry - 1, 30));
    if (capped <= 1) {
      return Duration.ofMillis(capped);
    }
    return Duration.ofMillis(
        capped / 2 + ThreadLocalRandom.current().nextLong(capped - capped / 2 + 1));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxRetries="
        + maxRetries
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", maxTotalWait="
        + maxTotalWait
        + "]";
  }
}
