package io.c8kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.c8kit.runtime.SourceConnector;
import io.c8kit.runtime.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a task's streams on its own thread, one after the other and again when due, and hands the
 * records to {@code poll()} through a bounded queue (so a slow producer slows the source down).
 *
 * <p>Offsets: a record is handed over only when the next event of its stream is known, so that the
 * record just before a STATE carries that state as its source offset and is marked as the end of a
 * transaction. Every other record carries the stream's previous state: committing it means resuming
 * from that state, which re-reads (never skips) the records after it. With {@code
 * transaction.boundary=connector} a transaction therefore ends exactly at each c8kit checkpoint:
 * exactly once.
 */
final class SourceReader<C> implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
  private static final int QUEUE_RECORDS = 10_000;

  /** A record for {@code poll()}; {@code endsTransaction} when its offset is a new checkpoint. */
  record Emitted(SourceRecord record, boolean endsTransaction) {}

  /** Thrown into the engine when the task stops, to end the stream method at its next record. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the task is stopping", null, false, false);
    }
  }

  private final SourceConnector<C> connector;
  private final C config;
  private final List<StreamSlot> slots;
  private final SourceSettings settings;
  private final SecretMasker masker;
  private final BlockingQueue<Emitted> queue = new ArrayBlockingQueue<>(QUEUE_RECORDS);
  private final Object wake = new Object();
  private volatile boolean stopping;
  private volatile RuntimeException failure;
  private Thread thread;

  SourceReader(
      SourceConnector<C> connector,
      C config,
      List<StreamSlot> slots,
      SourceSettings settings,
      SecretMasker masker) {
    this.connector = connector;
    this.config = config;
    this.slots = slots;
    this.settings = settings;
    this.masker = masker;
  }

  void start(String name) {
    thread = new Thread(this, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Up to {@code max} records, waiting up to {@code waitMs} for the first; an empty list when none
   * came.
   *
   * @throws RuntimeException the reading failure, once every record read before it was handed out
   */
  List<Emitted> take(int max, long waitMs) throws InterruptedException {
    List<Emitted> batch = new ArrayList<>();
    Emitted first = queue.poll(waitMs, TimeUnit.MILLISECONDS);
    if (first == null) {
      RuntimeException f = failure;
      if (f != null && queue.isEmpty()) {
        throw f;
      }
      return batch;
    }
    batch.add(first);
    queue.drainTo(batch, max - 1);
    return batch;
  }

  void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void run() {
    try {
      while (!stopping) {
        StreamSlot due = null;
        long wait = Long.MAX_VALUE;
        long now = System.currentTimeMillis();
        for (StreamSlot slot : slots) {
          if (slot.nextRunAt <= now) {
            due = slot;
            break;
          }
          wait = Math.min(wait, slot.nextRunAt - now);
        }
        if (due == null) {
          synchronized (wake) {
            if (!stopping) {
              wake.wait(Math.min(wait, 60_000));
            }
          }
          continue;
        }
        read(due);
      }
    } catch (InterruptedException | Stopped e) {
      // stop() asked for it
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void read(StreamSlot slot) throws InterruptedException {
    LOG.info(
        "Reading stream {} into topic {} from {}",
        slot.stream.label(),
        slot.topic,
        slot.state == null ? "the beginning" : "its saved state");
    Handoff handoff = new Handoff(slot);
    try {
      EngineRead.read(connector, config, slot.stream, slot.state, masker, handoff);
    } catch (Stopped e) {
      throw e;
    } catch (Exception e) {
      if (stopping) {
        throw new Stopped();
      }
      handoff.release();
      throw new org.apache.kafka.connect.errors.ConnectException(
          masker.mask("Reading stream " + slot.stream.label() + " failed: " + describe(e)));
    }
    handoff.release();
    long now = System.currentTimeMillis();
    long interval =
        slot.stream.incremental() ? settings.pollIntervalMs : settings.fullRefreshIntervalMs;
    slot.nextRunAt = interval < 0 ? Long.MAX_VALUE : now + interval;
    LOG.info(
        "Stream {} is read{}",
        slot.stream.label(),
        slot.nextRunAt == Long.MAX_VALUE
            ? "; it is not read again (full.refresh.interval.ms=-1)"
            : "; next read in " + interval + " ms");
  }

  private static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) {
        b.append(": ");
      }
      String m = t.getMessage();
      b.append(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }
    return b.toString();
  }

  /** The events of one read of one stream, turned into queued records. */
  private final class Handoff implements EngineRead.Events {
    private final StreamSlot slot;
    private SourceRecord held;
    private boolean heldHasNewState;

    Handoff(StreamSlot slot) {
      this.slot = slot;
    }

    @Override
    public void record(JsonNode data, long emittedAt) {
      if (stopping) {
        throw new Stopped();
      }
      SourceRecord previous = held;
      boolean ends = heldHasNewState;
      held = slot.toRecord(data, emittedAt);
      heldHasNewState = false;
      if (previous != null) {
        offer(previous, ends);
      }
    }

    @Override
    public void state(JsonNode streamState) {
      slot.state = streamState;
      if (held != null) {
        held = slot.withCurrentOffset(held);
        heldHasNewState = true;
      }
    }

    @Override
    public void log(String level, String message) {
      switch (level) {
        case "ERROR", "FATAL" -> LOG.error(message);
        case "WARN" -> LOG.warn(message);
        case "DEBUG" -> LOG.debug(message);
        case "TRACE" -> LOG.trace(message);
        default -> LOG.info(message);
      }
    }

    void release() {
      if (held != null) {
        SourceRecord last = held;
        held = null;
        offer(last, heldHasNewState);
      }
    }

    private void offer(SourceRecord record, boolean endsTransaction) {
      try {
        queue.put(new Emitted(record, endsTransaction));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
    }
  }
}
