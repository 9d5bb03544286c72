package io.c8kit.runtime.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.runtime.DestinationConnector;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;

/**
 * One run of the write engine, fed by a target: opened over a catalog (the connector's {@code
 * SyncWriter} is opened then), fed {@link WriteInput} events, and ended by {@link #finish()} (end
 * of input) or {@link #abort(Throwable)} (the input failed). See {@code docs/DESTINATIONS.md}.
 */
public final class WriteRun implements WriteInput {
  private final SyncWriter writer;
  private final WriteSession session;
  private final WriteOutput out;
  private boolean closed;

  private WriteRun(SyncWriter writer, WriteSession session, WriteOutput out) {
    this.writer = writer;
    this.session = session;
    this.out = out;
  }

  /**
   * Checks the catalog and opens the connector's writer, with the buffer limits configured by the
   * environment.
   *
   * @throws io.c8kit.ConfigException for an unsupported destination sync mode or {@code
   *     append_dedup} without a primary key, before the writer is opened
   */
  public static <C> WriteRun open(
      DestinationConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      WriteOutput out)
      throws Exception {
    return open(connector, config, catalog, out, WriteOptions.fromEnvironment());
  }

  static <C> WriteRun open(
      DestinationConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      WriteOutput out,
      WriteOptions options)
      throws Exception {
    Objects.requireNonNull(out, "out");
    List<DestinationStream> streams =
        CatalogStreams.of(catalog, connector.definition().syncModes());
    SyncWriter writer = connector.definition().writer().open(config, new Context(streams));
    if (writer == null) {
      throw new IllegalStateException(
          "the @Writer method of " + connector.name() + " returned null");
    }
    WriteSession session = new WriteSession(writer, streams, out, options);
    if (session.concurrent()) {
      out.log(
          Level.INFO,
          "writing up to "
              + session.threads()
              + " streams at once (the writer allows "
              + writer.concurrency()
              + "; set "
              + WriteOptions.CONCURRENCY
              + " to change it)");
    }
    return new WriteRun(writer, session, out);
  }

  @Override
  public void record(
      String namespace,
      String stream,
      byte[] data,
      long emittedAt,
      ObjectNode meta,
      int sizeBytes,
      long position)
      throws Exception {
    session.record(namespace, stream, data, emittedAt, meta, sizeBytes, position);
  }

  @Override
  public void state(String namespace, String stream, Object state, long position) throws Exception {
    session.state(namespace, stream, state, position);
  }

  @Override
  public void streamStatus(String namespace, String stream, boolean complete, long position)
      throws Exception {
    session.streamStatus(namespace, stream, complete, position);
  }

  @Override
  public void ignored(long position) throws Exception {
    session.ignored(position);
  }

  @Override
  public long idleTimeoutNanos() {
    return session.idleTimeoutNanos();
  }

  @Override
  public void idle() throws Exception {
    session.idle();
  }

  /**
   * End of input: commits everything, hands back every state, completes the streams, closes the
   * writer. On a failure (an incomplete sync, the writer's exception) what can be committed is, the
   * writer is closed, and the failure is thrown.
   */
  public void finish() throws Exception {
    Throwable failure = null;
    try {
      session.finish();
    } catch (Throwable t) {
      failure = t;
      commitBeforeFailure(t);
      throw t;
    } finally {
      close(failure);
    }
    out.log(Level.INFO, "write finished: " + session.stats);
    out.flush();
  }

  /**
   * The input failed with {@code failure} (not thrown here): unless the writer itself failed, the
   * records received so far are committed and their states handed back; the writer is closed. What
   * goes wrong meanwhile is added to {@code failure} as suppressed. Does nothing once closed.
   */
  public void abort(Throwable failure) {
    if (closed) {
      return;
    }
    commitBeforeFailure(failure);
    try {
      close(failure);
    } catch (Throwable t) {
      failure.addSuppressed(
          t); // close(failure) adds its own problems; this is only the compiler's due
    }
  }

  WriteStats stats() {
    return session.stats;
  }

  private static boolean interrupted(Throwable failure) {
    return failure instanceof InterruptedException
        || failure instanceof java.io.InterruptedIOException;
  }

  private void commitBeforeFailure(Throwable failure) {
    if (failure instanceof Exception && !(interrupted(failure) && session.concurrent())) {
      // (an interrupted concurrent run stops: its calls under way may be the ones that hang)
      try {
        session.commitBeforeFailure();
      } catch (Throwable committing) {
        failure.addSuppressed(committing);
      }
    }
  }

  /** Closes the writer and flushes the output; with a {@code failure}, problems are added to it. */
  private void close(Throwable failure) throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    // The writer is closed only after every call under way on the pool has returned. Calls that
    // failed unsettled belong to a failed run (a finished one settled them all).
    for (Throwable t : session.stopFlushes(interrupted(failure))) {
      if (failure != null) {
        failure.addSuppressed(t);
      }
    }
    try {
      writer.close();
    } catch (Throwable closing) {
      if (failure != null) {
        failure.addSuppressed(closing);
      } else {
        throw closing;
      }
    }
    try {
      out.flush();
    } catch (Exception e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw e;
      }
    }
  }

  /** The catalog as the {@code @Writer} method sees it. */
  private record Context(List<DestinationStream> streams) implements WriteContext {}
}
