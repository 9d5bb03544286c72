package io.c8kit.runtime.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.CursorType;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.read.ReadSink.Status;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * Reads one stream: runs its method with itself as the {@link io.c8kit.runtime.ReadContext}, hands
 * each record straight to the {@link ReadSink}, and decides when to emit a state.
 *
 * <p>The per-record path is: one clock read (the record's {@code emitted_at}, also used for the
 * time-based checkpoint), and for tracked streams one key extraction and at most three comparisons
 * (lower bound, previous key). A checkpoint that has become due (N records or T seconds since the
 * last STATE) is emitted just before the first record whose key is strictly greater than the
 * previous record's, so a STATE never splits a run of equal keys and resuming from it with {@code
 * >=} (cursor) or {@code >} (page) loses nothing.
 *
 * <p>Not thread-safe: a stream method emits from one thread at a time.
 */
final class StreamRun<C> extends BaseContext {
  private final ReadEngine.Output output;
  private final ReadSink.Stream out;
  private final RecordSerializer<Object> serializer;
  private final boolean checkRecordType;

  /** Null for a plain full refresh: nothing to track. */
  private final Function<Object, Object> keyOf;

  private final CursorType<Object> type;
  private final boolean paged;
  private final boolean ordered;

  /** Lower bound (incremental, inclusive) or page to restart after (paged, exclusive); or null. */
  private final Object bound;

  private final boolean recordsFixedByEnvironment;
  private final long intervalMillis;
  private final ConfigUpdates configUpdates;

  private int every;
  private long deadline;
  private long sinceState;
  private long total;
  private long dropped;

  /** Ordered: the last emitted record's key; unordered: the largest key emitted. */
  private Object last;

  private boolean running;
  private boolean finished;
  private RuntimeException failure;
  private JsonNode lastState;

  StreamRun(
      StreamPlan<C> plan,
      ReadEngine.Output output,
      ReadSettings settings,
      ConfigUpdates configUpdates) {
    super(plan);
    this.output = output;
    this.out = output.sink().stream(plan.name, plan.namespace);
    this.configUpdates = configUpdates;
    this.serializer = plan.serializer;
    this.checkRecordType = plan.dynamic;
    this.keyOf = plan.kind == StreamPlan.Kind.FULL_REFRESH ? null : plan.keyOf;
    this.type = plan.keyType;
    this.paged = plan.kind == StreamPlan.Kind.PAGED;
    this.ordered = plan.ordered;
    this.bound = plan.bound;
    this.recordsFixedByEnvironment = settings.checkpointRecords() > 0;
    this.every =
        recordsFixedByEnvironment
            ? settings.checkpointRecords()
            : plan.checkpointRecords > 0
                ? plan.checkpointRecords
                : StreamPlan.DEFAULT_CHECKPOINT_RECORDS;
    int seconds =
        settings.checkpointSeconds() > 0
            ? settings.checkpointSeconds()
            : plan.checkpointSeconds > 0
                ? plan.checkpointSeconds
                : StreamPlan.DEFAULT_CHECKPOINT_SECONDS;
    this.intervalMillis = seconds * 1000L;
  }

  /**
   * Runs the stream to completion (final STATE, COMPLETE) or failure (INCOMPLETE, then throws).
   *
   * @throws StreamReadException when the stream failed
   */
  void run(C config) {
    long start = System.currentTimeMillis();
    deadline = start + intervalMillis;
    status(Status.STARTED, start);
    Throwable error;
    try {
      plan().reader.read(config, this);
      if (failure != null) {
        throw failure; // the method caught our failure and carried on: the stream still failed
      }
      finished = true;
      finish();
      return;
    } catch (Throwable t) {
      error = t;
    }
    finished = true;
    try {
      status(Status.INCOMPLETE, System.currentTimeMillis());
      output.sink().flush();
    } catch (RuntimeException | Error e) {
      error.addSuppressed(e);
    }
    if (error instanceof VirtualMachineError vme) {
      throw vme;
    }
    throw new StreamReadException(new StreamDescriptor(plan.name, plan.namespace), error);
  }

  @SuppressWarnings("unchecked")
  private StreamPlan<C> plan() {
    return (StreamPlan<C>) plan;
  }

