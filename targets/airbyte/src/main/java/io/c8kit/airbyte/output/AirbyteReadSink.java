package io.c8kit.airbyte.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.protocol.AirbyteControlMessage;
import io.c8kit.protocol.AirbyteMessage;
import io.c8kit.protocol.AirbyteStateMessage;
import io.c8kit.protocol.AirbyteStateStats;
import io.c8kit.protocol.AirbyteStreamState;
import io.c8kit.protocol.AirbyteStreamStatusTraceMessage;
import io.c8kit.protocol.StreamDescriptor;
import io.c8kit.runtime.RecordSerializer;
import io.c8kit.runtime.output.LogLevels;
import io.c8kit.runtime.read.ReadSink;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;

/**
 * The read engine's results as Airbyte messages on stdout: RECORDs stream from the generated
 * serializer into {@link ProtocolOutput}'s line buffer (the byte-level fast path, no tree per
 * record), states become per-stream STATE messages, statuses TRACE STREAM_STATUS, config changes
 * CONTROL {@code connectorConfig} and logs LOG messages.
 *
 * <p>Takes several streams at once: while the engine reads concurrently, each stream writes its
 * lines into its own {@link ProtocolOutput} (its own generator and commit/rollback buffer, no lock
 * shared with other streams on the record path) and hands whole lines over to the process's output,
 * the one stdout writer, in chunks of about 256 KiB and at every STATE and status, on its own
 * thread under that writer's lock (see {@link StdoutLines}); read one after another (the default),
 * streams write straight into the process's output, byte for byte as before.
 */
public final class AirbyteReadSink implements ReadSink {
  /** Bounds the threads (and with them the memory) a source can ask for. */
  static final int MAX_CONCURRENCY = 16;

  private final ProtocolOutput out;

  /** Set while the engine reads streams concurrently. */
  private volatile boolean concurrent;

  public AirbyteReadSink(ProtocolOutput out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public int maxConcurrency() {
    return MAX_CONCURRENCY;
  }

  @Override
  public void beginConcurrent(int threads) {
    out.flush();
    concurrent = true;
  }

  @Override
  public void endConcurrent() {
    concurrent = false;
    out.flush(); // the streams' hand-overs are all in the process's output by now
  }

  @Override
  public ReadSink.Stream stream(String name, String namespace) {
    return concurrent
        ? new StreamLines(
            name, namespace, new ProtocolOutput(new StdoutLines(out), out.masker(), true), true)
        : new StreamLines(name, namespace, out, false);
  }

  @Override
  public void log(Level level, String message) {
    out.log(LogLevels.toAirbyte(level), message);
  }

  @Override
  public void configChanged(ObjectNode config, long atMillis) {
    AirbyteControlMessage control = new AirbyteControlMessage();
    control.type = AirbyteControlMessage.Type.CONNECTOR_CONFIG;
    control.emittedAt = (double) atMillis;
    control.connectorConfig = new AirbyteControlMessage.ConnectorConfig();
    control.connectorConfig.config = config;
    out.write(AirbyteMessage.control(control));
  }

  @Override
  public void flush() {
    out.flush();
  }

  /** One stream's lines; its name and namespace are encoded once for every RECORD. */
  private static final class StreamLines implements ReadSink.Stream {
    private final ProtocolOutput.RecordHead head;
    private final StreamDescriptor descriptor;
    private final ProtocolOutput out;

    /** A concurrent stream's own output: hand its lines over at every STATE and status. */
    private final boolean handOver;

    StreamLines(String name, String namespace, ProtocolOutput out, boolean handOver) {
      this.head = ProtocolOutput.recordHead(name, namespace);
      this.descriptor = new StreamDescriptor(name, namespace);
      this.out = out;
      this.handOver = handOver;
    }

    private void handOver() {
      if (handOver) {
        out.flush();
      }
    }

    @Override
    public <R> void record(RecordSerializer<? super R> serializer, R record, long emittedAtMillis) {
      out.writeRecord(head, serializer, record, emittedAtMillis);
    }

    @Override
    public void state(ObjectNode state, long recordCount) {
      AirbyteStateMessage message = new AirbyteStateMessage();
      message.type = AirbyteStateMessage.Type.STREAM;
      message.stream = new AirbyteStreamState(descriptor, state);
      message.sourceStats = new AirbyteStateStats((double) recordCount);
      out.write(AirbyteMessage.state(message));
      handOver();
    }

    @Override
    public void status(ReadSink.Status status, long atMillis) {
      out.write(AirbyteMessage.streamStatus(descriptor, airbyte(status), atMillis));
      handOver();
    }

    @Override
    public void rateLimited(Long quotaResetMillis, long atMillis) {
      ObjectNode reason = JsonNodeFactory.instance.objectNode().put("type", "RATE_LIMITED");
      if (quotaResetMillis != null) {
        reason.putObject("rate_limited").put("quota_reset", quotaResetMillis.longValue());
      }
      AirbyteMessage message =
          AirbyteMessage.streamStatus(
              descriptor, AirbyteStreamStatusTraceMessage.Status.RUNNING, atMillis);
      message.trace.streamStatus.reasons = List.of(reason);
      out.write(message);
      handOver();
    }
  }

  /**
   * Where a concurrently read stream's committed lines go: straight into the process's output, on
   * the stream's thread, under that output's lock, taken once per chunk of about 256 KiB or per
   * STATE and status, never per record; {@link ProtocolOutput#writeLines} writes whole 64 KiB
   * blocks and keeps the rest for the next hand-over, and a STATE or status flushes it. A stream
   * that outruns stdout waits in the write, so memory stays at one buffer per stream. Measured
   * against a writer thread fed through a queue (the design before): 9 % less CPU and 10 % less
   * wall time with two reading threads on 2 cores, the chunks no longer crossing cores
   * (benchmarks/README.md, "Issue 15, evening of 2026-12-06").
   */
  private static final class StdoutLines extends OutputStream {
    private final ProtocolOutput stdout;

    StdoutLines(ProtocolOutput stdout) {
      this.stdout = stdout;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] lines, int off, int len) {
      stdout.writeLines(lines, off, len);
    }

    @Override
    public void flush() {
      stdout.flush();
    }
  }

  private static AirbyteStreamStatusTraceMessage.Status airbyte(ReadSink.Status status) {
    return switch (status) {
      case STARTED -> AirbyteStreamStatusTraceMessage.Status.STARTED;
      case RUNNING -> AirbyteStreamStatusTraceMessage.Status.RUNNING;
      case COMPLETE -> AirbyteStreamStatusTraceMessage.Status.COMPLETE;
      case INCOMPLETE -> AirbyteStreamStatusTraceMessage.Status.INCOMPLETE;
    };
  }
}
