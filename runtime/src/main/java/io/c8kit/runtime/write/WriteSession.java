package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.ConfigException;
import io.c8kit.TransientException;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.runtime.write.CatalogStreams.StreamKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * The write state machine of one run: buffers records per stream, flushes them to the {@link
 * SyncWriter} by the record, byte, age and global-memory bounds, hands states back once everything
 * before them is committed, and completes streams.
 *
 * <p>Every record gets a sequence number. A STATE remembers the last sequence number before it (its
 * barrier); it is echoed, in arrival order, as soon as no buffer holds a record at or below the
 * barrier. Buffers are kept in the order they became non-empty, so the first one holds the oldest
 * record (lowest sequence number, earliest arrival): both the release check and the age check look
 * only at it.
 *
 * <p>With a writer that allows concurrency ({@code SyncWriter.concurrency()} above 1, and more than
 * one stream), flushes are handed to {@link ConcurrentFlushes}: the input thread goes on reading
 * while batches of different streams are written at once, and a STATE's barrier then also waits for
 * the batches under way. Their bytes count against the memory budget until they are committed.
 */
final class WriteSession {
  /** How often an idle input thread settles batches under way. */
  private static final long SETTLE_POLL_NANOS = 20_000_000L;

  private final SyncWriter writer;
  private final WriteOutput out;
  private final WriteOptions options;
  private final List<StreamBuffer> streams;
  private final Map<StreamKey, StreamBuffer> byKey;

  /** Non-empty buffers in the order they became non-empty. */
  private final LinkedHashSet<StreamBuffer> nonEmpty = new LinkedHashSet<>();

  private final ArrayDeque<PendingState> pending = new ArrayDeque<>();
  final WriteStats stats = new WriteStats();

  private StreamBuffer last;
  private String lastNamespace;
  private String lastName;
  private long seq;
  private long bufferedBytes;
  private long sinceGlobalState;
  private boolean statusSeen;
  private long currentLine;

  /** Set when a writer call threw: nothing more is handed to the writer. */
  private boolean writerFailed;

  /** Batches written on a pool of threads; {@code null}: every call on the input thread. */
  private final ConcurrentFlushes flushes;

  private final int threads;

  WriteSession(
      SyncWriter writer, List<DestinationStream> catalog, WriteOutput out, WriteOptions options) {
    this.writer = writer;
    this.out = out;
    this.options = options;
    this.streams = new ArrayList<>(catalog.size());
    this.byKey = new HashMap<>();
    for (int i = 0; i < catalog.size(); i++) {
      StreamBuffer b = new StreamBuffer(catalog.get(i), i);
      streams.add(b);
      byKey.put(StreamKey.of(b.stream.namespace(), b.stream.name()), b);
    }
    int threads =
        options.threads(
            writer.concurrency(), streams.size(), Runtime.getRuntime().availableProcessors());
    this.flushes = threads > 1 ? new ConcurrentFlushes(threads, this::call) : null;
    this.threads = Math.max(1, threads);
  }

  /** Batches are written on a pool of threads. */
  boolean concurrent() {
    return flushes != null;
  }

  /** How many streams' batches are written at once (1: on the input thread). */
  int threads() {
    return threads;
  }

  // ---------------------------------------------------------------- input

  /** Every event: note where the input is, and commit buffers that have aged meanwhile. */
  private long arrive(long position) throws Exception {
    currentLine = position;
    if (flushes != null) {
      flushes.settleReady(this::settled);
    }
    long now = options.clock.getAsLong();
    flushAged(now);
    return now;
  }

  void ignored(long position) throws Exception {
    arrive(position);
    stats.ignoredLines++;
  }

  void streamStatus(String namespace, String stream, boolean complete, long position)
      throws Exception {
    arrive(position);
    statusSeen = true;
    if (complete) {
      onStreamComplete(namespace, stream);
    }
  }

  long idleTimeoutNanos() {
    // Batches under way: come back soon to echo the states they release.
    long settle = flushes != null && flushes.busy() ? SETTLE_POLL_NANOS : -1;
    if (nonEmpty.isEmpty()) {
      return settle;
    }
    long due = nonEmpty.iterator().next().firstNanos + options.flushNanos;
    long wait = Math.max(0, due - options.clock.getAsLong());
    return settle < 0 ? wait : Math.min(wait, settle);
  }

