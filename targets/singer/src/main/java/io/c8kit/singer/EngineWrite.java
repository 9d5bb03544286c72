package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.secrets.SecretMasker;
import io.c8kit.runtime.write.IncompleteStreamsException;
import io.c8kit.runtime.write.WriteOutput;
import io.c8kit.runtime.write.WriteRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;

/**
 * The one place the Singer target touches the write engine: a {@link WriteEvents} run over the
 * engine's buffers, sync modes and commit path.
 *
 * <p>The engine's {@link WriteRun} runs on its own thread, fed the target's events through a
 * bounded queue, so that buffers that have aged are committed (and their states printed) while the
 * input is idle, as in the Airbyte write. A state travels as the Singer value itself.
 */
final class EngineWrite<C> implements WriteEvents {
  /**
   * Events in flight between the input and the engine; bounds the memory of a slow writer's
   * backlog.
   */
  private static final int QUEUE = 1024;

  /** One input event, applied on the engine's thread. */
  private interface Event {
    void apply(WriteRun run) throws Exception;
  }

  private static final Event END = run -> {};
  private static final Event ABORT = run -> {};

  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
  private final ByteArrayOutputStream dataBytes = new ByteArrayOutputStream(1024);
  private final JsonGenerator data;
  private final Thread worker;
  private volatile Throwable failure;
  private volatile boolean done;
  private long position;
  private boolean finished;

  EngineWrite(
      DestinationConnector<C> connector,
      C config,
      List<DestinationStream> streams,
      Listener listener,
      SecretMasker masker,
      BiConsumer<String, String> log)
      throws IOException {
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog();
    for (DestinationStream d : streams) {
      ConfiguredAirbyteStream c = new ConfiguredAirbyteStream();
      c.stream = new AirbyteStream();
      c.stream.name = d.name();
      c.stream.jsonSchema = d.jsonSchema();
      c.stream.supportedSyncModes = new ArrayList<>(List.of(d.syncMode()));
      c.syncMode = d.syncMode();
      c.destinationSyncMode = d.destinationSyncMode();
      c.primaryKey = d.primaryKey().isEmpty() ? null : d.primaryKey();
      c.cursorField = d.cursorField().isEmpty() ? null : d.cursorField();
      catalog.streams.add(c);
    }
    this.data = PythonJson.MAPPER.getFactory().createGenerator(dataBytes, JsonEncoding.UTF8);
    data.setRootValueSeparator(null);
    Output output = new Output(listener, masker, log);
    String first = streams.isEmpty() ? null : streams.get(0).name();
    this.worker =
        new Thread(
            () -> {
              WriteRun run = null;
              try {
                run = WriteRun.open(connector, config, catalog, output);
                if (first != null) {
                  // any stream status means: a stream completes only by its own COMPLETE, never by
                  // end of input
                  run.streamStatus(null, first, false, 0);
                }
                drain(run);
              } catch (Throwable t) {
                failure = t;
                if (run != null) {
                  run.abort(t);
                }
              } finally {
                done = true;
                queue.clear(); // a producer waiting for room sees done
              }
            },
            "c8kit-singer-write");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Applies events until the end (or an abort) of this run's input, committing aged buffers when
   * idle.
   */
  private void drain(WriteRun run) throws Exception {
    while (true) {
      long timeout = run.idleTimeoutNanos();
      Event event = timeout < 0 ? queue.take() : queue.poll(timeout, TimeUnit.NANOSECONDS);
      if (event == null) {
        run.idle();
      } else if (event == END) {
        run.finish();
        return;
      } else if (event == ABORT) {
        // the Singer input failed: commit what was received, complete nothing
        run.abort(new IllegalStateException("the Singer target stopped this write run"));
        return;
      } else {
        event.apply(run);
      }
    }
  }

  private void send(Event event) throws Exception {
    while (!queue.offer(event, 50, TimeUnit.MILLISECONDS) || done) {
      if (done) {
        throw failureOr(new IllegalStateException("the write engine has stopped"));
      }
    }
  }

  /** The engine's own exception when it stopped (the one to report), else {@code otherwise}. */
  private Exception failureOr(Exception otherwise) throws Exception {
    try {
      worker.join();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure;
    if (t instanceof Exception ex) {
      return ex;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return otherwise;
  }

  @Override
  public void record(String stream, ObjectNode record, long line) throws Exception {
    position = line;
    dataBytes.reset();
    PythonJson.MAPPER.writeTree(data, record);
    data.flush();
    byte[] bytes = dataBytes.toByteArray();
    long emittedAt = System.currentTimeMillis();
    send(run -> run.record(null, stream, bytes, emittedAt, null, bytes.length, line));
  }

  @Override
  public void state(Object state) throws Exception {
    long at = position;
    send(run -> run.state(null, null, state, at));
  }

  @Override
  public void complete(String stream) throws Exception {
    long at = position;
    send(run -> run.streamStatus(null, stream, true, at));
  }

  @Override
  public void finish() throws Exception {
    finished = true;
    if (!done) {
      send(END);
    }
    worker.join();
    Throwable t = failure;
    if (t instanceof IncompleteStreamsException) {
      // The Singer input decides completion (ACTIVATE_VERSION); TargetRun completed the streams it
      // meant to and warned about the rest. Everything was committed and its states printed.
      return;
    }
    if (t instanceof Exception e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  /**
   * Without {@link #finish()}: the engine commits what it received, completes nothing, and stops.
   */
  @Override
  public void close() throws Exception {
    if (finished) {
      return;
    }
    finished = true;
    if (!done) {
      try {
        send(ABORT);
      } catch (Exception ignored) {
        // the engine stopped already; its failure is not this run's to report
      }
    }
    worker.join();
  }

  /** The engine's results: committed states go to the {@link Listener}, log lines to the log. */
  private static final class Output implements WriteOutput {
    private final Listener listener;
    private final SecretMasker masker;
    private final BiConsumer<String, String> log;
    private boolean released;

    Output(Listener listener, SecretMasker masker, BiConsumer<String, String> log) {
      this.listener = listener;
      this.masker = masker;
      this.log = log;
    }

    @Override
    public void stateCommitted(Object state, long recordCount) throws Exception {
      listener.committed(state);
      released = true;
    }

    @Override
    public void log(Level level, String message) {
      log.accept(LogLevels.toAirbyte(level).name(), masker.mask(message));
    }

    @Override
    public void flush() throws Exception {
      if (released) {
        released = false;
        listener.flush();
      }
    }
  }
}