  @Override
  public void emit(Object record) {
    if (finished || failure != null) {
      throw rejected();
    }
    if (record == null || (checkRecordType && !DynamicRecords.isRecord(record))) {
      // checked before anything is written, so no half line reaches stdout
      throw fail(
          record == null
              ? new NullPointerException("Stream '" + plan.label() + "': a null record was emitted")
              : DynamicRecords.notARecord(record));
    }
    long now = System.currentTimeMillis();
    if (keyOf == null) {
      write(record, now);
      return;
    }
    Object key;
    try {
      key = keyOf.apply(record);
    } catch (RuntimeException e) {
      throw fail(
          new IllegalArgumentException(
              "Stream '"
                  + plan.label()
                  + "': cannot read the "
                  + keyName()
                  + " of a record: "
                  + e.getMessage(),
              e));
    }
    if (key == null) {
      if (paged) {
        throw fail(
            new IllegalStateException(
                "Stream '"
                    + plan.label()
                    + "': a record has a null "
                    + keyName()
                    + "; every record of a resumable full refresh needs one"));
      }
      write(record, now); // a null cursor is emitted but never advances the cursor
      return;
    }
    if (bound != null) {
      int c = type.compare(key, bound);
      if (c < 0 || (paged && c == 0)) {
        dropped++;
        return;
      }
    }
    if (!ordered) {
      if (last == null || type.compare(key, last) > 0) {
        last = key;
      }
      write(record, now);
      return;
    }
    if (last != null) {
      int c = type.compare(key, last);
      if (c < 0) {
        throw fail(outOfOrder(key));
      }
      if (c > 0 && sinceState > 0 && (sinceState >= every || now >= deadline)) {
        emitState(stateAt(last), now);
      }
    }
    last = key;
    write(record, now);
  }

  private void write(Object record, long now) {
    if (!running) {
      running(now);
    }
    try {
      out.record(serializer, record, now);
    } catch (RuntimeException e) {
      throw fail(e);
    }
    sinceState++;
    total++;
  }

  @Override
  public void checkpointEvery(int records) {
    if (records <= 0) {
      throw new IllegalArgumentException("checkpoint interval must be positive, got " + records);
    }
    if (!recordsFixedByEnvironment) {
      every = records;
    }
  }

  @Override
  public void rateLimited(Instant quotaReset) {
    out.rateLimited(
        quotaReset == null ? null : quotaReset.toEpochMilli(), System.currentTimeMillis());
    output.sink().flush();
  }

  @Override
  public void configChanged(String property, String value) {
    output.masker().register(value);
    if (!configUpdates.available()) {
      output.log(
          Level.WARNING,
          "The config property "
              + property
              + " changed during the read, but the read was started without the config's JSON to persist it in");
      return;
    }
    output.sink().configChanged(configUpdates.apply(property, value), System.currentTimeMillis());
    output.sink().flush();
  }

  private void finish() {
    long now = System.currentTimeMillis();
    if (!running) {
      running(now);
    }
    ObjectNode state;
    if (plan.kind == StreamPlan.Kind.INCREMENTAL) {
      Object cursor = last != null ? last : bound;
      state =
          StreamStates.cursorState(plan.cursorField, cursor == null ? null : type.toJson(cursor));
    } else {
      state = StreamStates.completeState();
    }
    if (lastState == null || sinceState > 0 || !state.equals(lastState)) {
      emitState(state, now);
    }
    if (dropped > 0) {
      output.log(
          Level.FINE,
          "Dropped "
              + dropped
              + " records of stream '"
              + plan.label()
              + "' that were "
              + (paged ? "at or before the page " : "below the state cursor ")
              + plan.boundJson);
    }
    output.log(Level.INFO, "Read " + total + " records from stream " + plan.label());
    status(Status.COMPLETE, System.currentTimeMillis());
    output.sink().flush();
  }

  private ObjectNode stateAt(Object key) {
    JsonNode json = type.toJson(key);
    return paged ? StreamStates.pageState(json) : StreamStates.cursorState(plan.cursorField, json);
  }

  private void emitState(ObjectNode state, long now) {
    out.state(state, sinceState);
    output.sink().flush();
    lastState = state;
    sinceState = 0;
    deadline = now + intervalMillis;
  }

  private void running(long now) {
    running = true;
    status(Status.RUNNING, now);
  }

  private void status(Status status, long now) {
    out.status(status, now);
  }

  private String keyName() {
    return (paged ? "page key " : "cursor ") + String.join(".", plan.keyField);
  }

  private RuntimeException fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  private RuntimeException rejected() {
    if (failure != null) {
      return failure;
    }
    return new IllegalStateException(
        "Stream '" + plan.label() + "' has finished; its records can no longer be emitted");
  }

  private IllegalStateException outOfOrder(Object key) {
    return new IllegalStateException(
        "Stream '"
            + plan.label()
            + "' is declared ordered, but a record with "
            + keyName()
            + " "
            + type.toJson(key)
            + " came after one with "
            + type.toJson(last)
            + "; records must arrive in ascending "
            + (paged ? "page key" : "cursor")
            + " order (otherwise checkpoints could skip data). Sort the records, or declare the stream"
            + (paged ? " without a page key" : " ordered = false"));
  }
}