  void idle() throws Exception {
    if (flushes != null) {
      flushes.settleReady(this::settled);
    }
    flushAged(options.clock.getAsLong());
  }

  void record(
      String namespace,
      String stream,
      byte[] data,
      long emittedAt,
      ObjectNode meta,
      int sizeBytes,
      long position)
      throws Exception {
    long now = arrive(position);
    StreamBuffer b = lookup(namespace, stream);
    if (b == null) {
      // The data and the catalog disagree: a config_error, not a retry.
      String name = display(namespace, stream);
      throw new ConfigException(
          WriteInputException.describe(
              position,
              name,
              "RECORD for stream \""
                  + name
                  + "\", which is not in the configured catalog; the catalog given to the destination must"
                  + " list every stream the source sends (with the same namespace)"));
    }
    if (b.completeSeen) {
      throw new WriteInputException(position, "RECORD after the stream's STREAM_STATUS COMPLETE")
          .inStream(b.stream.displayName());
    }
    long size = (long) sizeBytes + StreamBuffer.RECORD_OVERHEAD;
    if (heldBytes() + size > options.bufferBytes) {
      relieveMemory(size);
    }
    boolean wasEmpty = b.isEmpty();
    b.add(new StreamBuffer.Pending(data, emittedAt, meta, sizeBytes), ++seq, now);
    if (wasEmpty) {
      nonEmpty.add(b);
    }
    bufferedBytes += size;
    long held = heldBytes();
    if (held > stats.peakBufferedBytes) {
      stats.peakBufferedBytes = held;
    }
    b.received++;
    b.sinceState++;
    sinceGlobalState++;
    stats.records++;
    if (b.size() >= options.flushRecords) {
      flush(b, WriteStats.Reason.RECORDS);
    } else if (b.bytes >= options.flushBytes) {
      flush(b, WriteStats.Reason.BYTES);
    } else if (bufferedBytes > options.bufferBytes) {
      flush(b, WriteStats.Reason.MEMORY); // one record larger than the whole budget
    }
  }

  void state(String namespace, String stream, Object state, long position) throws Exception {
    long now = arrive(position);
    long count;
    if (stream != null) {
      StreamBuffer b = lookup(namespace, stream);
      count = b == null ? 0 : b.sinceState;
      if (b != null) {
        b.sinceState = 0;
      }
    } else {
      count = sinceGlobalState;
      sinceGlobalState = 0;
    }
    pending.addLast(new PendingState(state, count, seq, now, position));
    stats.statesReceived++;
    releaseStates();
    if (pending.size() > options.maxPendingStates) {
      flushThrough(pending.peekLast().barrier, WriteStats.Reason.STATES);
    }
  }

  private void onStreamComplete(String namespace, String stream) throws Exception {
    StreamBuffer b = lookup(namespace, stream);
    if (b == null || b.completeSeen) {
      return; // not ours, or a repeated status
    }
    b.completeSeen = true;
    flush(b, WriteStats.Reason.COMPLETE);
    complete(b);
  }

