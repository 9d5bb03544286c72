package io.c8kit.airbyte.input;

import io.c8kit.destination.SyncWriter;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.write.WriteOutput;
import io.c8kit.runtime.write.WriteRun;
import java.io.InputStream;

/**
 * The Airbyte {@code write} operation: reads the messages on stdin to EOF and feeds them to a
 * {@link WriteRun}, which loads RECORDs through the connector's {@link SyncWriter} in buffered
 * batches; each STATE is echoed once everything before it is committed. See {@code
 * docs/DESTINATIONS.md} for the exact semantics and the buffer settings.
 */
public final class AirbyteWrite {
  private AirbyteWrite() {}

  /**
   * write: reads stdin to EOF, loads via the connector's SyncWriter, hands each committed state to
   * {@code out} (the Airbyte target echoes it); throws on failure.
   *
   * <p>Problems in the catalog (an unsupported destination sync mode, {@code append_dedup} without
   * a primary key) throw {@link io.c8kit.ConfigException} before the writer is opened; broken input
   * throws {@link io.c8kit.runtime.write.WriteInputException} (a RECORD of a stream not in the
   * catalog a {@code ConfigException}), an input without any message or with stream statuses but a
   * stream never COMPLETE a {@link io.c8kit.TransientException}; the writer's own exceptions
   * propagate unchanged. Unless the writer failed, the records received before a failure are
   * committed and the states they cover echoed first (streams are not completed). The writer is
   * closed in every case; no STATE is echoed for records that were not committed.
   */
  public static <C> void write(
      DestinationConnector<C> connector,
      C config,
      ConfiguredAirbyteCatalog catalog,
      InputStream stdin,
      WriteOutput out)
      throws Exception {
    WriteRun run = WriteRun.open(connector, config, catalog, out);
    feed(stdin, run, true);
    run.finish();
  }

  /**
   * Reads {@code stdin} to EOF into {@code run}; with {@code readerThread} (always, but in tests
   * that read synchronously) on a thread of its own, so that age-bound flushes also happen while
   * stdin is idle. On a failure the run is aborted and the failure thrown.
   */
  static void feed(InputStream stdin, WriteRun run, boolean readerThread) throws Exception {
    try {
      InputLines.read(stdin, readerThread, new LineInput(run));
    } catch (Throwable t) {
      run.abort(t);
      throw t;
    }
  }
}
