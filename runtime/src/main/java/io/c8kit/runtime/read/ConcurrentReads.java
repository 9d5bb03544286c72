package io.c8kit.runtime.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads several streams at once on a bounded pool of platform threads, started in catalog order, so
 * that a source whose author declared {@code concurrency > 1} overlaps its streams' waits and CPU.
 *
 * <p>Failure policy (docs/STATE.md): a failing stream has already emitted its INCOMPLETE status;
 * every other stream still runs to its end (its records, states and COMPLETE are all written).
 * Which streams had started when one failed depends on thread scheduling, so stopping the rest
 * would make the output of a read depend on timing; running them all keeps it deterministic per
 * stream (as the Airbyte CDK does). The first failure in catalog order is thrown, every other one
 * attached to it as suppressed. An interrupt of the calling thread interrupts every stream thread
 * and waits briefly for them, so none is left running.
 */
final class ConcurrentReads {
  /** How long an interrupted read waits for its stream threads to stop. */
  private static final long STOP_WAIT_SECONDS = 10;

  private ConcurrentReads() {}

  static <P> void run(List<P> plans, int threads, Consumer<P> read) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
    List<Future<?>> runs = new ArrayList<>(plans.size());
    try {
      for (P plan : plans) {
        runs.add(pool.submit(() -> read.accept(plan)));
      }
      pool.shutdown();
      Throwable first = null;
      for (Future<?> run : runs) {
        try {
          run.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause();
          } else {
            first.addSuppressed(e.getCause());
          }
        }
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "c8kit-read-" + count.incrementAndGet());
      thread.setDaemon(
          true); // a stream method that ignores interrupts must not keep the process alive
      return thread;
    };
  }
}
