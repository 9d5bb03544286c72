package io.c8kit.runtime.write;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the writer's calls for different streams at the same time on a fixed pool of threads, for a
 * writer whose {@code SyncWriter.concurrency()} allows it. Each stream's jobs are chained, so its
 * calls never overlap and keep their order without the input thread waiting for them; every outcome
 * is handed back to the input thread, which alone counts, echoes states and throws, so the engine's
 * bookkeeping stays single-threaded.
 *
 * <p>Once a job fails, later jobs no longer call the writer ("nothing more is handed to a writer
 * that failed"); the failure is thrown on the input thread at its next settle.
 */
final class ConcurrentFlushes {
  /** The writer calls of one job; on a pool thread. */
  interface Calls {
    void run(Job job) throws Exception;
  }

  /** What the input thread does with a job that succeeded. */
  interface Settled {
    void accept(Job job) throws Exception;
  }

  /** One stream's batch to write (may be {@code null}) and/or its completion. */
  static final class Job {
    final StreamBuffer buffer;
    final List<StreamBuffer.Pending> records;
    final long firstSeq;
    final long bytes;
    final WriteStats.Reason reason;
    final boolean complete;

    /** Set by the pool thread before the job is handed back. */
    private Throwable failure;

    private boolean skipped;

    Job(
        StreamBuffer buffer,
        List<StreamBuffer.Pending> records,
        long firstSeq,
        long bytes,
        WriteStats.Reason reason,
        boolean complete) {
      this.buffer = buffer;
      this.records = records;
      this.firstSeq = firstSeq;
      this.bytes = bytes;
      this.reason = reason;
      this.complete = complete;
    }
  }

  /** How long an interrupted stop waits for the interrupted writer calls. */
  private static final long STOP_WAIT_SECONDS = 10;

  private final ExecutorService pool;
  private final Calls calls;
  private final LinkedBlockingQueue<Job> done = new LinkedBlockingQueue<>();
  private final Map<StreamBuffer, CompletableFuture<Void>> tails = new IdentityHashMap<>();

  /** Record batches not yet settled, by the sequence number of their first record. */
  private final TreeMap<Long, Job> batches = new TreeMap<>();

  private int jobs;
  private long bytes;
  private volatile boolean stopped;
  private volatile boolean failed;

  ConcurrentFlushes(int threads, Calls calls) {
    this.calls = calls;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread t = new Thread(task, "c8kit-write-" + count.incrementAndGet());
              t.setDaemon(true); // a writer call that hangs must not keep the process alive
              return t;
            });
  }

  /** Queues {@code job} behind its stream's earlier jobs. */
  void submit(Job job) {
    Runnable run = () -> runJob(job);
    CompletableFuture<Void> tail = tails.get(job.buffer);
    tails.put(
        job.buffer,
        tail == null ? CompletableFuture.runAsync(run, pool) : tail.thenRunAsync(run, pool));
    jobs++;
    bytes += job.bytes;
    if (job.records != null) {
      batches.put(job.firstSeq, job);
    }
  }

  private void runJob(Job job) {
    if (stopped) {
      job.skipped = true;
    } else {
      try {
        calls.run(job);
      } catch (Throwable t) {
        job.failure = t;
        failed = true;
        stopped = true;
      }
    }
    done.add(job);
  }

  /** A writer call threw (perhaps not settled yet). */
  boolean failed() {
    return failed;
  }

  /** Jobs submitted and not yet settled. */
  boolean busy() {
    return jobs > 0;
  }

  /** Bytes of the record batches not yet settled. */
  long bytes() {
    return bytes;
  }

  /** The first sequence number not yet committed by a submitted batch, or {@code MAX_VALUE}. */
  long oldestSeq() {
    return batches.isEmpty() ? Long.MAX_VALUE : batches.firstKey();
  }

  /** Settles the jobs that are done, without waiting. */
  void settleReady(Settled settled) throws Exception {
    Throwable failure = null;
    for (Job job = done.poll(); job != null; job = done.poll()) {
      failure = settle(job, settled, failure);
    }
    rethrow(failure);
  }

  /** Waits for at least one job and settles every job that is done. */
  void settleOne(Settled settled) throws Exception {
    if (jobs == 0) {
      return;
    }
    Throwable failure = settle(done.take(), settled, null);
    rethrow(failure);
    settleReady(settled);
  }

  /** Waits for every submitted job; throws the first failure, later ones suppressed. */
  void settleAll(Settled settled) throws Exception {
    Throwable failure = null;
    while (jobs > 0) {
      failure = settle(done.take(), settled, failure);
    }
    rethrow(failure);
  }

  private Throwable settle(Job job, Settled settled, Throwable failure) throws Exception {
    jobs--;
    bytes -= job.bytes;
    if (job.records != null) {
      batches.remove(job.firstSeq);
    }
    if (job.failure != null) {
      if (failure == null) {
        return job.failure;
      }
      failure.addSuppressed(job.failure);
      return failure;
    }
    if (!job.skipped && failure == null) {
      settled.accept(job);
    }
    return failure;
  }

  /**
   * Stops handing jobs to the writer and waits for the calls under way to return (so that the
   * writer is closed only after them); returns the failures that were not settled. With {@code
   * interrupt} (the run itself was interrupted), or when interrupted while waiting, it interrupts
   * the calls and waits {@value #STOP_WAIT_SECONDS} s at most for them.
   */
  List<Throwable> stop(boolean interrupt) {
    stopped = true;
    if (interrupt) {
      interruptCalls();
    } else {
      pool.shutdown();
      try {
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
          // a writer call is still running: the writer must not be closed under it
        }
      } catch (InterruptedException e) {
        interruptCalls();
        Thread.currentThread().interrupt();
      }
    }
    List<Throwable> failures = new ArrayList<>();
    for (Job job = done.poll(); job != null; job = done.poll()) {
      jobs--;
      if (job.failure != null) {
        failures.add(job.failure);
      }
    }
    return failures;
  }

  private void interruptCalls() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException again) {
      Thread.currentThread().interrupt(); // already stopping
    }
  }

  private static void rethrow(Throwable failure) throws Exception {
    if (failure instanceof Exception e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }
}