  /**
   * End of input: commit everything, echo every state, complete streams. Fails (after committing
   * and echoing) when the input held no message at all, or carried stream statuses but left some
   * catalog stream without COMPLETE: neither may pass for a finished sync.
   */
  void finish() throws Exception {
    commitAll(WriteStats.Reason.END);
    if (!statusSeen) {
      if (stats.records == 0 && stats.statesReceived == 0 && !streams.isEmpty()) {
        // A dead source or a mis-wired pipe looks exactly like this; completing every stream would
        // swap an empty staging table over each overwrite table.
        throw new TransientException(
            "The input held no RECORD, STATE or STREAM_STATUS message ("
                + (currentLine == 0 ? "it was empty" : currentLine + " lines, none of them data")
                + "): nothing was"
                + " written and no stream was completed, so no table was replaced or emptied. A source with"
                + " nothing new still sends a STATE or stream statuses; check that the source ran and that its"
                + " output reaches this destination's stdin.");
      }
      // No STREAM_STATUS at all (older platforms, raw pipelines): EOF ends every stream.
      for (StreamBuffer b : streams) {
        if (!b.completed) {
          complete(b);
        }
      }
      settleAll();
      return;
    }
    List<String> incomplete = new ArrayList<>();
    for (StreamBuffer b : streams) {
      if (!b.completed) {
        incomplete.add("\"" + b.stream.displayName() + "\"");
      }
    }
    if (!incomplete.isEmpty()) {
      int shown = Math.min(incomplete.size(), 20);
      throw new IncompleteStreamsException(
          "The input ended without STREAM_STATUS COMPLETE for "
              + (incomplete.size() == 1 ? "stream " : incomplete.size() + " streams: ")
              + String.join(", ", incomplete.subList(0, shown))
              + (incomplete.size() > shown ? " and " + (incomplete.size() - shown) + " more" : "")
              + ". Their records up to the last echoed STATE are committed, but these streams were not"
              + " completed: an overwrite keeps the old table (the new rows wait in the staging table for the"
              + " retry), append_dedup is not deduplicated, old generations are not deleted. The source did"
              + " not finish them; see its error.",
          incomplete);
    }
  }

  /**
   * After a failure that is not the writer's (broken input, unreadable stdin, an incomplete sync):
   * commits what was buffered and echoes the states it covers, as Airbyte's CDK does on a failed
   * close, so one bad line does not throw away a buffer of progress per stream. Completes nothing.
   * Does nothing once the writer itself has failed.
   */
  void commitBeforeFailure() throws Exception {
    if (writerFailed || (flushes != null && flushes.failed())) {
      return;
    }
    long buffered = 0;
    for (StreamBuffer b : nonEmpty) {
      buffered += b.size();
    }
    long echoedBefore = stats.statesEchoed;
    commitAll(WriteStats.Reason.FAILURE);
    if (buffered > 0 || stats.statesEchoed > echoedBefore) {
      out.log(
          Level.WARNING,
          "Input failed after line "
              + currentLine
              + ": committed the "
              + buffered
              + " buffered records and echoed "
              + (stats.statesEchoed - echoedBefore)
              + " states before failing; no stream was completed");
    }
  }

  private void commitAll(WriteStats.Reason reason) throws Exception {
    while (!nonEmpty.isEmpty()) {
      flush(nonEmpty.iterator().next(), reason);
    }
    settleAll();
    releaseStates();
    if (!pending.isEmpty()) {
      throw new IllegalStateException("states still pending with empty buffers");
    }
  }

  // ---------------------------------------------------------------- flushing

  private void flush(StreamBuffer b, WriteStats.Reason reason) throws Exception {
    if (b.isEmpty()) {
      return;
    }
    long bytes = b.bytes;
    long first = b.firstSeq;
    ArrayList<StreamBuffer.Pending> records = b.drain();
    nonEmpty.remove(b);
    bufferedBytes -= bytes;
    handOver(new ConcurrentFlushes.Job(b, records, first, bytes, reason, false));
  }

  /** Runs a job's writer calls here, or queues them on the pool. */
  private void handOver(ConcurrentFlushes.Job job) throws Exception {
    if (flushes != null) {
      flushes.submit(job);
      return;
    }
    try {
      call(job);
    } catch (Throwable t) {
      writerFailed = true;
      throw t;
    }
    settled(job);
  }

  /**
   * The writer calls of a job, on the input thread or a pool thread: a stream's jobs never run at
   * once (chained by {@link ConcurrentFlushes}), which also orders their reads of {@code opened}.
   */
  private void call(ConcurrentFlushes.Job job) throws Exception {
    StreamBuffer b = job.buffer;
    if (!b.opened) {
      b.opened = true;
      writer.open(b.stream);
    }
    if (job.records != null) {
      writer.write(b.stream, new RecordBatch(job.records));
    }
    if (job.complete) {
      writer.complete(b.stream);
    }
  }

  /** A job's calls returned: count them and echo the states they release (input thread). */
  private void settled(ConcurrentFlushes.Job job) throws Exception {
    if (job.records != null) {
      job.buffer.committed += job.records.size();
      stats.batch(job.reason, job.records.size());
    }
    if (job.complete) {
      stats.completed++;
    }
    releaseStates();
  }

