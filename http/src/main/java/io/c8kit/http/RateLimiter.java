package io.c8kit.http;

import io.c8kit.TransientException;
import io.c8kit.runtime.Log;
import io.c8kit.source.StreamContext;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Enforces a {@link RateLimit} across the threads of one {@link HttpApi}: a sliding window of
 * request start times, a semaphore for requests in flight, and a "blocked until" instant learned
 * from the server's headers. Every wait is counted; one of a second or more is also logged at INFO
 * and reported to the stream ({@code rateLimited}).
 */
final class RateLimiter {
  /** Shorter waits are pacing, not news: logged at DEBUG and not reported to the platform. */
  static final Duration REPORTED_WAIT = Duration.ofSeconds(1);

  private final RateLimit limit;
  private final Timing timing;
  private final HttpStats stats;
  private final Semaphore inFlight;
  private final ArrayDeque<Instant> window = new ArrayDeque<>();
  private Instant blockedUntil;

  RateLimiter(RateLimit limit, Timing timing, HttpStats stats) {
    this.limit = limit;
    this.timing = timing;
    this.stats = stats;
    this.inFlight = limit.concurrent > 0 ? new Semaphore(limit.concurrent, true) : null;
  }

  /**
   * Waits until a request may start; the returned permit must be closed when its response is in.
   */
  Permit acquire(StreamContext ctx, String what) throws InterruptedException {
    if (inFlight != null) {
      inFlight.acquire();
    }
    try {
      while (true) {
        Instant now = timing.now();
        Instant until;
        String why;
        synchronized (this) {
          if (blockedUntil != null && now.isBefore(blockedUntil)) {
            until = blockedUntil;
            why = "the server's rate limit is exhausted";
          } else if (limit.requests > 0) {
            Instant horizon = now.minus(limit.interval);
            while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
              window.pollFirst();
            }
            if (window.size() < limit.requests) {
              window.addLast(now);
              return new Permit(inFlight);
            }
            until = window.peekFirst().plus(limit.interval);
            why =
                "the budget of "
                    + limit.requests
                    + " requests per "
                    + limit.interval.toSeconds()
                    + " s is spent";
          } else {
            return new Permit(inFlight);
          }
        }
        waitUntil(ctx, now, until, why + " before " + what);
      }
    } catch (InterruptedException | RuntimeException e) {
      if (inFlight != null) {
        inFlight.release();
      }
      throw e;
    }
  }

  /** Waits (reported as rate limited) until {@code until}; too long a wait fails the request. */
  void waitUntil(StreamContext ctx, Instant now, Instant until, String why)
      throws InterruptedException {
    Duration wait = Duration.between(now, until);
    if (wait.compareTo(limit.maxWait) > 0) {
      throw new TransientException(
          "Rate limited: "
              + why
              + ", and the limit resets only at "
              + until
              + ", "
              + wait.toSeconds()
              + " s from now, more than the longest wait allowed ("
              + limit.maxWait.toSeconds()
              + " s, RateLimit.maxWait)");
    }
    if (wait.compareTo(REPORTED_WAIT) >= 0) {
      Log.info(
          "Rate limited: "
              + why
              + "; waiting "
              + seconds(wait)
              + " s until "
              + until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      if (ctx != null) {
        ctx.rateLimited(until);
      }
    } else {
      Log.debug(() -> "Pacing: " + why + "; waiting " + wait.toMillis() + " ms");
    }
    stats.rateLimitWaits.incrementAndGet();
    stats.waitMillis.addAndGet(wait.toMillis());
    timing.sleep(wait);
  }

  /**
   * Learns from {@code X-RateLimit-Remaining: 0} + {@code -Reset} (or {@code RateLimit-*}) when to
   * pause.
   */
  void observe(HttpHeaders headers) {
    if (!limit.readHeaders) {
      return;
    }
    Optional<Long> remaining =
        number(headers, "x-ratelimit-remaining", "ratelimit-remaining", "remaining");
    if (remaining.isEmpty() || remaining.get() > 0) {
      return;
    }
    Optional<Long> reset = number(headers, "x-ratelimit-reset", "ratelimit-reset", "reset");
    if (reset.isEmpty()) {
      return;
    }
    Instant now = timing.now();
    long value = reset.get();
    // GitHub and most others send epoch seconds; the IETF draft sends seconds from now
    Instant at = value > 1_000_000_000L ? Instant.ofEpochSecond(value) : now.plusSeconds(value);
    synchronized (this) {
      if (at.isAfter(now) && (blockedUntil == null || at.isAfter(blockedUntil))) {
        blockedUntil = at;
      }
    }
  }

  /**
   * The first numeric header among {@code names}; the last name is a parameter of the combined IETF
   * {@code RateLimit: limit=100, remaining=0, reset=30} header.
   */
  private static Optional<Long> number(
      HttpHeaders headers, String header, String draftHeader, String param) {
    for (String name : new String[] {header, draftHeader}) {
      Optional<String> value = headers.firstValue(name);
      if (value.isPresent()) {
        return parse(value.get());
      }
    }
    Optional<String> combined = headers.firstValue("ratelimit");
    if (combined.isPresent()) {
      for (String part : combined.get().split("[,;]")) {
        String[] kv = part.strip().split("=", 2);
        if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals(param)) {
          return parse(kv[1]);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> parse(String text) {
    try {
      return Optional.of((long) Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  /** A request slot; closing it frees the concurrency slot. */
  static final class Permit implements AutoCloseable {
    private Semaphore semaphore;

    Permit(Semaphore semaphore) {
      this.semaphore = semaphore;
    }

    @Override
    public void close() {
      if (semaphore != null) {
        semaphore.release();
        semaphore = null;
      }
    }
  }
}
