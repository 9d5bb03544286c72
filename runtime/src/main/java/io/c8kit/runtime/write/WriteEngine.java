package io.c8kit.runtime.write;

import io.c8kit.destination.DestinationStream;
import io.c8kit.destination.SyncWriter;
import io.c8kit.destination.WriteContext;
import io.c8kit.protocol.AirbyteLogMessage;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.output.ProtocolOutput;
import java.io.InputStream;
import java.util.List;

/**
 * The Airbyte {@code write} operation: reads the messages on stdin to EOF, loads RECORDs through the
 * connector's {@link SyncWriter} in buffered batches, and echoes each STATE once everything before it
 * is committed. See {@code docs/DESTINATIONS.md} for the exact semantics and the buffer settings.
 */
public final class WriteEngine {
  private WriteEngine() {}

  /**
   * write: reads stdin to EOF, loads via the connector's SyncWriter, echoes states; throws on failure.
   *
   * <p>Problems in the catalog (an unsupported destination sync mode, {@code append_dedup} without a
   * primary key) throw {@link io.c8kit.ConfigException} before the writer is opened; broken input throws
   * {@link WriteInputException} (a RECORD of a stream not in the catalog a {@code ConfigException}), an
   * input without any message or with stream statuses but a stream never COMPLETE a
   * {@link io.c8kit.TransientException}; the writer's own exceptions propagate unchanged. Unless the
   * writer failed, the records received before a failure are committed and the states they cover
   * echoed first (streams are not completed). The writer is closed in every case; no STATE is echoed
   * for records that were not committed.
   */
  public static <C> void write(
      DestinationConnector<C> connector, C config, ConfiguredAirbyteCatalog catalog, InputStream stdin,
      ProtocolOutput out) throws Exception {
    run(connector, config, catalog, stdin, out, WriteOptions.fromEnvironment());
  }

  static <C> WriteStats run(
      DestinationConnector<C> connector, C config, ConfiguredAirbyteCatalog catalog, InputStream stdin,
      ProtocolOutput out, WriteOptions options) throws Exception {
    List<DestinationStream> streams = CatalogStreams.of(catalog, connector.definition().syncModes());
    SyncWriter writer = connector.definition().writer().open(config, new Context(streams));
    if (writer == null) {
      throw new IllegalStateException("the @Writer method of " + connector.name() + " returned null");
    }
    WriteSession session = new WriteSession(writer, streams, out, options);
    Throwable failure = null;
    try {
      InputLines.read(stdin, options.readerThread, session);
      session.finish();
    } catch (Throwable t) {
      failure = t;
      if (t instanceof Exception) {
        try {
          session.commitBeforeFailure();
        } catch (Throwable committing) {
          t.addSuppressed(committing);
        }
      }
      throw t;
    } finally {
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
      } catch (RuntimeException e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else {
          throw e;
        }
      }
    }
    out.log(AirbyteLogMessage.Level.INFO, "write finished: " + session.stats);
    out.flush();
    return session.stats;
  }

  /** The catalog as the {@code @Writer} method sees it. */
  private record Context(List<DestinationStream> streams) implements WriteContext {}
}