  /** Waits for every batch under way (concurrent writers). */
  private void settleAll() throws Exception {
    if (flushes != null) {
      flushes.settleAll(this::settled);
    }
  }

  /**
   * Stops the pool after the calls under way returned (interrupting them when the run was
   * interrupted), before the writer is closed; returns the failures of calls no one settled.
   */
  List<Throwable> stopFlushes(boolean interrupt) {
    return flushes == null ? List.of() : flushes.stop(interrupt);
  }

  /** Bytes buffered and in batches not yet committed. */
  private long heldBytes() {
    return flushes == null ? bufferedBytes : bufferedBytes + flushes.bytes();
  }

  private void flushAged(long now) throws Exception {
    while (!nonEmpty.isEmpty()) {
      StreamBuffer oldest = nonEmpty.iterator().next();
      if (now - oldest.firstNanos < options.flushNanos) {
        return;
      }
      flush(oldest, WriteStats.Reason.AGE);
    }
  }

  /**
   * Flushes the largest buffers until {@code incoming} more bytes leave half the budget free; with
   * batches under way, then waits for them until {@code incoming} fits in the budget.
   */
  private void relieveMemory(long incoming) throws Exception {
    StreamBuffer[] bySize = nonEmpty.toArray(new StreamBuffer[0]);
    Arrays.sort(bySize, Comparator.comparingLong((StreamBuffer s) -> s.bytes).reversed());
    long target = options.bufferBytes / 2;
    for (StreamBuffer b : bySize) {
      if (bufferedBytes + incoming <= target) {
        break;
      }
      flush(b, WriteStats.Reason.MEMORY);
    }
    while (flushes != null && flushes.busy() && heldBytes() + incoming > options.bufferBytes) {
      flushes.settleOne(this::settled);
    }
  }

  /** Flushes every buffer holding a record at or below {@code barrier}, oldest first. */
  private void flushThrough(long barrier, WriteStats.Reason reason) throws Exception {
    while (!nonEmpty.isEmpty()) {
      StreamBuffer oldest = nonEmpty.iterator().next();
      if (oldest.firstSeq > barrier) {
        return;
      }
      flush(oldest, reason);
    }
  }

  private void releaseStates() throws Exception {
    if (pending.isEmpty()) {
      return;
    }
    long firstBuffered = nonEmpty.isEmpty() ? Long.MAX_VALUE : nonEmpty.iterator().next().firstSeq;
    if (flushes != null) {
      firstBuffered = Math.min(firstBuffered, flushes.oldestSeq());
    }
    boolean echoed = false;
    while (!pending.isEmpty() && pending.peekFirst().barrier < firstBuffered) {
      PendingState released = pending.pollFirst();
      out.stateCommitted(released.state, released.recordCount);
      stats.statesEchoed++;
      echoed = true;
    }
    if (echoed) {
      out.flush();
    }
  }

  // ---------------------------------------------------------------- writer calls

  private void complete(StreamBuffer b) throws Exception {
    b.completed = true;
    handOver(new ConcurrentFlushes.Job(b, null, 0, 0, WriteStats.Reason.COMPLETE, true));
  }

  // ---------------------------------------------------------------- helpers

  private StreamBuffer lookup(String namespace, String name) {
    String ns = namespace == null ? "" : namespace;
    if (last != null && name.equals(lastName) && ns.equals(lastNamespace)) {
      return last;
    }
    StreamBuffer b = byKey.get(new StreamKey(ns, name));
    if (b != null) {
      last = b;
      lastName = name;
      lastNamespace = ns;
    }
    return b;
  }

  private static String display(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }

  long bufferedBytes() {
    return bufferedBytes;
  }

  int pendingStates() {
    return pending.size();
  }

  /** Streams in catalog order with their counters (tests, summary). */
  List<StreamBuffer> streams() {
    return streams;
  }

  Iterator<StreamBuffer> nonEmptyBuffers() {
    return nonEmpty.iterator();
  }

  /** A received state waiting for the records before it. */
  private record PendingState(
      Object state, long recordCount, long barrier, long arrivedNanos, long line) {}
}
