package io.c8kit.singer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c8kit.destination.DestinationStream;
import io.c8kit.protocol.AirbyteStream;
import io.c8kit.protocol.ConfiguredAirbyteCatalog;
import io.c8kit.protocol.ConfiguredAirbyteStream;
import io.c8kit.protocol.SyncMode;
import io.c8kit.runtime.DestinationConnector;
import io.c8kit.runtime.output.ProtocolOutput;
import io.c8kit.runtime.secrets.SecretMasker;
import io.c8kit.runtime.write.WriteEngine;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The one place the Singer target touches the write engine: a {@link WriteEvents} run over the
 * engine's buffers, sync modes and commit path.
 *
 * <p>Until the engine takes target-neutral input events, each run feeds it Airbyte lines through a
 * pipe (the engine on its own thread) and reads its STATE echoes back; a state travels as a sequence
 * number, so the Singer value itself never passes through the Airbyte format.
 */
final class EngineWrite<C> implements WriteEvents {
  private static final String STATE_KEY = "c8kit_singer_state";

  private final PipedOutputStream pipe;
  private final OutputStream toEngine;
  private final JsonGenerator g;
  private final Thread worker;
  private final Map<Long, Object> pendingStates = new ConcurrentHashMap<>();
  private volatile Throwable failure;
  private long stateSeq;
  private boolean finished;

  EngineWrite(DestinationConnector<C> connector, C config, List<DestinationStream> streams,
      Listener listener, SecretMasker masker, BiConsumer<String, String> log) throws Exception {
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
    PipedInputStream in = new PipedInputStream(1 << 20);
    this.pipe = new PipedOutputStream(in);
    this.toEngine = new BufferedOutputStream(pipe, 1 << 16);
    this.g = PythonJson.MAPPER.getFactory().createGenerator(toEngine, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    ProtocolOutput echoes = new ProtocolOutput(new Echoes(listener, log), masker);
    this.worker = new Thread(() -> {
      try {
        WriteEngine.write(connector, config, catalog, in, echoes);
        echoes.flush();
      } catch (Throwable t) {
        failure = t;
      } finally {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing left to read
        }
      }
    }, "c8kit-singer-write");
    worker.setDaemon(true);
    worker.start();
    if (!streams.isEmpty()) {
      // any stream status means: a stream completes only by its own COMPLETE, never by end of input
      line(() -> {
        g.writeStringField("type", "TRACE");
        g.writeObjectFieldStart("trace");
        g.writeStringField("type", "STREAM_STATUS");
        g.writeNumberField("emitted_at", System.currentTimeMillis());
        g.writeObjectFieldStart("stream_status");
        g.writeObjectFieldStart("stream_descriptor");
        g.writeStringField("name", streams.get(0).name());
        g.writeEndObject();
        g.writeStringField("status", "STARTED");
        g.writeEndObject();
        g.writeEndObject();
      });
    }
  }

  private interface Body {
    void write() throws IOException;
  }

  private void line(Body body) throws Exception {
    try {
      g.writeStartObject();
      body.write();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    } catch (IOException e) {
      throw failureOr(e);
    }
  }

  private Exception failureOr(IOException e) throws Exception {
    // a broken pipe means the engine stopped: its own exception is the one to report
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
    return e;
  }

  @Override
  public void record(String stream, ObjectNode data, long line) throws Exception {
    line(() -> {
      g.writeStringField("type", "RECORD");
      g.writeObjectFieldStart("record");
      g.writeStringField("stream", stream);
      g.writeFieldName("data");
      PythonJson.MAPPER.writeTree(g, data);
      g.writeNumberField("emitted_at", System.currentTimeMillis());
      g.writeEndObject();
    });
  }

  @Override
  public void state(Object state) throws Exception {
    long seq = ++stateSeq;
    pendingStates.put(seq, state);
    line(() -> {
      g.writeStringField("type", "STATE");
      g.writeObjectFieldStart("state");
      g.writeStringField("type", "LEGACY");
      g.writeObjectFieldStart("data");
      g.writeNumberField(STATE_KEY, seq);
      g.writeEndObject();
      g.writeEndObject();
    });
    toEngine.flush(); // let the engine see the barrier: it may release it without more input
  }

  @Override
  public void complete(String stream) throws Exception {
    line(() -> {
      g.writeStringField("type", "TRACE");
      g.writeObjectFieldStart("trace");
      g.writeStringField("type", "STREAM_STATUS");
      g.writeNumberField("emitted_at", System.currentTimeMillis());
      g.writeObjectFieldStart("stream_status");
      g.writeObjectFieldStart("stream_descriptor");
      g.writeStringField("name", stream);
      g.writeEndObject();
      g.writeStringField("status", "COMPLETE");
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  @Override
  public void finish() throws Exception {
    finished = true;
    try {
      toEngine.flush();
      pipe.close();
    } catch (IOException e) {
      throw failureOr(e);
    }
    worker.join();
    Throwable t = failure;
    if (t instanceof io.c8kit.runtime.write.IncompleteStreamsException) {
      // The Singer input decides completion (ACTIVATE_VERSION); TargetRun completed the streams it
      // meant to and warned about the rest. Everything was committed and its states echoed.
      return;
    }
    if (t instanceof Exception e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
  }

  /** Without {@link #finish()}: the engine stops on a broken last line, committing nothing more. */
  @Override
  public void close() throws Exception {
    if (finished) {
      return;
    }
    finished = true;
    try {
      toEngine.write("{\"type\":\"ABORTED_BY_SINGER_TARGET\"\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      toEngine.flush();
      pipe.close();
    } catch (IOException ignored) {
      // the engine is gone already
    }
    worker.join();
  }

  /** The engine's output: STATE echoes become {@link Listener} calls, LOG lines go to the log. */
  private final class Echoes extends OutputStream {
    private final Listener listener;
    private final BiConsumer<String, String> log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean released;

    Echoes(Listener listener, BiConsumer<String, String> log) {
      this.listener = listener;
      this.log = log;
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '\n') {
        dispatch();
      } else {
        line.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    private void dispatch() throws IOException {
      JsonNode m = PythonJson.MAPPER.readTree(line.toByteArray());
      line.reset();
      String type = m.path("type").asText();
      if ("STATE".equals(type)) {
        Object state = pendingStates.remove(m.path("state").path("data").path(STATE_KEY).asLong());
        if (state != null) {
          try {
            listener.committed(state);
            released = true;
          } catch (Exception e) {
            throw new IOException(e);
          }
        }
      } else if ("LOG".equals(type)) {
        log.accept(m.path("log").path("level").asText(), m.path("log").path("message").asText());
      }
    }

    @Override
    public void flush() throws IOException {
      if (released) {
        released = false;
        try {
          listener.flush();
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
    }
  }
}
