package io.c8kit.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleep the toolkit waits with (backoff, Retry-After, rate limits), one seam so
 * that tests replace both and never sleep for real.
 */
interface Timing {
  Timing SYSTEM =
      new Timing() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          // rounded up: waking before a rate-limit window opens would only mean waiting again
          long millis = duration.toMillis() + (duration.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
          Thread.sleep(millis);
        }
      };

  Instant now();

  void sleep(Duration duration) throws InterruptedException;
}
