package io.c8kit.http;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one {@link HttpApi}: what its requests cost, for the summary LOG and for tests. */
public final class HttpStats {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong rateLimitWaits = new AtomicLong();
  final AtomicLong waitMillis = new AtomicLong();
  final AtomicLong pages = new AtomicLong();
  final AtomicLong records = new AtomicLong();

  /** HTTP requests sent (every attempt, token requests included). */
  public long requests() {
    return requests.get();
  }

  /** Requests sent again after a 429, 5xx, timeout, connection error or truncated body. */
  public long retries() {
    return retries.get();
  }

  /** Waits for a rate limit (429, exhausted X-RateLimit-Remaining, the configured budget). */
  public long rateLimitWaits() {
    return rateLimitWaits.get();
  }

  /** Time spent waiting (backoff and rate limits), in milliseconds. */
  public long waitMillis() {
    return waitMillis.get();
  }

  public long pages() {
    return pages.get();
  }

  public long records() {
    return records.get();
  }

  HttpStats snapshot() {
    HttpStats copy = new HttpStats();
    copy.requests.set(requests());
    copy.retries.set(retries());
    copy.rateLimitWaits.set(rateLimitWaits());
    copy.waitMillis.set(waitMillis());
    copy.pages.set(pages());
    copy.records.set(records());
    return copy;
  }

  /** The counts since {@code earlier} (a snapshot of these counters). */
  HttpStats since(HttpStats earlier) {
    HttpStats diff = new HttpStats();
    diff.requests.set(requests() - earlier.requests());
    diff.retries.set(retries() - earlier.retries());
    diff.rateLimitWaits.set(rateLimitWaits() - earlier.rateLimitWaits());
    diff.waitMillis.set(waitMillis() - earlier.waitMillis());
    diff.pages.set(pages() - earlier.pages());
    diff.records.set(records() - earlier.records());
    return diff;
  }

  @Override
  public String toString() {
    return pages()
        + " pages, "
        + records()
        + " records, "
        + requests()
        + " requests, "
        + retries()
        + " retries, "
        + rateLimitWaits()
        + " rate-limit waits, waited "
        + String.format(java.util.Locale.ROOT, "%.1f", waitMillis() / 1000.0)
        + " s";
  }
}
